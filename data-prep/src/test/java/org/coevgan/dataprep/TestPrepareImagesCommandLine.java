package org.coevgan.dataprep;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs PrepareImages as its command line does, checking exit codes and usage. */
class TestPrepareImagesCommandLine {
  @TempDir
  Path folder;

  @Test
  void printsUsageForHelpThroughTheDefaultPackageEntry() throws Exception {
    Method main = Class.forName("PrepareImages").getMethod("main", String[].class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;

    System.setOut(new PrintStream(out, true, UTF_8));
    try {
      main.invoke(null, (Object) new String[] {"--help"});
    } finally {
      System.setOut(original);
    }

    assertTrue(out.toString(UTF_8).contains("spark-submit --class PrepareImages"),
        () -> out.toString(UTF_8));
    assertTrue(out.toString(UTF_8).contains("--max-skipped"), () -> out.toString(UTF_8));
  }

  @Test
  void exitsWithTwoOnUnknownOption() {
    int exitCode = PrepareImages.execute(new String[] {"--imagez", "x"});

    assertEquals(2, exitCode);
  }

  @Test
  void exitsWithThreeBeforeStartingSparkWhenTooManyFilesAreBad() throws IOException {
    Path images = Files.createDirectory(folder.resolve("images"));
    ImageFiles.png(images, "good.png", ImageFiles.greyRamp(28, 28));
    ImageFiles.write(images.resolve("empty.png"), new byte[0]);
    String output = folder.resolve("out").toString();

    int exitCode = PrepareImages.execute(new String[] {"--images", images.toString(),
        "--size", "28", "--output", output, "--max-skipped", "0"});

    assertEquals(3, exitCode);
    assertFalse(Files.exists(folder.resolve("out")));
  }

  @Test
  void exitsWithThreeOnABrokenMetadataCsv() throws IOException {
    Path images = Files.createDirectory(folder.resolve("images"));
    Path metadata = Files.writeString(folder.resolve("m.csv"), "a,filename\n1,x.png,extra\n");

    int exitCode = PrepareImages.execute(new String[] {"--images", images.toString(),
        "--metadata", metadata.toString(), "--size", "28", "--output",
        folder.resolve("out").toString()});

    assertEquals(3, exitCode);
  }
}
