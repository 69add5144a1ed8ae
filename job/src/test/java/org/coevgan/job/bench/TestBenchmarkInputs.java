package org.coevgan.job.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark refuses unusable folders before measuring and writes a readable table. */
class TestBenchmarkInputs {
  @TempDir Path folder;

  @Test
  void outputThatIsAFileIsRefusedBeforeMeasuring() throws IOException {
    Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new Benchmark(file).run(Set.of(), "unused", List.of(3)));
    assertTrue(refused.getMessage().contains("--output"), refused.getMessage());
  }

  @Test
  void folderWithoutParquetIsNoImageTable() throws IOException {
    Path empty = Files.createDirectories(folder.resolve("empty-table"));

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new Benchmark(folder.resolve("out")).run(Set.of("orchestration"), empty.toString(),
            List.of(1)));
    assertTrue(refused.getMessage().contains("no image table"), refused.getMessage());
  }

  @Test
  void resultsAreAsReadableAsAnyFileWrittenThere() throws IOException {
    BenchmarkTable table = new BenchmarkTable();
    table.add("figure", 1.0, "ms");

    Path csv = table.writeCsv(folder);

    Path plain = Files.writeString(folder.resolve("plain.txt"), "x");
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    assertEquals(expected, Files.getPosixFilePermissions(csv));
  }
}
