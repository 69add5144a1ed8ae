package org.coevgan.job.driver;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.coevgan.conf.RunConfig;

/**
 * The run's resolved configuration as a YAML file ({@code config.yaml} in the run folder), one
 * dotted key per line with its final value. Resuming a run reads it back, so a resumed run
 * continues with exactly the settings it started with unless --set changes them. File paths
 * given relative (data.path, feature-network.data-path, feature-network.model-file) are written
 * as the absolute paths they meant when the run started, so that a resume launched from another
 * working directory reads the same files.
 */
public final class ConfigFile {
  /** File name inside the run folder. */
  public static final String NAME = "config.yaml";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/+-]+");

  private ConfigFile() {}

  /** The keys whose values are file paths. */
  static final Set<String> PATH_KEYS =
      Set.of("data.path", "feature-network.data-path", "feature-network.model-file");

  /**
   * Returns the YAML text of the configuration's resolved values, each path key's value passed
   * through {@code absolutePath}.
   */
  public static byte[] render(RunConfig config, UnaryOperator<String> absolutePath) {
    StringBuilder text = new StringBuilder();
    text.append("# Resolved configuration of this run, written by CoevGanJob; ")
        .append("CoevGanJob --resume reads it.\n");
    for (Map.Entry<String, String> entry : config.resolvedValues().entrySet()) {
      if (entry.getValue().isEmpty()) {
        continue;
      }
      String value = PATH_KEYS.contains(entry.getKey())
          ? absolutePath.apply(entry.getValue()) : entry.getValue();
      text.append(entry.getKey()).append(": ").append(quote(value)).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String value) {
    if (PLAIN.matcher(value).matches()) {
      return value;
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
