package org.coevgan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.PrepareIdx;
import org.coevgan.job.CoevGanMain;
import org.coevgan.dataprep.SparkSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTrainingReport {
  @TempDir Path folder;

  @Test
  void reportOfARealRunHasARowPerGenerationAndCellAndItsPlots() throws IOException {
    Path run = trainTinyRun();

    SparkSession spark = SparkSessions.forJob("report test");
    Path markdown;
    try {
      markdown = new TrainingReport(spark).write(run.toString(), folder.resolve("report"));
    } finally {
      spark.stop();
    }

    List<String> lines = Files.readAllLines(markdown);
    assertEquals(2, lines.stream().filter(line -> line.matches("\\| [12] \\| 4 \\|.*")).count());
    assertEquals(4, lines.stream().filter(line -> line.startsWith("| (")).count());
    BufferedImage plot = ImageIO.read(folder.resolve("report/losses.png").toFile());
    assertEquals(720, plot.getWidth());
    assertTrue(Files.size(folder.resolve("report/generation-times.png")) > 1000);
  }

  @Test
  void folderWithoutMetricsIsRejectedWithTheFix() {
    SparkSession spark = SparkSessions.forJob("report test");
    try {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> new TrainingReport(spark).write(folder.toString(), folder.resolve("r")));

      assertTrue(error.getMessage().contains("has no metrics/ folder"), error.getMessage());
    } finally {
      spark.stop();
    }
  }

  @Test
  void plotRejectsSeriesOfUnequalLength() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new LinePlot("t", "x", "y").add("s", new double[2], new double[3]));

    assertTrue(error.getMessage().contains("2 x values but 3 y values"));
  }

  private Path trainTinyRun() {
    Path mnist = Path.of(System.getProperty("coevgan.shared.data", "../../shared/data"), "mnist");
    String data = folder.resolve("mnist").toString();
    SparkSession prepare = SparkSessions.forJob("prepare");
    try {
      PrepareIdx.run(prepare, new PrepareIdx.Options(mnist.resolve("t10k-images-idx3-ubyte.gz"),
          Optional.of(mnist.resolve("t10k-labels-idx1-ubyte.gz")), data, 200));
    } finally {
      prepare.stop();
    }
    Path run = folder.resolve("run");
    int exit = CoevGanMain.run(new String[] {"--config", "../conf/test-tiny.yaml", "--output",
        run.toString(), "--set", "data.path=" + data});
    assertEquals(0, exit);
    return run;
  }
}
