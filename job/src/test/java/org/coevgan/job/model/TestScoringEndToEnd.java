package org.coevgan.job.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.job.CoevGanMain;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.job.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the tiny preset on real MNIST images and checks what scoring leaves behind: scores/,
 * model/, the mixture's sample grid, the best cell in run.json, and images drawn from the saved
 * model by GenerateImages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestScoringEndToEnd {
  @TempDir static Path folder;
  private Path run;
  private int exit;

  @BeforeAll
  void runOnce() {
    String data = TestData.mnistTable(folder, 400);
    run = folder.resolve("run");
    exit = CoevGanMain.run(new String[] {"--config", "../conf/test-tiny.yaml",
        "--output", run.toString(), "--set", "data.path=" + data,
        "--set", "scoring.every-generations=1"});
  }

  @Test
  void runJsonNamesTheBestCellAndTheFeatureNetwork() throws IOException {
    JsonNode record = new ObjectMapper().readTree(run.resolve("run.json").toFile());
    JsonNode best = record.get("best_cell");

    assertEquals(0, exit);
    assertEquals("fid", best.get("score_kind").asText());
    assertTrue(best.get("score").asDouble() > 0);
    assertEquals(100, best.get("sample_count").asInt());
    assertEquals(record.get("feature_network_fingerprint").asText(),
        best.get("feature_network_fingerprint").asText());
  }

  @Test
  void scoresHoldOneFiniteRowPerCellWithADistributionOfWeights() {
    SparkSession spark = SparkSessions.forJob("scores check");
    try {
      List<Row> rows = spark.read().parquet(run.resolve("scores").toString())
          .select("cell_row", "cell_col", "score_kind", "value", "sample_count",
              "feature_network_fingerprint", "seed", "mixture_weights")
          .collectAsList();
      long centerRows = spark.read().parquet(run.resolve("center-scores").toString()).count();

      assertEquals(4, rows.size());
      assertEquals(8, centerRows, "4 cells after each of 2 generations");
      for (Row row : rows) {
        assertTrue(Double.isFinite(row.getDouble(3)) && row.getDouble(3) >= 0);
        assertEquals(42L, row.getLong(6));
        double sum = row.<Double>getList(7).stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-9);
      }
    } finally {
      spark.stop();
    }
  }

  @Test
  void savedModelHasGeneratorsAndAManifestAndMakesImages() throws IOException {
    Path model = run.resolve("model");
    Path images = folder.resolve("generated");
    MixtureManifest manifest = MixtureManifest.fromJson(
        Files.readAllBytes(model.resolve("manifest.json")), model.toString());

    int status = GenerateImagesMain.run(new String[] {"--model", model.toString(),
        "--count", "30", "--output", images.toString(), "--seed", "5"});

    assertEquals(0, status);
    assertEquals(28, manifest.imageHeight());
    assertEquals(16, manifest.latentSize());
    assertEquals(1.0, java.util.Arrays.stream(manifest.weights()).sum(), 1e-9);
    for (MixtureManifest.Generator generator : manifest.generators()) {
      assertTrue(Files.isRegularFile(model.resolve(generator.file())));
    }
    assertEquals(30, countFiles(images.resolve("png")));
    assertTrue(Files.isRegularFile(run.resolve("samples/mixture-best-cell.png")));
    SparkSession spark = SparkSessions.forJob("generated check");
    try {
      var table = spark.read().parquet(images.resolve("table").toString());
      assertEquals(30, table.where("synthetic = true").count());
      assertEquals("generated:" + model, table.first().getString(1));
    } finally {
      spark.stop();
    }
  }

  @Test
  void secondRunReusesTheCachedFeatureNetwork() throws IOException {
    JsonNode first = new ObjectMapper().readTree(run.resolve("run.json").toFile());
    Path cache = Path.of(first.get("feature_network").asText().replace("file:", ""));

    assertTrue(Files.isRegularFile(cache.resolve("model.zip")), cache.toString());
    assertTrue(Files.isRegularFile(cache.resolve("feature-network.json")));
  }

  private static long countFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".png")).count();
    }
  }
}
