package org.coevgan.conf;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a YAML run configuration into known keys and their values as text.
 *
 * <p>Nested maps ({@code grid: {rows: 3}}) and dotted keys ({@code grid.rows: 3}) are flattened
 * to the same dotted key, and may be mixed; a key given both ways, or twice, is rejected. Values
 * stay text here; {@link ConfigValues} checks their types.
 */
final class YamlSource {
  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private YamlSource() {}

  /** Returns every key set in {@code file} with its value as text, or fails naming the file. */
  static Map<ConfigKey, String> read(Path file) {
    String source = file.toString();
    JsonNode root = parse(source, readBytes(file, source));

    checkHoldsKeys(source, root);

    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    flatten(source, "", root, values);
    return values;
  }

  private static byte[] readBytes(Path file, String source) {
    if (Files.isDirectory(file)) {
      throw ConfigException.loading(source, null, "it is a directory, not a file; pass a YAML "
          + "file such as conf/quickstart-fashion-mnist.yaml.");
    }

    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw ConfigException.unreadable(source, "the file does not exist (relative paths start at "
          + Path.of("").toAbsolutePath() + "); check the path or copy a preset from conf/.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage()
          + "; check that the file is readable.", e);
    }
  }

  private static JsonNode parse(String source, byte[] bytes) {
    try {
      return MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
          + location.getColumnNr();
      throw ConfigException.unreadable(source, "it is not valid YAML" + where + " ("
          + problem(e.getOriginalMessage()) + "); check the indentation, colons and quotes "
          + "near that line, and that no key appears twice.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  private static void checkHoldsKeys(String source, JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw ConfigException.loading(source, null, "the file is empty; copy a preset from conf/, "
          + "such as conf/quickstart-fashion-mnist.yaml, and set at least data.path.");
    }

    if (!root.isObject()) {
      throw ConfigException.loading(source, null, "the file must hold keys with values, such "
          + "as grid.rows: 2, but holds " + describe(root) + "; write one key per line.");
    }
  }

  private static void flatten(String source, String prefix, JsonNode node,
      Map<ConfigKey, String> values) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject() && ConfigKey.find(key).isEmpty() && isGroupOrHasFields(key, value)) {
        flatten(source, key, value, values);
      } else {
        put(source, key, value, values);
      }
    }
  }

  private static boolean isGroupOrHasFields(String key, JsonNode value) {
    // An empty map under a misspelt group would otherwise vanish without a word.
    return UnknownKeys.isGroup(key) || !value.isEmpty();
  }

  private static void put(String source, String name, JsonNode value,
      Map<ConfigKey, String> values) {
    ConfigKey key = ConfigKey.find(name).orElseThrow(
        () -> ConfigException.loading(source, name, UnknownKeys.explain(name)));

    checkScalar(source, key, value);

    if (values.put(key, value.asText()) != null) {
      throw ConfigException.loading(source, name, name + " is set twice, once as a dotted key "
          + "and once inside a map; keep one of them.");
    }
  }

  private static void checkScalar(String source, ConfigKey key, JsonNode value) {
    String name = key.configName();
    if (value.isNull()) {
      String useDefault = key.defaultValue()
          .map(defaultValue -> " or delete the line to use the default " + defaultValue)
          .orElse("");
      throw ConfigException.loading(source, name, name + " has no value; give it one"
          + useDefault + ".");
    }

    if (value.isContainerNode()) {
      throw ConfigException.loading(source, name, name + " must be a single value but is "
          + describe(value) + "; write it as " + name + ": <value> on one line.");
    }
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }

    return node.isObject() ? "a map" : "the single value '" + node.asText() + "'";
  }

  /**
   * Returns the parser's statement of the problem. SnakeYAML writes a context line, an indented
   * excerpt, then the problem, e.g. "while parsing a block mapping / ... / expected <block end>,
   * but found '<block mapping start>' / ...", and repeats it all after a blank line; the last
   * unindented line before the first blank line is the problem.
   */
  private static String problem(String message) {
    String problem = "no details from the parser";
    for (String line : (message == null ? "" : message).split("\\R")) {
      if (line.isBlank()) {
        break;
      }

      if (!Character.isWhitespace(line.charAt(0))) {
        problem = line.strip();
      }
    }

    return problem;
  }
}
