package org.coevgan.job.driver;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.coevgan.conf.RunConfig;

/**
 * The run's resolved configuration as a YAML file ({@code config.yaml} in the run folder), one
 * dotted key per line with its final value. Resuming a run reads it back, so a resumed run
 * continues with exactly the settings it started with unless --set changes them.
 */
public final class ConfigFile {
  /** File name inside the run folder. */
  public static final String NAME = "config.yaml";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/+-]+");

  private ConfigFile() {}

  /** Returns the YAML text of the configuration's resolved values. */
  public static byte[] render(RunConfig config) {
    StringBuilder text = new StringBuilder();
    text.append("# Resolved configuration of this run, written by CoevGanJob; ")
        .append("CoevGanJob --resume reads it.\n");
    for (Map.Entry<String, String> entry : config.resolvedValues().entrySet()) {
      if (entry.getValue().isEmpty()) {
        continue;
      }
      text.append(entry.getKey()).append(": ").append(quote(entry.getValue())).append('\n');
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
