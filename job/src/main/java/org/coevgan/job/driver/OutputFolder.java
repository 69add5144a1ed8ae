package org.coevgan.job.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The run's output folder on any Hadoop file system, and the one way anything is written into
 * it: into a hidden temporary sibling first, then renamed into place, so a reader never sees a
 * half-written table or file.
 */
public final class OutputFolder {
  private final FileSystem fileSystem;
  private final Path root;

  private OutputFolder(FileSystem fileSystem, Path root) {
    this.fileSystem = fileSystem;
    this.root = root;
  }

  /**
   * Opens a new output folder, refusing one that already exists and is not empty so that an
   * earlier run is never silently overwritten.
   */
  public static OutputFolder create(String location, Configuration hadoop) {
    try {
      Path root = new Path(location);
      FileSystem fileSystem = root.getFileSystem(hadoop);
      Path qualified = fileSystem.makeQualified(root);
      if (fileSystem.exists(qualified) && fileSystem.listStatus(qualified).length > 0) {
        throw new IllegalArgumentException(
            "Cannot write the run to " + qualified + ": the folder exists and is not empty; "
                + "choose another --output or delete it, or continue that run with --resume "
                + location);
      }
      fileSystem.mkdirs(qualified);
      return new OutputFolder(fileSystem, qualified);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the output folder " + location, e);
    }
  }

  /**
   * Opens the folder of an earlier run to continue it; fails, naming the folder, when it does not
   * exist or holds neither run.json nor config.yaml. Either is enough: replacing run.json deletes
   * the old file before the new one is renamed in, so a run killed between the two has none.
   */
  public static OutputFolder existing(String location, Configuration hadoop) {
    try {
      Path root = new Path(location);
      FileSystem fileSystem = root.getFileSystem(hadoop);
      Path qualified = fileSystem.makeQualified(root);
      if (!fileSystem.exists(new Path(qualified, "run.json"))
          && !fileSystem.exists(new Path(qualified, ConfigFile.NAME))) {
        throw new IllegalArgumentException(
            "Cannot resume from " + qualified + ": it holds neither run.json nor "
                + ConfigFile.NAME + "; pass the --output folder of an earlier CoevGanJob run");
      }
      return new OutputFolder(fileSystem, qualified);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the run folder " + location, e);
    }
  }

  /** Returns whether an entry exists. */
  public boolean exists(String relative) {
    try {
      return fileSystem.exists(resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + resolve(relative), e);
    }
  }

  /** Returns a small file's bytes, or null when it does not exist. */
  public byte[] readFile(String relative) {
    Path path = resolve(relative);
    try {
      if (!fileSystem.exists(path)) {
        return null;
      }
      try (var in = fileSystem.open(path)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  /** Returns the qualified path of an entry of the folder. */
  public Path resolve(String relative) {
    return new Path(root, relative);
  }

  /** Returns the folder's qualified root. */
  public Path root() {
    return root;
  }

  /** Returns a fresh hidden temporary path next to the given target. */
  public Path temporaryFor(Path target) {
    return new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
  }

  /** Moves a completed temporary entry to its target, replacing an older entry of that name. */
  public void commit(Path temporary, Path target) {
    try {
      fileSystem.mkdirs(target.getParent());
      if (fileSystem.exists(target)) {
        fileSystem.delete(target, true);
      }
      if (!fileSystem.rename(temporary, target)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move " + temporary + " to " + target, e);
    }
  }

  /**
   * Runs a writer (typically a Spark write) into a hidden temporary folder beside the target and
   * commits it as the target; when the writer fails the temporary folder is removed and the
   * failure rethrown, so readers never see a half-written table.
   */
  public void writeAtomically(Path target, java.util.function.Consumer<String> writeTo) {
    Path temporary = temporaryFor(target);
    try {
      writeTo.accept(temporary.toString());
    } catch (Exception | Error e) {
      // Exception, not RuntimeException: a failed Spark job throws SparkException, a checked
      // exception that Spark's Java API passes through undeclared.
      deleteQuietly(temporary);
      throw e;
    }
    commit(temporary, target);
  }

  /** Deletes an entry if it exists; used to prune old state and drop failed temporaries. */
  public void deleteQuietly(Path path) {
    try {
      fileSystem.delete(path, true);
    } catch (IOException e) {
      // Leaving a stray folder behind is harmless: readers skip hidden names.
    }
  }

  /** Writes a small file atomically. */
  public void writeFile(String relative, byte[] content) {
    Path target = resolve(relative);
    Path temporary = temporaryFor(target);
    try (var out = fileSystem.create(temporary, false)) {
      out.write(content);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new UncheckedIOException("Cannot write " + target, e);
    }
    commit(temporary, target);
  }

  /** Returns the names of the entries directly under a sub-folder, hidden ones excluded. */
  public java.util.List<String> list(String relative) {
    try {
      Path folder = resolve(relative);
      java.util.List<String> names = new java.util.ArrayList<>();
      if (!fileSystem.exists(folder)) {
        return names;
      }
      for (FileStatus status : fileSystem.listStatus(folder)) {
        String name = status.getPath().getName();
        if (!name.startsWith(".") && !name.startsWith("_")) {
          names.add(name);
        }
      }
      java.util.Collections.sort(names);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + relative + " under " + root, e);
    }
  }
}
