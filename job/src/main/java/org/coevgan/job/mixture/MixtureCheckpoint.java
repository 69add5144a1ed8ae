package org.coevgan.job.mixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.coevgan.job.ExitStatus;
import org.coevgan.job.JobFailure;
import org.coevgan.job.driver.OutputFolder;
import org.coevgan.job.driver.StateStore;
import org.coevgan.job.grid.Cell;

/**
 * The mixture weights of the every-generation schedule, kept beside a generation's grid state
 * as {@code state/generation-NNNN/_MIXTURE_WEIGHTS.json} so that a resumed run continues them.
 * The file is written before the generation's checkpoint marker, so every checkpoint of such a
 * run holds its weights, and it is pruned with its state folder. Spark skips names starting
 * with an underscore, so the state table reads as before.
 */
public final class MixtureCheckpoint {
  /** Name of the weights file inside a state folder. */
  public static final String FILE = "_MIXTURE_WEIGHTS.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double SUM_TOLERANCE = 1e-9;

  private MixtureCheckpoint() {}

  /** Returns the path of a generation's weights file relative to the run folder. */
  public static String pathOf(int generation) {
    return "state/" + StateStore.folderName(generation) + "/" + FILE;
  }

  /** Writes every cell's weights after a generation. */
  public static void write(OutputFolder output, int generation, Map<Cell, double[]> weights) {
    ObjectNode document = JSON.createObjectNode();
    document.put("generation", generation);
    ArrayNode cells = document.putArray("cells");
    for (Map.Entry<Cell, double[]> entry : new TreeMap<>(weights).entrySet()) {
      ObjectNode cell = cells.addObject();
      cell.put("row", entry.getKey().row());
      cell.put("column", entry.getKey().column());
      ArrayNode values = cell.putArray("weights");
      for (double weight : entry.getValue()) {
        values.add(weight);
      }
    }
    try {
      output.writeFile(pathOf(generation), JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(document));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialise the mixture weights of generation "
          + generation, e);
    }
  }

  /**
   * Returns the weights written after a generation, or empty when that state has none (a run
   * that did not use the every-generation schedule). Fails naming the file when a weight is
   * negative or not finite or a cell's weights do not sum to 1.
   */
  public static Optional<Map<Cell, double[]>> read(OutputFolder output, int generation) {
    byte[] bytes = output.readFile(pathOf(generation));
    if (bytes == null) {
      return Optional.empty();
    }
    String file = output.resolve(pathOf(generation)).toString();
    Map<Cell, double[]> weights = new TreeMap<>();
    for (JsonNode cell : parse(bytes, file).path("cells")) {
      Cell position = new Cell(cell.path("row").asInt(), cell.path("column").asInt());
      weights.put(position, checked(cell.path("weights"), position, file));
    }
    return Optional.of(weights);
  }

  private static JsonNode parse(byte[] bytes, String file) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new JobFailure(ExitStatus.BAD_INPUT, "Cannot resume the mixture weights because "
          + file + " is not valid JSON (" + e.getMessage() + "); delete the file to restart "
          + "them from equal weights");
    }
  }

  private static double[] checked(JsonNode values, Cell cell, String file) {
    double[] weights = new double[values.size()];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = values.get(i).asDouble(Double.NaN);
      sum += weights[i];
      if (!Double.isFinite(weights[i]) || weights[i] < 0) {
        throw invalid(file, cell, "weight " + i + " is " + weights[i]
            + " but weights must be finite and non-negative");
      }
    }
    if (weights.length == 0 || Math.abs(sum - 1.0) > SUM_TOLERANCE) {
      throw invalid(file, cell, "its " + weights.length + " weights sum to " + sum
          + " but must sum to 1");
    }
    return weights;
  }

  private static JobFailure invalid(String file, Cell cell, String reason) {
    return new JobFailure(ExitStatus.BAD_INPUT, "Cannot resume the mixture weights of cell "
        + cell + " from " + file + " because " + reason + "; delete the file to restart them "
        + "from equal weights");
  }
}
