package org.coevgan.job.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.coevgan.conf.ConfigLoader;
import org.coevgan.conf.RunConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What run.json says about a run stopped after some generations and resumed. */
class TestRunRecord {
  private static final Path CONFIG = Path.of("..", "conf", "test-tiny.yaml");

  @TempDir Path folder;

  private RunConfig config;
  private OutputFolder output;

  @BeforeEach
  void openRunFolder() {
    config = ConfigLoader.load(CONFIG, List.of("generations=4"));
    output = OutputFolder.create(folder.resolve("run").toString(), new Configuration());
  }

  @Test
  void resumedRunCountsTheGenerationsOfItsCheckpointAndItsOwn() throws IOException {
    RunRecord first = startedAt("2026-01-02T03:04:05Z");
    first.generationDone(1.5);
    first.generationDone(2.5);
    first.generationDone(3.5);
    first.write("FAILED", "killed");

    RunRecord resumed = startedAt(Instant.now().toString());
    resumed.continueFrom(2);
    resumed.generationDone(4.0);
    resumed.generationDone(5.0);
    resumed.write("SUCCEEDED", null);

    JsonNode record = read(output);
    assertEquals(4, record.get("generations_completed").asInt());
    assertEquals(List.of(1.5, 2.5, 4.0, 5.0), seconds(record));
    assertEquals(2, record.get("resumed_from_generation").asInt());
    assertEquals("2026-01-02T03:04:05Z", record.get("first_started").asText());
    assertEquals("SUCCEEDED", record.get("status").asText());
  }

  @Test
  void secondResumeKeepsTheFirstStartTime() throws IOException {
    RunRecord first = startedAt("2026-01-02T03:04:05Z");
    first.generationDone(1.0);
    RunRecord second = startedAt("2026-01-03T00:00:00Z");
    second.continueFrom(1);
    second.generationDone(2.0);

    RunRecord third = startedAt(Instant.now().toString());
    third.continueFrom(2);
    third.write("RUNNING", null);

    JsonNode record = read(output);
    assertEquals("2026-01-02T03:04:05Z", record.get("first_started").asText());
    assertEquals(List.of(1.0, 2.0), seconds(record));
  }

  @Test
  void unreadableEarlierRecordListsItsGenerationsAsUnknown() throws IOException {
    Files.writeString(folder.resolve("run/run.json"), "{\"generation_seconds\": [1.0, 2");

    RunRecord resumed = startedAt(Instant.now().toString());
    resumed.continueFrom(2);
    resumed.generationDone(3.0);

    JsonNode record = read(output);
    assertEquals(3, record.get("generations_completed").asInt());
    JsonNode times = record.get("generation_seconds");
    assertTrue(times.get(0).isNull() && times.get(1).isNull(), times.toString());
    assertEquals(3.0, times.get(2).asDouble());
    assertFalse(record.has("first_started"));
  }

  @Test
  void emptyEarlierRecordListsItsGenerationsAsUnknown() throws IOException {
    Files.writeString(folder.resolve("run/run.json"), "");

    RunRecord resumed = startedAt(Instant.now().toString());
    resumed.continueFrom(1);
    resumed.write("RUNNING", null);

    JsonNode record = read(output);
    assertEquals(1, record.get("generations_completed").asInt());
    assertTrue(record.get("generation_seconds").get(0).isNull());
  }

  @Test
  void signalReasonOutlivesTheFailureTheStoppingCauses() throws IOException {
    RunRecord record = startedAt(Instant.now().toString());
    record.generationDone(1.0);

    record.stoppedBySignal("stopped by a signal before it finished");
    record.generationDone(2.0);
    record.write("FAILED", "Job 15 cancelled because SparkContext was shut down");

    JsonNode written = read(output);
    assertEquals("FAILED", written.get("status").asText());
    assertEquals("stopped by a signal before it finished", written.get("reason").asText());
  }

  private RunRecord startedAt(String instant) {
    return new RunRecord(output, config, Instant.parse(instant));
  }

  private static JsonNode read(OutputFolder output) throws IOException {
    return new ObjectMapper().readTree(output.readFile("run.json"));
  }

  private static List<Double> seconds(JsonNode record) {
    List<Double> values = new java.util.ArrayList<>();
    record.get("generation_seconds").forEach(value -> values.add(value.asDouble()));
    return values;
  }
}
