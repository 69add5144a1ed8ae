package org.coevgan.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the README's configuration table in step with the key table users are held to. */
class TestReadmeDocumentsEveryKey {
  @Test
  void everyConfigurationKeyAppearsInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));

    List<String> missing = new ArrayList<>();
    for (ConfigKey key : ConfigKey.values()) {
      if (!readme.contains("`" + key.configName() + "`")) {
        missing.add(key.configName());
      }
    }

    assertEquals(List.of(), missing, "keys the README does not document");
  }
}
