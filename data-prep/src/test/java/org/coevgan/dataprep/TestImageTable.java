package org.coevgan.dataprep;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestImageTable {
  private static SparkSession spark;

  @TempDir
  Path folder;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void declaresColumnsInTableOrder() {
    List<String> expected =
        List.of("id", "source", "label", "height", "width", "pixels", "synthetic");

    List<String> names = Arrays.stream(ImageTable.SCHEMA.fields()).map(StructField::name).toList();

    assertEquals(expected, names);
    assertEquals("struct<id:bigint,source:string,label:int,height:int,width:int,"
        + "pixels:array<float>,synthetic:boolean>", ImageTable.SCHEMA.catalogString());
    assertFalse(ImageTable.SCHEMA.apply("id").nullable());
    assertTrue(ImageTable.SCHEMA.apply("label").nullable());
  }

  @Test
  void normalisesGreyLevelsToMinusOneToOne() {
    int[] greyLevels = {0, 51, 255};

    float[] values = ImageTable.normalisedPixels(IdxFiles.unsignedBytes(greyLevels));

    assertEquals(-1.0f, values[0], 1e-6f);
    assertEquals(-0.6f, values[1], 1e-6f);
    assertEquals(1.0f, values[2], 1e-6f);
  }

  @Test
  void writesTableThatReadsBackWithItsRows() {
    Dataset<Row> images = images(row(0, 3), row(1, null), row(2, 7));
    String output = folder.resolve("table").toString();

    ImageTable.writeAtomically(spark, images, output);

    List<Row> rows = spark.read().parquet(output).orderBy(ImageTable.ID).collectAsList();
    assertEquals(3, rows.size());
    assertEquals(3, rows.get(0).<Integer>getAs(ImageTable.LABEL));
    assertNull(rows.get(1).getAs(ImageTable.LABEL));
    assertEquals(List.of(-1.0f, 1.0f), rows.get(2).getList(rows.get(2).fieldIndex("pixels")));
    assertEquals(3, ImageTable.countRows(output));
    assertEquals(List.of("table"), entries(folder));
  }

  @Test
  void refusesExistingOutputAndLeavesItUntouched() throws IOException {
    Path output = Files.createDirectory(folder.resolve("taken"));
    Files.writeString(output.resolve("keep.txt"), "precious", UTF_8);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> ImageTable.writeAtomically(spark, images(row(0, 1)), output.toString()));

    assertTrue(failure.getMessage().contains(output.toString()), failure.getMessage());
    assertTrue(failure.getMessage().contains("already exists"), failure.getMessage());
    assertTrue(failure.getMessage().contains("choose another --output"), failure.getMessage());
    assertEquals(List.of("keep.txt"), entries(output));
    assertEquals("precious", Files.readString(output.resolve("keep.txt"), UTF_8));
    assertEquals(List.of("taken"), entries(folder));
  }

  @Test
  void removesTemporaryFolderWhenTheWriteFails() {
    JavaRDD<Row> failing = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(List.of(0L, 1L, 2L), 1)
        .map(TestImageTable::rowOrFail);
    Dataset<Row> images = spark.createDataFrame(failing, ImageTable.SCHEMA);
    String output = folder.resolve("never").toString();

    Exception failure =
        assertThrows(Exception.class, () -> ImageTable.writeAtomically(spark, images, output));

    assertTrue(stackMentions(failure, "broken image 2"), () -> failure.toString());
    assertEquals(List.of(), entries(folder));
  }

  @Test
  void refusesRowsWithOtherColumns() {
    Dataset<Row> other = spark.range(3).toDF();
    String output = folder.resolve("other").toString();

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> ImageTable.writeAtomically(spark, other, output));

    assertTrue(failure.getMessage().contains("struct<id:bigint>"), failure.getMessage());
    assertTrue(failure.getMessage().contains("ImageTable.SCHEMA"), failure.getMessage());
    assertEquals(List.of(), entries(folder));
  }

  @Test
  void countRowsRejectsMissingPath() {
    String missing = folder.resolve("missing").toString();

    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> ImageTable.countRows(missing));

    assertTrue(failure.getMessage().contains(missing), failure.getMessage());
    assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
  }

  @Test
  void countRowsRejectsFolderWithoutParquetFiles() throws IOException {
    Path table = Files.createDirectory(folder.resolve("empty-table"));
    Files.createFile(table.resolve("_SUCCESS"));

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> ImageTable.countRows(table.toString()));

    assertTrue(failure.getMessage().contains(table.toString()), failure.getMessage());
    assertTrue(failure.getMessage().contains("no Parquet files"), failure.getMessage());
  }

  @Test
  void countRowsRejectsFileThatIsNotParquet() throws IOException {
    Path table = Files.createDirectory(folder.resolve("broken-table"));
    Files.writeString(table.resolve("part-00000.parquet"), "not parquet", UTF_8);

    BadInputException failure = assertThrows(BadInputException.class,
        () -> ImageTable.countRows(table.toString()));

    assertTrue(failure.getMessage().contains("part-00000.parquet"), failure.getMessage());
    assertTrue(failure.getMessage().contains("not a readable Parquet file"),
        failure.getMessage());
  }

  private static Dataset<Row> images(Row... rows) {
    return spark.createDataFrame(List.of(rows), ImageTable.SCHEMA);
  }

  private static Row row(long id, Integer label) {
    return RowFactory.create(id, "test.idx", label, 1, 2, new float[] {-1.0f, 1.0f}, false);
  }

  private static Row rowOrFail(long id) {
    if (id == 2) {
      throw new IllegalStateException("broken image " + id);
    }

    return row(id, 0);
  }

  private static boolean stackMentions(Throwable failure, String text) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).contains(text)) {
        return true;
      }
    }

    return false;
  }

  private static List<String> entries(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
