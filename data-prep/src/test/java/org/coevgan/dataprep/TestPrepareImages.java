package org.coevgan.dataprep;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.PrepareImages.Options;
import org.coevgan.dataprep.PrepareImages.Result;
import org.coevgan.dataprep.PrepareImages.SmoteOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs PrepareImages on a small folder of good and bad files built by each test. */
class TestPrepareImages {
  private static final int SIZE = 28;
  private static final String METADATA = String.join("\n",
      "patientid,finding,view,filename,notes",
      "1,COVID-19,PA,good-grey.png,\"first, clean\"",
      "2,COVID-19,AP,good-rgb.jpg,",
      "3,COVID-19,PA,empty.png,",
      "4,COVID-19,AP Supine,cut.png,",
      "5,COVID-19, PA ,mislabelled.jpg,",
      "6,COVID-19,PA,absent.png,",
      "7,COVID-19,PA,copy-of-grey.png,\"same pixels\"",
      "8,SARS,PA,sars.png,",
      "9,COVID-19,L,lateral.png,",
      "10,COVID-19,PA,../outside.png,",
      "11,COVID-19,PA,good-palette.png,");

  private static SparkSession spark;

  @TempDir
  Path folder;

  private Path images;
  private Path metadata;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @BeforeEach
  void buildFolder() throws IOException {
    images = Files.createDirectory(folder.resolve("images"));
    metadata = Files.writeString(folder.resolve("metadata.csv"), METADATA, UTF_8);
    BufferedImage grey = ImageFiles.greyRamp(SIZE, SIZE);
    ImageFiles.png(images, "good-grey.png", grey);
    ImageFiles.png(images, "copy-of-grey.png", grey);
    ImageFiles.jpeg(images, "good-rgb.jpg",
        ImageFiles.colourful(40, 30, BufferedImage.TYPE_INT_RGB), false);
    ImageFiles.png(images, "good-palette.png", ImageFiles.palette(SIZE, SIZE));
    ImageFiles.png(images, "sars.png", ImageFiles.greyRamp(SIZE, SIZE + 1));
    ImageFiles.png(images, "lateral.png", ImageFiles.greyRamp(SIZE + 1, SIZE));
    ImageFiles.write(images.resolve("empty.png"), new byte[0]);
    byte[] png = ImageFiles.encode(ImageFiles.greyRamp(64, 64), "png");
    ImageFiles.write(images.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
    ImageFiles.write(images.resolve("mislabelled.jpg"), png);
    ImageFiles.png(folder, "outside.png", grey);
  }

  @Test
  void keepsTheGoodFilteredImagesAndListsTheRestByReason() {
    String output = folder.resolve("table").toString();

    Result result = PrepareImages.run(spark, options(output, new MaxSkipped(10, -1),
        Optional.empty()));

    List<Row> rows = spark.read().parquet(output).orderBy(ImageTable.ID).collectAsList();
    assertEquals(List.of("good-grey.png", "good-rgb.jpg", "good-palette.png"),
        rows.stream().map(row -> row.<String>getAs(ImageTable.SOURCE)).toList());
    assertEquals(List.of(0L, 1L, 2L), rows.stream().map(row -> row.<Long>getAs(ImageTable.ID))
        .toList());
    assertEquals(3, result.real());
    assertEquals(Map.of(SkipReason.EMPTY_FILE, 1L, SkipReason.TRUNCATED, 1L,
        SkipReason.EXTENSION_MISMATCH, 1L, SkipReason.MISSING_FILE, 2L,
        SkipReason.DUPLICATE, 1L), result.skippedByReason());
    for (Row row : rows) {
      assertEquals(SIZE, row.<Integer>getAs(ImageTable.HEIGHT));
      assertEquals(SIZE * SIZE, row.getList(row.fieldIndex(ImageTable.PIXELS)).size());
      assertFalse(row.<Boolean>getAs(ImageTable.SYNTHETIC));
      assertNull(row.getAs(ImageTable.LABEL));
    }
  }

  @Test
  void keepsTheMetadataRowOfEachImage() {
    String output = folder.resolve("table").toString();

    PrepareImages.run(spark, options(output, new MaxSkipped(10, -1), Optional.empty()));

    Row first = spark.read().parquet(output).where(col(ImageTable.ID).equalTo(0)).first();
    Map<String, String> row = first.getJavaMap(first.fieldIndex(ImageTable.METADATA));
    assertEquals(Map.of("patientid", "1", "finding", "COVID-19", "view", "PA",
        "filename", "good-grey.png", "notes", "first, clean"), row);
  }

  @Test
  void writesTheRejectedTableBesideTheImageTable() {
    String output = folder.resolve("table").toString();

    Result result = PrepareImages.run(spark, options(output, new MaxSkipped(10, -1),
        Optional.empty()));

    assertEquals(folder.resolve("table-rejected").toString(), result.rejectedOutput());
    List<Row> rejected = spark.read().parquet(result.rejectedOutput())
        .orderBy(RejectedTable.LINE).collectAsList();
    assertEquals(List.of("empty.png:4:EMPTY_FILE", "cut.png:5:TRUNCATED",
            "mislabelled.jpg:6:EXTENSION_MISMATCH", "absent.png:7:MISSING_FILE",
            "copy-of-grey.png:8:DUPLICATE", "../outside.png:11:MISSING_FILE"),
        rejected.stream().map(TestPrepareImages::describe).toList());
    assertTrue(rejected.get(4).<String>getAs(RejectedTable.DETAIL).contains("good-grey.png"));
  }

  @Test
  void failsNamingMaxSkippedAndWritesNothingWhenTooManyFilesAreBad() {
    String output = folder.resolve("table").toString();
    Options options = options(output, new MaxSkipped(4, -1), Optional.empty());

    BadInputException failure =
        assertThrows(BadInputException.class, () -> PrepareImages.run(spark, options));

    assertTrue(failure.getMessage().contains("5 of 9 selected image files are bad"),
        failure::getMessage);
    assertTrue(failure.getMessage().contains("--max-skipped is 4"), failure::getMessage);
    assertFalse(Files.exists(folder.resolve("table")));
    assertFalse(Files.exists(folder.resolve("table-rejected")));
  }

  @Test
  void toleratesAFractionOfBadFiles() {
    String output = folder.resolve("table").toString();

    Result result = PrepareImages.run(spark, options(output, new MaxSkipped(-1, 0.6),
        Optional.empty()));

    assertEquals(3, result.real());
  }

  @Test
  void addsSyntheticImagesMarkedAsSuch() {
    String output = folder.resolve("table").toString();
    Optional<SmoteOptions> smote = Optional.of(new SmoteOptions(10, 5, 3));

    Result result = PrepareImages.run(spark, options(output, new MaxSkipped(10, -1), smote));

    List<Row> rows = spark.read().parquet(output).orderBy(ImageTable.ID).collectAsList();
    assertEquals(3, result.real());
    assertEquals(7, result.synthetic());
    assertEquals(10, rows.size());
    assertEquals(3, rows.stream().filter(row -> !row.<Boolean>getAs(ImageTable.SYNTHETIC))
        .count());
    Row synthetic = rows.get(3);
    assertTrue(synthetic.<Boolean>getAs(ImageTable.SYNTHETIC));
    assertTrue(synthetic.<String>getAs(ImageTable.SOURCE).startsWith("smote:good-grey.png+"),
        () -> synthetic.getAs(ImageTable.SOURCE));
    assertNull(synthetic.getAs(ImageTable.METADATA));
  }

  @Test
  void numbersTheLabelColumnInSortedOrder() {
    String output = folder.resolve("table").toString();
    Options options = new Options(images, Optional.of(metadata),
        List.of(MetadataFilter.parse("view=PA")), "filename", Optional.of("finding"), SIZE,
        output, new MaxSkipped(10, -1), Optional.empty());

    PrepareImages.run(spark, options);

    List<Row> rows = spark.read().parquet(output).orderBy(ImageTable.ID).collectAsList();
    assertEquals(List.of("good-grey.png:0", "sars.png:1", "good-palette.png:0"),
        rows.stream().map(row -> row.getAs(ImageTable.SOURCE) + ":"
            + row.getAs(ImageTable.LABEL)).toList());
  }

  @Test
  void numbersGroupedLabelsInSortedOrderOfTheGroupNames() {
    String output = folder.resolve("table").toString();
    Options options = labelledByGroups(output, List.of("viral=COVID-19", "all-other=*"));

    PrepareImages.run(spark, options);

    List<Row> rows = spark.read().parquet(output).orderBy(ImageTable.ID).collectAsList();
    assertEquals(List.of("good-grey.png:1", "sars.png:0", "good-palette.png:1"),
        rows.stream().map(row -> row.getAs(ImageTable.SOURCE) + ":"
            + row.getAs(ImageTable.LABEL)).toList());
    Map<String, String> sars = rows.get(1).getJavaMap(rows.get(1).fieldIndex(ImageTable.METADATA));
    assertEquals("SARS", sars.get("finding"), "the metadata keeps the original value");
  }

  @Test
  void refusesAGroupedValueNoKeptImageHasAndWritesNothing() {
    String output = folder.resolve("table").toString();
    Options options = labelledByGroups(output, List.of("viral=COVID-19,Sars"));

    BadInputException failure =
        assertThrows(BadInputException.class, () -> PrepareImages.run(spark, options));

    assertTrue(failure.getMessage().contains("finding = [Sars]"), failure::getMessage);
    assertFalse(Files.exists(Path.of(output)));
  }

  private Options labelledByGroups(String output, List<String> groups) {
    return new Options(images, Optional.of(metadata), List.of(MetadataFilter.parse("view=PA")),
        "filename", Optional.of("finding"), SIZE, output, new MaxSkipped(10, -1),
        Optional.empty(), groups);
  }

  @Test
  void balancesWithinEachLabelAndLabelsTheSyntheticImages() {
    String output = folder.resolve("table").toString();
    Options options = new Options(images, Optional.of(metadata),
        List.of(MetadataFilter.parse("view=PA")), "filename", Optional.of("finding"), SIZE,
        output, new MaxSkipped(10, -1), Optional.of(new SmoteOptions(6, 5, 3)));

    Result result = PrepareImages.run(spark, options);

    // SARS has one image, so both COVID-19 images share the three synthetic ones.
    List<Row> synthetic = spark.read().parquet(output).where(col(ImageTable.SYNTHETIC))
        .orderBy(ImageTable.ID).collectAsList();
    assertEquals(3, result.real());
    assertEquals(3, result.synthetic());
    for (Row row : synthetic) {
      assertEquals(0, row.<Integer>getAs(ImageTable.LABEL));
      assertTrue(Set.of("smote:good-grey.png+good-palette.png",
          "smote:good-palette.png+good-grey.png").contains(row.getAs(ImageTable.SOURCE)),
          () -> row.getAs(ImageTable.SOURCE));
    }
  }

  @Test
  void readsEveryFileOfTheFolderWithoutMetadata() {
    String output = folder.resolve("table").toString();
    Options options = new Options(images, Optional.empty(), List.of(), "filename",
        Optional.empty(), SIZE, output, new MaxSkipped(10, -1), Optional.empty());

    Result result = PrepareImages.run(spark, options);

    assertEquals(5, result.real());
    assertEquals(Map.of(SkipReason.EMPTY_FILE, 1L, SkipReason.TRUNCATED, 1L,
        SkipReason.EXTENSION_MISMATCH, 1L, SkipReason.DUPLICATE, 1L), result.skippedByReason());
  }

  @Test
  void refusesAFilterOnAColumnTheMetadataLacks() {
    String output = folder.resolve("table").toString();
    Options options = new Options(images, Optional.of(metadata),
        List.of(MetadataFilter.parse("modality=X-ray")), "filename", Optional.empty(), SIZE,
        output, MaxSkipped.DEFAULT, Optional.empty());

    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> PrepareImages.run(spark, options));

    assertTrue(failure.getMessage().contains("column 'modality'"), failure::getMessage);
    assertTrue(failure.getMessage().contains("fix --filter"), failure::getMessage);
  }

