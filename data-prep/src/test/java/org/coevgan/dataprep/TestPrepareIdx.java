package org.coevgan.dataprep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.PrepareIdx.Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPrepareIdx {
  private static final int TEST_SPLIT_SIZE = 10_000;

  private static SparkSession spark;
  private static String testSplitTable;
  private static long testSplitCount;

  @TempDir
  static Path sharedFolder;

  @TempDir
  Path folder;

  @BeforeAll
  static void prepareTestSplitOnce() {
    spark = LocalSpark.start();
    testSplitTable = sharedFolder.resolve("mnist-test").toString();
    Options options = new Options(SharedData.mnistImages(), Optional.of(SharedData.mnistLabels()),
        testSplitTable, IdxReader.NO_LIMIT);

    testSplitCount = PrepareIdx.run(spark, options);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void writesEveryImageOfTheTestSplit() {
    Dataset<Row> table = spark.read().parquet(testSplitTable);

    Row summary = table.agg(min(ImageTable.ID), max(ImageTable.ID),
        min(ImageTable.HEIGHT), max(ImageTable.HEIGHT), min(ImageTable.WIDTH),
        max(ImageTable.WIDTH), min(size(col(ImageTable.PIXELS))),
        max(size(col(ImageTable.PIXELS)))).first();

    assertEquals(TEST_SPLIT_SIZE, testSplitCount);
    assertEquals(TEST_SPLIT_SIZE, table.count());
    assertEquals(TEST_SPLIT_SIZE, table.select(ImageTable.ID).distinct().count());
    assertEquals(List.of(0L, 9_999L, 28, 28, 28, 28, 784, 784),
        List.of(summary.get(0), summary.get(1), summary.get(2), summary.get(3), summary.get(4),
            summary.get(5), summary.get(6), summary.get(7)));
    assertEquals(List.of("t10k-images-idx3-ubyte.gz"), distinctStrings(table, ImageTable.SOURCE));
    assertEquals(0, table.filter(col(ImageTable.SYNTHETIC)).count());
  }

  @Test
  void labelsEveryDigitAPlausibleNumberOfTimes() {
    Dataset<Row> table = spark.read().parquet(testSplitTable);

    List<Row> counts = table.groupBy(ImageTable.LABEL).count().orderBy(ImageTable.LABEL)
        .collectAsList();

    assertEquals(10, counts.size(), counts::toString);
    for (int digit = 0; digit < 10; digit++) {
      Row count = counts.get(digit);
      assertEquals(digit, count.getInt(0));
      assertTrue(count.getLong(1) >= 800 && count.getLong(1) <= 1200, count::toString);
    }
  }

  @Test
  void keepsPixelsWithinMinusOneToOne() {
    Dataset<Row> pixels = spark.read().parquet(testSplitTable)
        .selectExpr("explode(" + ImageTable.PIXELS + ") AS pixel");

    Row range = pixels.agg(min("pixel"), max("pixel")).first();

    assertEquals(-1.0f, range.getFloat(0), 1e-6f);
    assertEquals(1.0f, range.getFloat(1), 1e-6f);
  }

  @Test
  void countsRowsFromParquetFootersWithoutSpark() {
    long rows = ImageTable.countRows(testSplitTable);

    assertEquals(TEST_SPLIT_SIZE, rows);
  }

  @Test
  void keepsTheFirstImagesAndLabelsWithinTheLimit() {
    String output = folder.resolve("first-25").toString();
    Options options = new Options(SharedData.mnistImages(),
        Optional.of(SharedData.mnistLabels()), output, 25);
    IdxLabels expected = IdxReader.readLabels(SharedData.mnistLabels(), 25);

    long written = PrepareIdx.run(spark, options);

    List<Row> rows = spark.read().parquet(output).orderBy(ImageTable.ID).collectAsList();
    assertEquals(25, written);
    assertEquals(25, rows.size());
    for (int index = 0; index < 25; index++) {
      assertEquals(index, rows.get(index).<Long>getAs(ImageTable.ID));
      assertEquals(expected.label(index), rows.get(index).<Integer>getAs(ImageTable.LABEL));
    }
  }

  @Test
  void leavesLabelsNullWhenNoLabelFileIsGiven() {
    String output = folder.resolve("unlabelled").toString();
    Options options = new Options(SharedData.mnistImages(), Optional.empty(), output, 5);

    PrepareIdx.run(spark, options);

    List<Row> rows = spark.read().parquet(output).collectAsList();
    assertEquals(5, rows.size());
    for (Row row : rows) {
      assertNull(row.getAs(ImageTable.LABEL));
    }
  }

  @Test
  void refusesExistingOutputAndLeavesItUntouched() throws IOException {
    Path output = Files.createDirectory(folder.resolve("existing"));
    Path marker = Files.writeString(output.resolve("notes.txt"), "keep me");
    Options options =
        new Options(SharedData.mnistImages(), Optional.empty(), output.toString(), 10);

    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> PrepareIdx.run(spark, options));

    assertTrue(failure.getMessage().contains(output.toString()), failure.getMessage());
    assertTrue(failure.getMessage().contains("already exists"), failure.getMessage());
    assertEquals(List.of("notes.txt"), entries(output));
    assertEquals("keep me", Files.readString(marker));
    assertEquals(List.of("existing"), entries(folder));
  }

  @Test
  void leavesNothingBehindWhenTheImageFileIsTruncated() throws IOException {
    byte[] whole = decompress(SharedData.mnistImages());
    Path truncated = IdxFiles.write(folder, "truncated-images.idx",
        Arrays.copyOf(whole, whole.length - 1000));
    String output = folder.resolve("out").toString();
    Options options = new Options(truncated, Optional.of(SharedData.mnistLabels()), output, 10);

    BadInputException failure =
        assertThrows(BadInputException.class, () -> PrepareIdx.run(spark, options));

    assertTrue(failure.getMessage().contains("truncated-images.idx"), failure.getMessage());
    assertTrue(failure.getMessage().contains("truncated"), failure.getMessage());
    assertTrue(failure.getMessage().contains("only 7839000 bytes follow"), failure.getMessage());
    assertFalse(Files.exists(folder.resolve("out")));
    assertEquals(List.of("truncated-images.idx"), entries(folder));
  }

  private static List<String> distinctStrings(Dataset<Row> table, String column) {
    return table.select(column).distinct().collectAsList().stream()
        .map(row -> row.getString(0))
        .toList();
  }

  private static byte[] decompress(Path gzipped) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }

  private static List<String> entries(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
