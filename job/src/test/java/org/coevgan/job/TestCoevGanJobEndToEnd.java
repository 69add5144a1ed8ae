package org.coevgan.job;

import org.coevgan.dataprep.SparkSessions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the job as a user does (CoevGanMain with a preset and --set overrides) on a 2x2 grid for
 * two generations on real MNIST images, then checks every output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestCoevGanJobEndToEnd {
  private static final String PRESET = "../conf/test-tiny.yaml";

  @TempDir static Path folder;
  private String data;
  private Path firstRun;
  private int firstExit;

  @BeforeAll
  void prepareDataAndRunOnce() {
    data = TestData.mnistTable(folder, 400);
    firstRun = folder.resolve("run-a");
    firstExit = runJob(firstRun, 42);
  }

  @Test
  void runSucceedsAndRecordsItInRunJson() throws IOException {
    JsonNode record = new ObjectMapper().readTree(firstRun.resolve("run.json").toFile());

    assertEquals(0, firstExit);
    assertEquals("SUCCEEDED", record.get("status").asText());
    assertEquals(2, record.get("generations_completed").asInt());
    assertEquals(42, record.get("seed").asLong());
    assertEquals("2x2 von-neumann", record.get("grid").asText());
    assertEquals(400, record.get("images").asInt());
    assertEquals("reference-4lp", record.get("config").get("network.preset").asText());
  }

  @Test
  void metricsHoldOneRowPerGenerationAndCellWithFiniteValues() {
    withSpark(spark -> {
      Dataset<Row> metrics = spark.read().parquet(firstRun.resolve("metrics").toString());
      List<Row> rows = metrics.select("generation", "cell_row", "cell_col", "generator_loss",
          "discriminator_loss", "generator_lr", "discriminator_lr", "training_ms",
          "batches_trained", "generation_wall_ms", "generator_objective").collectAsList();

      assertEquals(8, rows.size());
      assertEquals(Set.of(1, 2), rows.stream().map(r -> r.getInt(0)).collect(Collectors.toSet()));
      for (Row row : rows) {
        assertTrue(Double.isFinite(row.getDouble(3)) && Double.isFinite(row.getDouble(4)));
        assertTrue(row.getDouble(5) > 0 && row.getDouble(6) > 0);
        assertEquals(3, row.getInt(8));
        assertTrue(row.getLong(9) > 0);
        assertEquals("bce", row.getString(10));
      }
    });
  }

  @Test
  void stateIsOneUncompressedFilePerCellAndOldGenerationsArePruned() throws IOException {
    Path state = firstRun.resolve("state");
    List<Path> files = parquetFiles(state.resolve("generation-0002"));

    assertEquals(List.of("generation-0001", "generation-0002"), names(state));
    assertEquals(4, files.size(), "one task, hence one file, per cell");
    for (Path file : files) {
      for (ColumnChunkMetaData column : columns(file)) {
        assertEquals(CompressionCodecName.UNCOMPRESSED, column.getCodec(), file.toString());
        assertFalse(column.getEncodings().stream().anyMatch(Encoding::usesDictionary),
            "blobs are never equal, so no column is dictionary-encoded: " + column.getPath());
      }
    }
  }

  @Test
  void samplesShowEveryCellLaidOutLikeTheGrid() throws IOException {
    Path png = firstRun.resolve("samples/centers-generation-2.png");
    BufferedImage image = ImageIO.read(png.toFile());

    // 16 samples per cell: 4x4 tiles of 28 px with 1 px gaps, 2x2 cells with 6 px gaps.
    int block = 4 * 28 + 3;
    assertEquals(2 * block + 3 * 6, image.getWidth());
    assertEquals(2 * block + 3 * 6, image.getHeight());
  }

  @Test
  void sameSeedGivesByteIdenticalStateAndAnotherSeedDiffers() {
    Path again = folder.resolve("run-b");
    Path otherSeed = folder.resolve("run-c");

    assertEquals(0, runJob(again, 42));
    assertEquals(0, runJob(otherSeed, 7));

    withSpark(spark -> {
      List<Row> first = stateRows(spark, firstRun);
      List<Row> second = stateRows(spark, again);
      List<Row> third = stateRows(spark, otherSeed);
      assertEquals(4, first.size());
      for (int i = 0; i < first.size(); i++) {
        assertArrayEquals((byte[]) first.get(i).get(2), (byte[]) second.get(i).get(2));
        assertArrayEquals((byte[]) first.get(i).get(3), (byte[]) second.get(i).get(3));
        assertArrayEquals((byte[]) first.get(i).get(4), (byte[]) second.get(i).get(4));
        assertFalse(java.util.Arrays.equals((byte[]) first.get(i).get(2),
            (byte[]) third.get(i).get(2)));
      }
    });
  }

  @Test
  void existingOutputFolderIsRefusedAndLeftUntouched() throws IOException {
    byte[] before = Files.readAllBytes(firstRun.resolve("run.json"));

    int exit = runJob(firstRun, 42);

    assertEquals(ExitStatus.BAD_INPUT.code(), exit);
    assertArrayEquals(before, Files.readAllBytes(firstRun.resolve("run.json")));
  }

  private int runJob(Path output, long seed) {
    return CoevGanMain.run(new String[] {
        "--config", PRESET, "--output", output.toString(),
        "--set", "data.path=" + data, "--set", "seed=" + seed});
  }

  private static List<Row> stateRows(SparkSession spark, Path run) {
    return spark.read().parquet(run.resolve("state/generation-0002").toString())
        .selectExpr("cell_row", "cell_col", "generators[0].parameters",
            "generators[0].optimiser_state", "discriminators[0].parameters")
        .orderBy("cell_row", "cell_col")
        .collectAsList();
  }

  private static void withSpark(java.util.function.Consumer<SparkSession> body) {
    SparkSession spark = SparkSessions.forJob("end-to-end checks");
    try {
      body.accept(spark);
    } finally {
      spark.stop();
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
          .sorted().toList();
    }
  }

  private static List<Path> parquetFiles(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
  }

  private static List<ColumnChunkMetaData> columns(Path file) throws IOException {
    var input = HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration());
    try (ParquetFileReader reader = ParquetFileReader.open(input)) {
      return reader.getFooter().getBlocks().stream()
          .map(BlockMetaData::getColumns)
          .flatMap(List::stream)
          .toList();
    }
  }

}