  @Test
  void refusesFiltersThatSelectNoRowNamingTheColumnsValues() {
    String output = folder.resolve("table").toString();
    Options options = new Options(images, Optional.of(metadata),
        List.of(MetadataFilter.parse("finding=Pneumocystis")), "filename", Optional.empty(),
        SIZE, output, MaxSkipped.DEFAULT, Optional.empty());

    BadInputException failure =
        assertThrows(BadInputException.class, () -> PrepareImages.run(spark, options));

    assertTrue(failure.getMessage().contains(
        "--filter finding=Pneumocystis matches no row, the column holds [COVID-19, SARS]"),
        failure::getMessage);
    assertTrue(failure.getMessage().contains("case included"), failure::getMessage);
    assertFalse(Files.exists(folder.resolve("table")));
  }

  private Options options(String output, MaxSkipped maxSkipped,
      Optional<SmoteOptions> smote) {
    List<MetadataFilter> filters = List.of(MetadataFilter.parse("finding=COVID-19"),
        MetadataFilter.parse("view=PA,AP,AP Supine"));

    return new Options(images, Optional.of(metadata), filters, "filename", Optional.empty(),
        SIZE, output, maxSkipped, smote);
  }

  private static String describe(Row row) {
    return row.getAs(RejectedTable.FILE) + ":" + row.getAs(RejectedTable.LINE) + ":"
        + row.getAs(RejectedTable.REASON);
  }
}
