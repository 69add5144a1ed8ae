package org.coevgan.job.driver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coevgan.conf.RunConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's {@code run.json}: resolved configuration, seed, versions, status (RUNNING,
 * SUCCEEDED or FAILED with the reason) and timings. Rewritten atomically at the start, after
 * every generation and at the end, so it always tells how far a run got. A resumed run carries
 * over the generation times of the generations its checkpoint holds, so that
 * {@code generations_completed} and {@code generation_seconds} count the whole run, not only
 * the attempt that finished it.
 */
public final class RunRecord {
  private static final Logger LOG = LoggerFactory.getLogger(RunRecord.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final OutputFolder output;
  private final RunConfig config;
  private final Instant started;
  private final List<Double> generationSeconds = new ArrayList<>();
  private final Map<String, Object> facts = new LinkedHashMap<>();
  private final Map<String, String> versions = versions();
  private String firstStarted;
  private boolean stopped;

  /** Creates the record of a run that starts now. */
  public RunRecord(OutputFolder output, RunConfig config, Instant started) {
    this.output = output;
    this.config = config;
    this.started = started;
  }

  /**
   * Continues the record of an earlier attempt whose checkpoint holds the given generation:
   * keeps its times of generations 1 to that one (later ones are run again) and the time the
   * run first started. A generation whose time the earlier record lacks is listed as null.
   */
  public synchronized void continueFrom(int checkpointGeneration) {
    JsonNode earlier = earlierRecord();
    JsonNode seconds = earlier.path("generation_seconds");
    for (int index = 0; index < checkpointGeneration; index++) {
      JsonNode value = seconds.path(index);
      generationSeconds.add(value.isNumber() ? value.asDouble() : null);
    }
    firstStarted = earlier.path("first_started").asText(earlier.path("started").asText(null));
    facts.put("resumed_from_generation", checkpointGeneration);
  }

  /**
   * Adds a fact (grid, image count, threads) to every later write; under the lock, as the
   * shutdown hook may be writing the file from its own thread.
   */
  public synchronized void put(String key, Object value) {
    facts.put(key, value);
  }

  /**
   * Writes FAILED with the reason a signal stopped the run, and keeps it: the failure the
   * stopping causes in the main thread (Spark's jobs cancelled as its context shuts down) must
   * not replace the reason nor turn the status back to RUNNING.
   */
  public synchronized void stoppedBySignal(String reason) {
    write("FAILED", reason);
    stopped = true;
  }

  /** Records a completed generation and rewrites the file with status RUNNING. */
  public synchronized void generationDone(double seconds) {
    generationSeconds.add(seconds);
    write("RUNNING", null);
  }

  /** Rewrites the file with the given status and, for FAILED, the reason. */
  public synchronized void write(String status, String reason) {
    if (stopped) {
      return;
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("status", status);
    if (reason != null) {
      document.put("reason", reason);
    }
    document.put("config_file", config.sourceFile());
    document.put("seed", config.seed());
    document.put("generations_planned", config.generations());
    document.put("generations_completed", generationSeconds.size());
    if (firstStarted != null) {
      document.put("first_started", firstStarted);
    }
    document.put("started", started.toString());
    document.put("updated", Instant.now().toString());
    document.put("elapsed_seconds", (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0);
    document.put("generation_seconds", generationSeconds);
    document.putAll(facts);
    document.put("versions", versions);
    document.put("config", config.resolvedValues());
    output.writeFile("run.json", toJson(document));
  }

  private JsonNode earlierRecord() {
    byte[] bytes = output.readFile("run.json");
    if (bytes == null) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      // The checkpoint, not run.json, is what a resume needs; the earlier times become nulls.
      LOG.warn("run.json of the resumed run {} is not valid JSON ({}); its generation times are "
          + "listed as null", output.root(), e.getMessage());
      return JSON.createObjectNode();
    }
  }

  private static Map<String, String> versions() {
    java.util.Properties built = new java.util.Properties();
    try (var in = RunRecord.class.getResourceAsStream("/coevgan-versions.properties")) {
      if (in != null) {
        built.load(in);
      }
    } catch (java.io.IOException e) {
      // Versions are informative; a missing resource must not fail a run.
    }
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("coevgan", built.getProperty("coevgan", "unknown"));
    versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    versions.put("deeplearning4j", built.getProperty("deeplearning4j", "unknown"));
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  private static byte[] toJson(Map<String, Object> document) {
    try {
      return JSON.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise run.json: " + e.getMessage(), e);
    }
  }
}
