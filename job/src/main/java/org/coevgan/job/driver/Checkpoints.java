package org.coevgan.job.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.coevgan.conf.RunConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints: grid states marked complete so that a stopped run can resume from them.
 *
 * <p>A generation's state folder is committed by a rename, so it is either absent or complete.
 * On checkpoint generations a marker file, {@code _CHECKPOINT.json}, is then written into it
 * (also by a rename) with the generation, the image size and the resolved configuration.
 * Resume only trusts folders whose marker parses: a state without marker (a crash between the
 * two renames, or a generation that was never meant as a checkpoint) and hidden temporary
 * folders are ignored. The newest {@code checkpoint.keep} checkpoints are kept, plus the two
 * newest states the running generations read; everything else is deleted.
 */
public final class Checkpoints {
  /** Name of the marker file inside a state folder. */
  public static final String MARKER = "_CHECKPOINT.json";

  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECENT_STATES_KEPT = 2;

  private final OutputFolder output;
  private final StateStore states;

  /** Creates the checkpoints of a run folder. */
  public Checkpoints(OutputFolder output, StateStore states) {
    this.output = output;
    this.states = states;
  }

  /** What a checkpoint records besides the state itself. */
  public record Manifest(int generation, int imageHeight, int imageWidth,
      Map<String, String> config) {}

  /** Marks the committed state of a generation as a checkpoint when the period says so. */
  public void afterGeneration(int generation, RunConfig config, int imageHeight, int imageWidth) {
    if (config.checkpoint().checkpointsAfter(generation, config.generations())) {
      long start = System.nanoTime();
      output.writeFile(markerOf(generation), manifest(generation, config, imageHeight, imageWidth));
      LOG.info("checkpoint written: generation={} path={} elapsed_ms={}", generation,
          states.pathOf(generation), (System.nanoTime() - start) / 1_000_000);
    }
    prune(generation, config.checkpoint().keep());
  }

  /** Returns the newest complete checkpoint of a run folder, if any. */
  public Optional<Manifest> latest() {
    for (String folder : descending(output.list("state"))) {
      Optional<Manifest> manifest = read(folder);
      if (manifest.isPresent()) {
        return manifest;
      }
      LOG.warn("ignoring state without a complete checkpoint marker: folder={}", folder);
    }
    return Optional.empty();
  }

  private Optional<Manifest> read(String folder) {
    try {
      byte[] bytes = output.readFile("state/" + folder + "/" + MARKER);
      if (bytes == null) {
        return Optional.empty();
      }
      JsonNode node = JSON.readTree(bytes);
      Map<String, String> config = new LinkedHashMap<>();
      node.get("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
      return Optional.of(new Manifest(node.get("generation").asInt(),
          node.get("image_height").asInt(), node.get("image_width").asInt(), config));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private void prune(int generation, int keep) {
    List<String> checkpoints = new ArrayList<>();
    for (String folder : descending(output.list("state"))) {
      int stateGeneration = generationOf(folder);
      boolean recent = stateGeneration > generation - RECENT_STATES_KEPT;
      boolean marked = output.exists("state/" + folder + "/" + MARKER);
      if (marked && checkpoints.size() < keep) {
        checkpoints.add(folder);
      } else if (!recent) {
        output.deleteQuietly(output.resolve("state/" + folder));
      }
    }
  }

  private static List<String> descending(List<String> folders) {
    List<String> sorted = new ArrayList<>(folders);
    sorted.removeIf(name -> !name.startsWith("generation-"));
    sorted.sort((a, b) -> Integer.compare(generationOf(b), generationOf(a)));
    return sorted;
  }

  private static int generationOf(String folder) {
    return Integer.parseInt(folder.substring("generation-".length()));
  }

  private String markerOf(int generation) {
    return "state/" + StateStore.folderName(generation) + "/" + MARKER;
  }

  private static byte[] manifest(int generation, RunConfig config, int height, int width) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("generation", generation);
    document.put("written", Instant.now().toString());
    document.put("image_height", height);
    document.put("image_width", width);
    document.put("config", config.resolvedValues());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialise the checkpoint manifest", e);
    }
  }

  /** Returns the path of a generation's marker, for tests that tamper with it. */
  public Path markerPath(int generation) {
    return output.resolve(markerOf(generation));
  }
}
