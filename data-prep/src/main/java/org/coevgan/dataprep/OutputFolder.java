package org.coevgan.dataprep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the output folder of one table write with the file system it lives on, and performs the
 * file-system steps of {@link ImageTable#writeAtomically}: checking the folder is absent, writing
 * into a hidden temporary sibling, renaming that into place, and removing it after a failure.
 */
record OutputFolder(FileSystem fileSystem, Path path) {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);

  static OutputFolder resolve(String outputDir, Configuration conf) {
    try {
      Path path = new Path(outputDir);
      FileSystem fileSystem = path.getFileSystem(conf);

      return new OutputFolder(fileSystem, fileSystem.makeQualified(path));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the image table to " + outputDir + " because its file system is not"
              + " available (" + e + "); check the path's scheme and the cluster",
          e);
    }
  }

  void checkAbsent() {
    if (exists(path)) {
      throw new IllegalArgumentException(
          "Cannot write the image table to " + path + " because that path already exists;"
              + " choose another --output or delete it");
    }

    if (path.getParent() == null) {
      throw new IllegalArgumentException(
          "Cannot write the image table to " + path + " because it has no parent folder to"
              + " hold the temporary copy; choose another --output");
    }
  }

  void writeInto(Path temporary, Dataset<Row> images) {
    try {
      images.write().parquet(temporary.toString());
    } catch (Exception e) {
      // Spark's Scala code throws IOException undeclared; give it the table's context.
      if (e instanceof IOException io) {
        throw new UncheckedIOException(
            "Cannot write the image table to " + path + " because the file system failed ("
                + io + "); check that " + path.getParent() + " is a writable folder",
            io);
      }

      throw e;
    }
  }

  Path temporarySibling(UUID uuid) {
    return new Path(path.getParent(), "." + path.getName() + ".tmp-" + uuid);
  }

  void moveFrom(Path temporary) {
    boolean renamed;
    try {
      renamed = fileSystem.rename(temporary, path);
    } catch (IOException e) {
      throw new UncheckedIOException(failedMove(temporary, e.toString()), e);
    }

    if (!renamed) {
      String message = failedMove(temporary, "the file system refused the rename");
      throw new UncheckedIOException(message, new IOException(message));
    }
  }

  void deleteQuietly(Path temporary) {
    try {
      if (fileSystem.exists(temporary) && !fileSystem.delete(temporary, true)) {
        LOG.warn("Cannot delete temporary table folder path={}; delete it by hand", temporary);
      }
    } catch (IOException e) {
      LOG.warn("Cannot delete temporary table folder path={} ({}); delete it by hand",
          temporary, e.toString());
    }
  }

  private boolean exists(Path candidate) {
    try {
      return fileSystem.exists(candidate);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot check whether " + candidate + " exists (" + e + "); check the file system",
          e);
    }
  }

  private String failedMove(Path temporary, String reason) {
    return "Cannot move the written image table from " + temporary + " to " + path
        + " because " + reason + "; check that the folder is writable and that nothing else"
        + " writes to " + path;
  }
}
