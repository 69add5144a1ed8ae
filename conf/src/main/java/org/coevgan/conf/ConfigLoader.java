package org.coevgan.conf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a run configuration from a YAML file and {@code --set key=value} overrides, and checks
 * all of it before a Spark session starts.
 *
 * <p>Keys may be written nested ({@code grid: {rows: 3}}) or dotted ({@code grid.rows: 3}); both
 * mean {@code grid.rows}. Keys left out take the defaults of {@link ConfigKey}; {@code data.path}
 * has none. Overrides are applied after the file, in order (the last one for a key wins), and are
 * checked the same way. Every failure is a {@link ConfigException} naming the file and the key.
 *
 * <p>Relative paths in {@code data.path} are kept as written and start at the working directory
 * of the job, not at the folder of the configuration file.
 */
public final class ConfigLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

  private ConfigLoader() {}

  /**
   * Loads and checks the run configuration in {@code file} with {@code overrides} applied.
   *
   * @param file a YAML file, such as {@code conf/quickstart-fashion-mnist.yaml}
   * @param overrides {@code key=value} texts from repeated {@code --set} options, applied in
   *     order; the text is split at the first '=' and spaces around key and value are ignored
   * @return the validated configuration, with every key's final value in
   *     {@link RunConfig#resolvedValues()}
   * @throws ConfigException if the file is missing, empty or not YAML, or a key is unknown,
   *     missing, of the wrong type or out of range, in the file or in an override
   * @throws java.io.UncheckedIOException if the file exists but cannot be read
   */
  public static RunConfig load(Path file, List<String> overrides) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(overrides, "overrides");
    String source = file.toString();

    Map<ConfigKey, String> texts = YamlSource.read(file);
    Map<ConfigKey, String> overridden = applyOverrides(source, overrides, texts);

    return RunConfigAssembler.assemble(new ConfigValues(source, texts, overridden));
  }

  /**
   * Returns every key with its description, type and default, in the order of {@link ConfigKey},
   * for documentation; for example {@code grid.rows} maps to "Rows of the toroidal grid of
   * cells, 1 or more. (whole number, default 2)".
   *
   * @return an unmodifiable map from key to a one-line description
   */
  public static Map<String, String> describeKeys() {
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (ConfigKey key : ConfigKey.values()) {
      descriptions.put(key.configName(), describe(key));
    }

    return Collections.unmodifiableMap(descriptions);
  }

  private static String describe(ConfigKey key) {
    String type = key.type() == ValueType.CHOICE
        ? "one of " + String.join(", ", key.choices())
        : key.type().description();
    String useDefault = key.defaultValue().map(value -> "default " + value).orElse("required");
    return key.description() + " (" + type + ", " + useDefault + ")";
  }

  /** Applies each override to {@code texts} and returns the override behind each changed key. */
  private static Map<ConfigKey, String> applyOverrides(String source, List<String> overrides,
      Map<ConfigKey, String> texts) {
    Map<ConfigKey, String> applied = new EnumMap<>(ConfigKey.class);
    for (String override : overrides) {
      ConfigKey key = overriddenKey(source, override);
      String value = override.substring(override.indexOf('=') + 1).strip();

      String previous = texts.getOrDefault(key, key.defaultValue().orElse("nothing"));
      LOG.info("Overriding {}={} from --set; file={} previous={}", key.configName(), value,
          source, previous);
      texts.put(key, value);
      applied.put(key, override);
    }

    return applied;
  }

  private static ConfigKey overriddenKey(String source, String override) {
    Objects.requireNonNull(override, "override");
    int equals = override.indexOf('=');
    if (equals < 0) {
      throw new ConfigException("Cannot apply --set " + override + " to " + source
          + ": it has no '='; write it as --set key=value, such as --set grid.rows=3.");
    }

    String name = override.substring(0, equals).strip();
    return ConfigKey.find(name).orElseThrow(() -> ConfigException.cannot("apply --set "
        + override + " to " + source, name, UnknownKeys.explain(name)));
  }
}
