package org.coevgan.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which run folders --resume accepts, given as local paths or file: URIs. */
class TestResumedConfig {
  @TempDir Path folder;

  @Test
  void findsTheConfigOfARunGivenAsPathOrFileUri() throws IOException {
    Path run = Files.createDirectory(folder.resolve("a run"));
    Path config = Files.writeString(run.resolve("config.yaml"), "generations: 2\n");

    assertEquals(config, CoevGanMain.resumedConfig(run.toString()));
    assertEquals(config, CoevGanMain.resumedConfig("file:" + run));
  }

  @Test
  void refusesAMissingFolderAndOneWithoutConfig() throws IOException {
    Path empty = Files.createDirectory(folder.resolve("empty"));

    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> CoevGanMain.resumedConfig(folder.resolve("typo").toString()));
    IllegalArgumentException noConfig = assertThrows(IllegalArgumentException.class,
        () -> CoevGanMain.resumedConfig(empty.toString()));

    assertTrue(missing.getMessage().contains("the folder does not exist"), missing::getMessage);
    assertTrue(noConfig.getMessage().contains("holds no config.yaml"), noConfig::getMessage);
  }
}
