package org.coevgan.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a report of one run from its {@code metrics/} table: {@code report.md} with a table per
 * generation (best and median center losses, wall time, centers adopted from neighbours) and the
 * final value per cell, and the plots {@code losses.png} and {@code generation-times.png}.
 */
public final class TrainingReport {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingReport.class);

  private final SparkSession spark;

  /** Creates a report builder over a Spark session. */
  public TrainingReport(SparkSession spark) {
    this.spark = spark;
  }

  /** Writes the report of the run folder into the report folder and returns the markdown path. */
  public Path write(String runFolder, Path reportFolder) {
    Dataset<Row> metrics = readMetrics(runFolder);
    List<Row> generations = perGeneration(metrics);
    List<Row> cells = lastGenerationPerCell(metrics);

    createFolder(reportFolder);
    writeBytes(reportFolder.resolve("losses.png"), lossPlot(generations));
    writeBytes(reportFolder.resolve("generation-times.png"), timePlot(generations));
    Path markdown = reportFolder.resolve("report.md");
    writeBytes(markdown, markdown(runFolder, generations, cells).getBytes(StandardCharsets.UTF_8));
    LOG.info("report written: path={} generations={} cells={}", markdown, generations.size(),
        cells.size());
    return markdown;
  }

  private Dataset<Row> readMetrics(String runFolder) {
    Path metrics = Path.of(runFolder, "metrics");
    if (!Files.isDirectory(metrics)) {
      throw new IllegalArgumentException(
          "Cannot report on " + runFolder + ": it has no metrics/ folder; pass the --output "
              + "folder of a CoevGanJob run that completed at least one generation");
    }
    return spark.read().parquet(metrics.toString());
  }

  private static List<Row> perGeneration(Dataset<Row> metrics) {
    return metrics
        .groupBy("generation")
        .agg(
            min("generator_loss"),
            expr("percentile(generator_loss, 0.5)"),
            min("discriminator_loss"),
            expr("percentile(discriminator_loss, 0.5)"),
            max("generation_wall_ms"),
            expr("sum(case when generator_source like '(%' then 1 else 0 end)"),
            avg("training_ms"),
            count("*"))
        .orderBy("generation")
        .collectAsList();
  }

  private static List<Row> lastGenerationPerCell(Dataset<Row> metrics) {
    int last = metrics.agg(max("generation")).first().getInt(0);
    return metrics
        .where(col("generation").equalTo(last))
        .select("cell_row", "cell_col", "generator_loss", "discriminator_loss", "generator_lr",
            "discriminator_lr", "generator_source")
        .orderBy("cell_row", "cell_col")
        .collectAsList();
  }

  private static byte[] lossPlot(List<Row> generations) {
    return new LinePlot("Center losses per generation", "generation", "loss")
        .add("generator best", column(generations, 0), column(generations, 1))
        .add("generator median", column(generations, 0), column(generations, 2))
        .add("discriminator best", column(generations, 0), column(generations, 3))
        .add("discriminator median", column(generations, 0), column(generations, 4))
        .png();
  }

  private static byte[] timePlot(List<Row> generations) {
    double[] seconds = column(generations, 5);
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] /= 1000.0;
    }
    return new LinePlot("Wall time per generation", "generation", "seconds")
        .add("generation wall time", column(generations, 0), seconds)
        .png();
  }

  private static double[] column(List<Row> rows, int index) {
    double[] values = new double[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ((Number) rows.get(i).get(index)).doubleValue();
    }
    return values;
  }

  private static String markdown(String runFolder, List<Row> generations, List<Row> cells) {
    StringBuilder text = new StringBuilder();
    text.append("# CoevGAN run report\n\nRun: `").append(runFolder).append("`\n\n");
    text.append("![losses](losses.png)\n\n![times](generation-times.png)\n\n");
    text.append("| generation | cells | generator best | generator median | discriminator best |"
        + " discriminator median | wall s | adopted centers |\n|---|---|---|---|---|---|---|---|\n");
    for (Row row : generations) {
      text.append(String.format(Locale.ROOT, "| %d | %d | %.4f | %.4f | %.4f | %.4f | %.1f | %d |%n",
          row.getInt(0), row.getLong(8), row.getDouble(1), row.getDouble(2), row.getDouble(3),
          row.getDouble(4), row.getLong(5) / 1000.0, row.getLong(6)));
    }
    text.append("\n## Cells after the last generation\n\n| cell | generator loss |"
        + " discriminator loss | generator lr | discriminator lr | center from |\n"
        + "|---|---|---|---|---|---|\n");
    for (Row row : cells) {
      text.append(String.format(Locale.ROOT, "| (%d,%d) | %.4f | %.4f | %.6f | %.6f | %s |%n",
          row.getInt(0), row.getInt(1), row.getDouble(2), row.getDouble(3), row.getDouble(4),
          row.getDouble(5), row.getString(6)));
    }
    return text.toString();
  }

  private static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the report folder " + folder, e);
    }
  }

  private static void writeBytes(Path file, byte[] content) {
    try {
      Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.write(temporary, content);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
