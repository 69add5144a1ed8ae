package org.coevgan.job.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.ForklessLocalFileSystem;
import org.coevgan.job.cell.CellState;
import org.coevgan.job.cell.IndividualState;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.GeneratorObjective;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes cell states through {@link StateStore#write} (tasks writing their own Parquet files)
 * and checks what Spark SQL reads back, the footers, task retries and a failed write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestCellStateFiles {
  @TempDir java.nio.file.Path folder;

  private SparkSession spark;
  private JavaSparkContext jsc;

  @BeforeAll
  void startSpark() {
    // local[2,3]: two task slots, three attempts per task.
    SparkConf conf = new SparkConf(false).setMaster("local[2,3]").setAppName("cell state files")
        .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.enabled", "false")
        .set("spark.hadoop.fs.file.impl", ForklessLocalFileSystem.class.getName())
        .set("spark.hadoop.fs.file.impl.disable.cache", "true");
    spark = SparkSession.builder().config(conf).getOrCreate();
    jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  void stopSpark() {
    spark.stop();
  }

  @Test
  void sparkReadsTheTasksFilesWithAndWithoutTheSchemaAsItsOwnWriterWouldWriteThem()
      throws IOException {
    List<CellState> states = states();
    StateStore store = storeIn("round-trip");
    store.write(rowsOf(states), 1);

    List<Row> expected = states.stream().map(CellStateRows::toRow).toList();
    String path = store.pathOf(1).toString();
    Dataset<Row> withSchema = spark.read().schema(CellStateRows.SCHEMA).parquet(path);
    Dataset<Row> withoutSchema = spark.read().parquet(path);
    assertEquals(expected, sorted(withSchema.collectAsList()));
    assertEquals(expected, sorted(withoutSchema.collectAsList()));

    // Spark's own writer, read back without a schema, gives the same schema and rows.
    String sparks = folder.resolve("sparks-own").toString();
    spark.createDataFrame(expected, CellStateRows.SCHEMA).write().parquet(sparks);
    Dataset<Row> written = spark.read().parquet(sparks);
    assertEquals(written.schema(), withoutSchema.schema());
    assertEquals(sorted(written.collectAsList()), sorted(withoutSchema.collectAsList()));

    List<CellState> read = new ArrayList<>(store.read(1).collect());
    read.sort(Comparator.comparing(CellState::cell));
    assertEquals(expected, read.stream().map(CellStateRows::toRow).toList());
  }

  @Test
  void footersAreUncompressedWithoutDictionariesAndOneFilePerCell() throws IOException {
    StateStore store = storeIn("footers");
    store.write(rowsOf(states()), 1);

    List<java.nio.file.Path> files = visibleFiles(store, 1);
    assertEquals(List.of("part-00000.parquet", "part-00001.parquet", "part-00002.parquet",
        "part-00003.parquet"), files.stream().map(f -> f.getFileName().toString()).toList());
    for (java.nio.file.Path file : files) {
      var input = HadoopInputFile.fromPath(
          new org.apache.hadoop.fs.Path(file.toUri()), new Configuration());
      try (ParquetFileReader reader = ParquetFileReader.open(input)) {
        for (BlockMetaData block : reader.getFooter().getBlocks()) {
          for (ColumnChunkMetaData column : block.getColumns()) {
            assertEquals(CompressionCodecName.UNCOMPRESSED, column.getCodec());
            assertFalse(column.getEncodings().stream().anyMatch(Encoding::usesDictionary),
                column.getPath().toString());
            assertEquals(null, column.getDictionaryPageOffset() > 0 ? "dictionary" : null);
          }
        }
      }
    }
  }

  /**
   * A first attempt that dies after writing part of its attempt file, and one that dies after
   * committing its cell's file: the retries commit, and no attempt file is left.
   */
  @Test
  void retriedTasksCommitOnceAndLeaveNoAttemptFiles() throws IOException {
    List<CellState> states = states();
    StateStore store = storeIn("retries");
    JavaRDD<Row> failingOnce = rowsOf(states).mapPartitions(TestCellStateFiles::failFirstAttempt);
    store.write(failingOnce, 1);

    JavaRDD<Row> committedThenFailed = rowsOf(states).mapPartitions(rows -> rows);
    store.write(committedThenFailed, 2);
    String path2 = store.pathOf(2).toString();
    // Runs the task body of StateStore.write directly, then fails the first attempt.
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String scratch = folder.resolve("committed-then-failed").toString();
    new org.apache.hadoop.fs.Path(scratch).getFileSystem(conf)
        .mkdirs(new org.apache.hadoop.fs.Path(scratch));
    CellStateFiles.HadoopConfiguration shared = new CellStateFiles.HadoopConfiguration(conf);
    rowsOf(states).foreachPartition(rows -> {
      CellStateFiles.write(rows, scratch, shared.value());
      if (TaskContext.get().attemptNumber() == 0 && TaskContext.getPartitionId() == 1) {
        throw new IllegalStateException("dies after committing its file");
      }
    });

    List<Row> expected = states.stream().map(CellStateRows::toRow).toList();
    assertEquals(expected, sorted(spark.read().schema(CellStateRows.SCHEMA)
        .parquet(store.pathOf(1).toString()).collectAsList()));
    assertEquals(expected, sorted(spark.read().parquet(path2).collectAsList()));
    assertEquals(expected, sorted(spark.read().parquet(scratch).collectAsList()));
    try (Stream<java.nio.file.Path> entries = Files.list(java.nio.file.Path.of(
        store.pathOf(1).toUri()))) {
      assertEquals(List.of(), entries.map(f -> f.getFileName().toString())
          .filter(n -> n.contains("attempt")).toList());
    }
  }

  /**
   * When a write fails, tasks of the aborted job that are still running must not recreate the
   * removed temporary folder: the state folder keeps no hidden leftovers.
   */
  @Test
  void aFailedWriteLeavesNoTemporaryFolderBehind() throws Exception {
    StateStore store = storeIn("failed");
    JavaRDD<Row> rows = rowsOf(states().subList(0, 2)).mapPartitions(cells -> {
      List<Row> all = new ArrayList<>();
      cells.forEachRemaining(all::add);
      if (TaskContext.getPartitionId() == 0) {
        throw new IllegalStateException("this cell always fails");
      }
      Thread.sleep(3000); // a slow cell, still training when the job is aborted
      return all.iterator();
    });

    // Spark's SparkException is a checked exception, thrown through Java code undeclared.
    Exception failure = assertThrows(Exception.class, () -> store.write(rows, 1));
    assertTrue(String.valueOf(failure.getMessage()).contains("this cell always fails"));
    Thread.sleep(6000);

    java.nio.file.Path state = java.nio.file.Path.of(store.pathOf(1).getParent().toUri());
    List<String> left = new ArrayList<>();
    if (Files.exists(state)) {
      try (Stream<java.nio.file.Path> entries = Files.list(state)) {
        entries.forEach(e -> left.add(e.getFileName().toString()));
      }
    }
    assertEquals(List.of(), left, "the state folder after a failed write");
  }

  private static Iterator<Row> failFirstAttempt(Iterator<Row> rows) {
    boolean fail = TaskContext.get().attemptNumber() == 0 && TaskContext.getPartitionId() == 2;
    return new Iterator<>() {
      private boolean handedOne;

      @Override
      public boolean hasNext() {
        if (fail && handedOne) {
          throw new IllegalStateException("dies while its attempt file is being written");
        }
        return rows.hasNext();
      }

      @Override
      public Row next() {
        handedOne = true;
        return rows.next();
      }
    };
  }

  private StateStore storeIn(String name) {
    return new StateStore(spark, OutputFolder.create(folder.resolve(name).toString(),
        spark.sparkContext().hadoopConfiguration()));
  }

  private JavaRDD<Row> rowsOf(List<CellState> states) {
    return jsc.parallelize(states, states.size()).map(CellStateRows::toRow);
  }

  private static List<java.nio.file.Path> visibleFiles(StateStore store, int generation)
      throws IOException {
    try (Stream<java.nio.file.Path> entries =
        Files.list(java.nio.file.Path.of(store.pathOf(generation).toUri()))) {
      return entries.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort(Comparator.<Row>comparingInt(r -> r.getInt(0)).thenComparingInt(r -> r.getInt(1)));
    return copy;
  }

  /** Four cells: a null objective, an empty discriminator list, empty blobs, odd doubles. */
  private static List<CellState> states() {
    List<CellState> states = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Cell cell = new Cell(i / 2, i % 2);
      List<IndividualState> generators = List.of(
          individual(i, i == 1 ? null : GeneratorObjective.NON_SATURATING, cell),
          individual(i + 10, GeneratorObjective.MINIMAX, new Cell(1, 1)));
      List<IndividualState> discriminators =
          i == 2 ? List.of() : List.of(individual(i + 20, null, cell));
      states.add(new CellState(cell, 7, generators, discriminators));
    }
    return states;
  }

  private static IndividualState individual(int seed, GeneratorObjective objective, Cell origin) {
    float[] parameters = new float[seed % 3 == 0 ? 0 : 1000 + seed];
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = (float) Math.sin(seed * 31 + i);
    }
    float[] moments = new float[seed % 2 == 0 ? 0 : 2 * parameters.length];
    for (int i = 0; i < moments.length; i++) {
      moments[i] = i * 1e-3f;
    }
    double fitness = seed == 21 ? Double.NaN : seed == 22 ? -0.0 : seed / 7.0;
    return new IndividualState(parameters, moments, seed, 1e-4 * (seed + 1), objective, origin,
        fitness);
  }
}
