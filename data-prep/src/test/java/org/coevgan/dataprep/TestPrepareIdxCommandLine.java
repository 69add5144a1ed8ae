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
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs PrepareIdx as its command line does, checking exit codes; starts its own sessions. */
class TestPrepareIdxCommandLine {
  @TempDir
  Path folder;

  @Test
  void printsUsageForHelpAndSucceeds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exitCode = capture(System::setOut, System.out, out,
        () -> PrepareIdx.execute(new String[] {"--help"}));

    assertEquals(0, exitCode);
    assertTrue(out.toString(UTF_8).contains("--images FILE"), () -> out.toString(UTF_8));
  }

  @Test
  void exitsWithTwoAndUsageOnUnknownOption() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exitCode = capture(System::setErr, System.err, err,
        () -> PrepareIdx.execute(new String[] {"--imgs", "x.gz", "--output", "out"}));

    assertEquals(2, exitCode);
    assertTrue(err.toString(UTF_8).contains("'--imgs' is not one of its options"),
        () -> err.toString(UTF_8));
    assertTrue(err.toString(UTF_8).contains("Usage:"), () -> err.toString(UTF_8));
  }

  @Test
  void exitsWithThreeOnMissingOrBadInputBeforeStartingSpark() {
    Path garbage = IdxFiles.write(folder, "garbage.idx", "garbage".getBytes(UTF_8));
    String output = folder.resolve("out").toString();

    int missing = PrepareIdx.execute(
        new String[] {"--images", folder.resolve("none.gz").toString(), "--output", output});
    int bad = PrepareIdx.execute(new String[] {"--images", garbage.toString(), "--output", output});

    assertEquals(3, missing);
    assertEquals(3, bad);
    assertFalse(Files.exists(folder.resolve("out")));
  }

  @Test
  void writesTheTableAndSucceeds() {
    String output = folder.resolve("mnist-20").toString();
    String[] args = {"--images", SharedData.mnistImages().toString(), "--labels",
        SharedData.mnistLabels().toString(), "--output", output, "--limit", "20"};

    int exitCode = PrepareIdx.execute(args);

    assertEquals(0, exitCode);
    assertEquals(20, ImageTable.countRows(output));
  }

  @Test
  void exitsWithTwoWhenTheOutputExists() throws IOException {
    Path output = Files.createDirectory(folder.resolve("existing"));
    String[] args = {"--images", SharedData.mnistImages().toString(), "--output",
        output.toString(), "--limit", "3"};

    int exitCode = PrepareIdx.execute(args);

    assertEquals(2, exitCode);
    assertTrue(Files.isDirectory(output));
  }

  @Test
  void exitsWithFourWhenTheOutputCannotBeWritten() throws IOException {
    Path regularFile = Files.writeString(folder.resolve("a-file"), "not a folder", UTF_8);
    String output = regularFile.resolve("table").toString();
    String[] args = {"--images", SharedData.mnistImages().toString(), "--output", output,
        "--limit", "3"};

    int exitCode = PrepareIdx.execute(args);

    assertEquals(4, exitCode);
    assertEquals("not a folder", Files.readString(regularFile, UTF_8));
  }

  @Test
  void defaultPackageEntryDelegatesToPrepareIdx() throws Exception {
    Method main = Class.forName("PrepareIdx").getMethod("main", String[].class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    capture(System::setOut, System.out, out, () -> invoke(main, "--help"));

    assertTrue(out.toString(UTF_8).contains("spark-submit --class PrepareIdx"),
        () -> out.toString(UTF_8));
  }

  private static Integer invoke(Method main, String... args) {
    try {
      main.invoke(null, (Object) args);
      return 0;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Cannot call the default-package PrepareIdx.main", e);
    }
  }

  private static int capture(Consumer<PrintStream> redirect, PrintStream original,
      ByteArrayOutputStream target, Supplier<Integer> action) {
    redirect.accept(new PrintStream(target, true, UTF_8));
    try {
      return action.get();
    } finally {
      redirect.accept(original);
    }
  }
}
