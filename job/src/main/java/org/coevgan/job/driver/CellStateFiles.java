package org.coevgan.job.driver;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * Writes a generation's cell states as Parquet files from inside the tasks that computed them,
 * one file per partition (one cell), without Spark SQL's file writer.
 *
 * <p>Spark's writer costs every task a deserialised copy of the whole Hadoop configuration, a
 * code-generated row converter and its commit protocol: in a profile of an 18x18 grid of tiny
 * networks that was about a quarter of the executors' time, more than the cells' training. Here
 * a task converts its rows to Parquet groups directly, with the schema Spark itself derives from
 * {@link CellStateRows#SCHEMA} (so {@code spark.read().parquet} reads the files as before) and
 * Spark's schema in the footer. The Hadoop configuration travels once per run as a broadcast.
 *
 * <p><b>Commit.</b> A task writes a hidden attempt file and renames it to
 * {@code part-NNNNN.parquet}. Cells are deterministic, so when a retried or speculative attempt
 * finds the name taken, the file there holds the same rows: where rename refuses an existing
 * target (HDFS) the attempt drops its own file; the local file system's rename replaces the
 * target (data file, then its .crc file, not atomically together) with identical bytes. The
 * folder is the hidden temporary folder of {@link OutputFolder#writeAtomically}, renamed only
 * after the whole job succeeded; {@link #removeAttemptLeftovers} clears files of attempts that
 * were killed before they could rename.
 */
final class CellStateFiles {
  private static final String ATTEMPT_PREFIX = ".attempt-";

  private CellStateFiles() {}

  /** A Hadoop configuration that Spark can broadcast. */
  static final class HadoopConfiguration implements Serializable {
    private static final long serialVersionUID = 1L;
    private transient Configuration value;

    HadoopConfiguration(Configuration value) {
      this.value = value;
    }

    Configuration value() {
      return value;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      value.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      value = new Configuration(false);
      value.readFields(in);
    }
  }

  /** Writes the task's rows into the folder as one Parquet file and commits it. */
  static void write(Iterator<Row> rows, String folder, Configuration shared) throws IOException {
    if (!rows.hasNext()) {
      return;
    }
    TaskContext task = TaskContext.get();
    String name = String.format(Locale.ROOT, "part-%05d.parquet", task.partitionId());
    Path target = new Path(folder, name);
    Path attempt = new Path(folder, ATTEMPT_PREFIX + task.taskAttemptId() + "-" + name);

    Configuration conf = new Configuration(shared);
    MessageType type = SparkParquetFiles.parquetType(CellStateRows.SCHEMA);
    try (ParquetWriter<Group> writer = open(attempt, conf, type)) {
      SimpleGroupFactory groups = new SimpleGroupFactory(type);
      while (rows.hasNext()) {
        writer.write(toGroup(rows.next(), groups));
      }
    }

    commit(attempt, target, conf);
  }

  /** Deletes attempt files that killed tasks left in a finished folder. */
  static void removeAttemptLeftovers(String folder, Configuration conf) {
    try {
      Path path = new Path(folder);
      FileSystem fs = path.getFileSystem(conf);
      for (FileStatus file : fs.listStatus(path, p -> p.getName().startsWith(ATTEMPT_PREFIX))) {
        fs.delete(file.getPath(), false);
      }
    } catch (IOException e) {
      // A leftover is hidden from Spark's readers and goes with the folder when pruned.
    }
  }

  private static ParquetWriter<Group> open(Path attempt, Configuration conf, MessageType type)
      throws IOException {
    CompressionCodecName codec =
        CompressionCodecName.fromConf(StateStore.CODEC.toUpperCase(Locale.ROOT));
    return SparkParquetFiles.open(nonRecursive(attempt, conf), conf, CellStateRows.SCHEMA, type,
        codec, false, Map.of());
  }

  /**
   * Returns the attempt file as a Parquet output that is created only inside an existing folder:
   * a task still running after its job failed, or a speculative duplicate still running after
   * the folder was committed, must not recreate the removed or renamed temporary folder.
   */
  private static OutputFile nonRecursive(Path attempt, Configuration conf) throws IOException {
    HadoopOutputFile hadoops = HadoopOutputFile.fromPath(attempt, conf);
    FileSystem fs = attempt.getFileSystem(conf);
    return new OutputFile() {
      @Override
      public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(false, blockSizeHint);
      }

      @Override
      public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(true, blockSizeHint);
      }

      private PositionOutputStream open(boolean overwrite, long blockSizeHint)
          throws IOException {
        long blockSize = hadoops.supportsBlockSize()
            ? Math.max(fs.getDefaultBlockSize(attempt), blockSizeHint)
            : fs.getDefaultBlockSize(attempt);
        return HadoopStreams.wrap(fs.createNonRecursive(attempt, overwrite,
            conf.getInt("io.file.buffer.size", 4096), fs.getDefaultReplication(attempt),
            blockSize, null));
      }

      @Override
      public boolean supportsBlockSize() {
        return hadoops.supportsBlockSize();
      }

      @Override
      public long defaultBlockSize() {
        return hadoops.defaultBlockSize();
      }

      @Override
      public String getPath() {
        return hadoops.getPath();
      }
    };
  }

  private static void commit(Path attempt, Path target, Configuration conf) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    if (fs.rename(attempt, target)) {
      return;
    }
    if (!fs.exists(target)) {
      throw new IOException("Cannot commit the cell state file " + attempt + " as " + target
          + ": the rename failed and no other attempt wrote it");
    }
    fs.delete(attempt, false);
  }

  private static Group toGroup(Row row, SimpleGroupFactory groups) {
    Group cell = groups.newGroup()
        .append("cell_row", row.getInt(0))
        .append("cell_col", row.getInt(1))
        .append("generation", row.getInt(2));
    addIndividuals(cell.addGroup("generators"), row.getList(3));
    addIndividuals(cell.addGroup("discriminators"), row.getList(4));
    return cell;
  }

  /** Adds individuals to a Parquet LIST group: repeated "list" groups of one "element" each. */
  private static void addIndividuals(Group list, List<Row> individuals) {
    for (Row individual : individuals) {
      Group element = list.addGroup("list").addGroup("element");
      element.append("parameters", Binary.fromConstantByteArray((byte[]) individual.get(0)))
          .append("optimiser_state", Binary.fromConstantByteArray((byte[]) individual.get(1)))
          .append("iterations", individual.getInt(2))
          .append("learning_rate", individual.getDouble(3));
      if (!individual.isNullAt(4)) {
        element.append("objective", individual.getString(4));
      }
      element.append("origin_row", individual.getInt(5))
          .append("origin_col", individual.getInt(6))
          .append("fitness", individual.getDouble(7));
    }
  }
}
