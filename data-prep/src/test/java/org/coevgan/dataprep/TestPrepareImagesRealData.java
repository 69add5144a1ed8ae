package org.coevgan.dataprep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.PrepareImages.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs PrepareImages on the 119 real radiographs of the public COVID-19 collection with the
 * frontal COVID-19 filter at 64 x 64, then with SMOTE to 200 images.
 */
class TestPrepareImagesRealData {
  private static final int FRONTAL_COVID = 85;
  private static final int SMOTE_TARGET = 200;

  private static SparkSession spark;
  private static Result frontal;
  private static Result balanced;
  private static String balancedTable;

  @TempDir
  static Path folder;

  @BeforeAll
  static void prepareOnce() {
    spark = LocalSpark.start();
    frontal = PrepareImages.run(spark, PrepareImagesArguments.parse(
        arguments(folder.resolve("covid64").toString())));
    balancedTable = folder.resolve("covid64-smote").toString();
    balanced = PrepareImages.run(spark, PrepareImagesArguments.parse(
        arguments(balancedTable, "--smote-target", String.valueOf(SMOTE_TARGET),
            "--smote-k", "5", "--seed", "17")));
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void keepsTheEightyFiveFrontalCovidImagesAndReportsTheRestByReason() {
    assertEquals(119, frontal.rows());
    assertEquals(Map.of("finding", 24, "view", 10), frontal.filteredOutByColumn());
    assertEquals(FRONTAL_COVID, frontal.selected());
    assertEquals(Map.of(), frontal.skippedByReason());
    assertEquals(FRONTAL_COVID, frontal.real());
    assertEquals(0, frontal.synthetic());
    assertEquals(0, spark.read().parquet(frontal.rejectedOutput()).count());
  }

  @Test
  void writesSquareImagesOfSixtyFourPixelsWithinRange() {
    Dataset<Row> table = spark.read().parquet(folder.resolve("covid64").toString());

    Row summary = table.agg(min(ImageTable.HEIGHT), max(ImageTable.WIDTH),
        min(size(col(ImageTable.PIXELS))), max(size(col(ImageTable.PIXELS)))).first();
    Row range = table.selectExpr("explode(" + ImageTable.PIXELS + ") AS pixel")
        .agg(min("pixel"), max("pixel")).first();

    assertEquals(List.of(64, 64, 4096, 4096), List.of(summary.get(0), summary.get(1),
        summary.get(2), summary.get(3)));
    assertEquals(FRONTAL_COVID, table.select(ImageTable.SOURCE).distinct().count());
    assertEquals(FRONTAL_COVID, table.where(col(ImageTable.METADATA).getItem("finding")
        .equalTo("COVID-19")).count());
    assertEquals(-1.0f, range.getFloat(0), 0.05f);
    assertEquals(1.0f, range.getFloat(1), 0.05f);
  }

  @Test
  void balancesWithSmoteToTheTargetKeepingTheRealImagesApart() {
    Dataset<Row> table = spark.read().parquet(balancedTable);

    assertEquals(FRONTAL_COVID, balanced.real());
    assertEquals(SMOTE_TARGET - FRONTAL_COVID, balanced.synthetic());
    assertEquals(SMOTE_TARGET, table.count());
    assertEquals(FRONTAL_COVID, table.where(col(ImageTable.SYNTHETIC).equalTo(false)).count());
    assertEquals(SMOTE_TARGET - FRONTAL_COVID, table.where(col(ImageTable.SYNTHETIC))
        .where(col(ImageTable.SOURCE).startsWith("smote:")).count());
  }

  @Test
  void labelsEveryFrontalRadiographCovidAgainstTheRest() {
    Path data = SharedData.covidChestXray();
    String output = folder.resolve("covid-against-rest").toString();
    String[] arguments = {"--images", data.resolve("images").toString(),
        "--metadata", data.resolve("metadata.csv").toString(),
        "--filter", "modality=X-ray", "--filter", "view=PA,AP,AP Supine",
        "--label-column", "finding", "--label-group", "COVID-19=COVID-19",
        "--label-group", "other=*", "--size", "28", "--output", output};

    PrepareImages.run(spark, PrepareImagesArguments.parse(arguments));

    Map<Integer, Long> counts = new java.util.TreeMap<>();
    spark.read().parquet(output).groupBy(ImageTable.LABEL).count().collectAsList()
        .forEach(row -> counts.put(row.getInt(0), row.getLong(1)));
    assertEquals(Map.of(0, (long) FRONTAL_COVID, 1, 108L - FRONTAL_COVID), counts);
  }

  private static String[] arguments(String output, String... more) {
    Path data = SharedData.covidChestXray();
    List<String> arguments = new ArrayList<>(List.of(
        "--images", data.resolve("images").toString(),
        "--metadata", data.resolve("metadata.csv").toString(),
        "--filter", "finding=COVID-19", "--filter", "modality=X-ray",
        "--filter", "view=PA,AP,AP Supine", "--size", "64", "--output", output));
    arguments.addAll(List.of(more));

    return arguments.toArray(String[]::new);
  }
}
