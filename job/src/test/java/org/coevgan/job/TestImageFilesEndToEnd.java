package org.coevgan.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.ImageTable;
import org.coevgan.dataprep.MaxSkipped;
import org.coevgan.dataprep.MetadataFilter;
import org.coevgan.dataprep.PrepareImages;
import org.coevgan.dataprep.PrepareImages.Options;
import org.coevgan.dataprep.PrepareImages.SmoteOptions;
import org.coevgan.dataprep.SparkSessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the chest X-ray pipeline in miniature on PNG files it draws itself: PrepareImages makes
 * a one-finding training table balanced by SMOTE within its label and a table of every finding,
 * and the tiny preset trains on the first while its scoring classifier trains on the second
 * (feature-network.data-path).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestImageFilesEndToEnd {
  private static final int SIDE = 28;
  private static final int PER_FINDING = 10;
  private static final List<String> FINDINGS = List.of("bright", "dark", "striped");

  @TempDir static Path folder;
  private String training;
  private String labelled;
  private PrepareImages.Result trainingResult;
  private Path run;
  private int exit;

  @BeforeAll
  void prepareAndRun() throws IOException {
    Path images = Files.createDirectories(folder.resolve("images"));
    Path metadata = drawImages(images);
    training = folder.resolve("bright-28").toString();
    labelled = folder.resolve("findings-28").toString();
    SparkSession spark = SparkSessions.forJob("image files end to end");
    try {
      trainingResult = PrepareImages.run(spark, options(images, metadata,
          List.of(MetadataFilter.parse("finding=bright")), training,
          Optional.of(new SmoteOptions(40, 3, 11))));
      PrepareImages.run(spark, options(images, metadata, List.of(), labelled, Optional.empty()));
    } finally {
      spark.stop();
    }

    run = folder.resolve("run");
    exit = CoevGanMain.run(new String[] {"--config", "../conf/test-tiny.yaml",
        "--output", run.toString(), "--set", "data.path=" + training,
        "--set", "feature-network.data-path=" + labelled,
        "--set", "scoring.kind=inception-score", "--set", "mixture.steps=1",
        "--set", "generations=1"});
  }

  @Test
  void balancesTheTrainingTableWithinItsLabel() {
    SparkSession spark = SparkSessions.forJob("training table check");
    try {
      List<Row> synthetic = spark.read().parquet(training).where("synthetic").collectAsList();

      assertEquals(PER_FINDING, trainingResult.real());
      assertEquals(30, trainingResult.synthetic());
      for (Row row : synthetic) {
        assertEquals(0, row.<Integer>getAs(ImageTable.LABEL));
        assertTrue(row.<String>getAs(ImageTable.SOURCE).matches("smote:bright-\\d+\\.png"
            + "\\+bright-\\d+\\.png"), () -> row.getAs(ImageTable.SOURCE));
      }
    } finally {
      spark.stop();
    }
  }

  @Test
  void scoresWithTheClassifierOfTheLabelledTable() throws IOException {
    JsonNode record = new ObjectMapper().readTree(run.resolve("run.json").toFile());
    JsonNode description = new ObjectMapper().readTree(
        Path.of(labelled + ".feature-network", "feature-network.json").toFile());

    assertEquals(0, exit);
    assertTrue(record.get("feature_network").asText().endsWith("findings-28.feature-network"),
        () -> record.get("feature_network").asText());
    assertEquals(FINDINGS.size(), description.get("classes").asInt());
    assertEquals(description.get("fingerprint").asText(),
        record.get("feature_network_fingerprint").asText());
    assertFalse(Files.exists(Path.of(training + ".feature-network")));
    JsonNode best = record.get("best_cell");
    assertEquals("inception-score", best.get("score_kind").asText());
    assertTrue(best.get("score").asDouble() >= 1.0, best::toString);
    assertTrue(Files.isRegularFile(run.resolve("samples/mixture-best-cell.png")));
  }

  /** Draws ten noisy 28x28 grey PNGs per finding and returns their metadata CSV. */
  private static Path drawImages(Path images) throws IOException {
    StringBuilder csv = new StringBuilder("filename,finding\n");
    Random random = new Random(3);
    for (int finding = 0; finding < FINDINGS.size(); finding++) {
      for (int index = 0; index < PER_FINDING; index++) {
        String file = FINDINGS.get(finding) + "-" + index + ".png";
        ImageIO.write(draw(finding, random), "png", images.resolve(file).toFile());
        csv.append(file).append(',').append(FINDINGS.get(finding)).append('\n');
      }
    }

    return Files.writeString(images.resolveSibling("metadata.csv"), csv);
  }

  private static BufferedImage draw(int finding, Random random) {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int base = switch (finding) {
          case 0 -> 200;
          case 1 -> 40;
          default -> y % 4 < 2 ? 220 : 30;
        };
        int grey = Math.max(0, Math.min(255, base + random.nextInt(41) - 20));
        image.getRaster().setSample(x, y, 0, grey);
      }
    }

    return image;
  }

  private static Options options(Path images, Path metadata, List<MetadataFilter> filters,
      String output, Optional<SmoteOptions> smote) {
    return new Options(images, Optional.of(metadata), filters, "filename",
        Optional.of("finding"), SIDE, output, MaxSkipped.DEFAULT, smote);
  }
}
