package org.coevgan.job.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.job.CoevGanMain;
import org.coevgan.dataprep.SparkSessions;

/** Runs the job on the tiny preset and reads back what it wrote, for the resilience tests. */
final class RunFixture {
  static final String PRESET = "../conf/test-tiny.yaml";

  private RunFixture() {}

  /** Returns the arguments of a run of the tiny preset on the data with extra overrides. */
  static List<String> arguments(String data, Path output, String... overrides) {
    List<String> args = new ArrayList<>(List.of("--config", PRESET, "--output", output.toString(),
        "--set", "data.path=" + data, "--set", "generations=4",
        "--set", "scoring.sample-size=100", "--set", "mixture.steps=0"));
    for (String override : overrides) {
      args.add("--set");
      args.add(override);
    }
    return args;
  }

  /** Runs the job in this JVM and returns its exit code. */
  static int run(List<String> arguments) {
    return CoevGanMain.run(arguments.toArray(String[]::new));
  }

  /**
   * Runs the job on the given Spark master with the first attempt of one cell's task failing
   * ({@code coevgan.fault.fail-task} = "row,column,generation"), then clears both settings.
   */
  static int runWithFailingTask(String master, String rowColumnGeneration,
      List<String> arguments) {
    System.setProperty("spark.master", master);
    System.setProperty("coevgan.fault.fail-task", rowColumnGeneration);
    try {
      return run(arguments);
    } finally {
      System.clearProperty("coevgan.fault.fail-task");
      System.clearProperty("spark.master");
    }
  }

  /** Returns every blob of a generation's state, cell by cell, for byte comparisons. */
  static List<byte[]> stateBlobs(Path run, int generation) {
    SparkSession spark = SparkSessions.forJob("read state");
    try {
      List<Row> rows = spark.read()
          .parquet(run.resolve(String.format("state/generation-%04d", generation)).toString())
          .selectExpr("cell_row", "cell_col", "generators[0].parameters",
              "generators[0].optimiser_state", "discriminators[0].parameters",
              "discriminators[0].optimiser_state")
          .orderBy("cell_row", "cell_col")
          .collectAsList();
      List<byte[]> blobs = new ArrayList<>();
      for (Row row : rows) {
        for (int column = 2; column < 6; column++) {
          blobs.add((byte[]) row.get(column));
        }
      }
      return blobs;
    } finally {
      spark.stop();
    }
  }

  /** Asserts that two runs ended with byte-identical state. */
  static void assertSameState(Path expected, Path actual, int generation) {
    List<byte[]> a = stateBlobs(expected, generation);
    List<byte[]> b = stateBlobs(actual, generation);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(i), b.get(i), "blob " + i);
    }
  }

  /** Returns the run's run.json. */
  static JsonNode record(Path run) {
    try {
      return new ObjectMapper().readTree(run.resolve("run.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
