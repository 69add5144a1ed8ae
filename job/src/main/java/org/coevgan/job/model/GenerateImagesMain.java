package org.coevgan.job.model;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.ImageTable;
import org.coevgan.job.CommandLine;
import org.coevgan.job.ExitStatus;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.job.driver.OutputFolder;
import org.coevgan.job.driver.SampleGrid;
import org.coevgan.job.grid.Cell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws images from a saved mixture: N PNG files under {@code OUTPUT/png/} and the same images
 * as an image table under {@code OUTPUT/table/} (the prepared data's schema, synthetic = true,
 * source = "generated:MODEL"), so augmented data can join a classifier's training set. Both
 * appear whole or not at all.
 */
public final class GenerateImagesMain {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateImagesMain.class);

  static final String USAGE =
      "usage: GenerateImages --model DIR --count N --output DIR [--seed S]\n"
          + "  --model DIR    a run's model/ folder (manifest.json and generator files)\n"
          + "  --count N      images to generate, 1 or more\n"
          + "  --output DIR   new or empty folder for png/ and table/\n"
          + "  --seed S       seed of the latent noise (default 1)\n";

  private GenerateImagesMain() {}

  /** Runs the command and returns the process exit code. */
  public static int run(String[] args) {
    CommandLine command;
    int count;
    long seed;
    try {
      command = CommandLine.parse(args, Set.of("--model", "--count", "--output", "--seed"),
          Set.of());
      count = positive(command.required("--count"));
      seed = command.has("--seed") ? Long.parseLong(command.required("--seed")) : 1L;
      command.required("--model");
      command.required("--output");
    } catch (IllegalArgumentException e) {
      System.err.println("GenerateImages: " + e.getMessage());
      System.err.print(USAGE);
      return ExitStatus.USAGE.code();
    }
    return generate(command.required("--model"), count, command.required("--output"), seed);
  }

  private static int positive(String text) {
    int count = Integer.parseInt(text);
    if (count < 1) {
      throw new IllegalArgumentException("--count is " + count + " but must be 1 or more");
    }
    return count;
  }

  private static int generate(String model, int count, String outputDir, long seed) {
    SparkSession spark = SparkSessions.forJob("CoevGAN generate images");
    try {
      OutputFolder output =
          OutputFolder.create(outputDir, spark.sparkContext().hadoopConfiguration());
      SavedMixture mixture = SavedMixture.load(model, spark.sparkContext().hadoopConfiguration());
      float[] pixels = mixture.generate(count, seed);
      writePngs(output, mixture.manifest(), pixels, count);
      writeTable(spark, output, mixture.manifest(), pixels, count, model);
      LOG.info("images generated: count={} model={} seed={} output={}", count, model, seed,
          output.root());
      return ExitStatus.SUCCESS.code();
    } catch (IllegalArgumentException e) {
      LOG.error("cannot generate images: {}", e.getMessage());
      return ExitStatus.BAD_INPUT.code();
    } catch (UncheckedIOException e) {
      LOG.error("file system failure: {}", e.getMessage(), e);
      return ExitStatus.ENVIRONMENT.code();
    } finally {
      spark.stop();
    }
  }

  private static void writePngs(OutputFolder output, MixtureManifest manifest, float[] pixels,
      int count) {
    Path target = output.resolve("png");
    Path temporary = output.temporaryFor(target);
    int size = manifest.imageHeight() * manifest.imageWidth();
    for (int i = 0; i < count; i++) {
      float[] image = java.util.Arrays.copyOfRange(pixels, i * size, (i + 1) * size);
      byte[] png = SampleGrid.render(java.util.Map.of(new Cell(0, 0), image), 1, 1, 1,
          manifest.imageHeight(), manifest.imageWidth());
      output.writeFile(temporary.getName() + String.format(Locale.ROOT, "/image-%06d.png", i),
          png);
    }
    output.commit(temporary, target);
  }

  private static void writeTable(SparkSession spark, OutputFolder output,
      MixtureManifest manifest, float[] pixels, int count, String model) {
    int size = manifest.imageHeight() * manifest.imageWidth();
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Float> values = new ArrayList<>(size);
      for (int p = 0; p < size; p++) {
        values.add(pixels[i * size + p]);
      }
      rows.add(RowFactory.create((long) i, "generated:" + model, null, manifest.imageHeight(),
          manifest.imageWidth(), scala.collection.JavaConverters.asScalaBuffer(values).toSeq(),
          true));
    }
    ImageTable.writeAtomically(spark, spark.createDataFrame(rows, ImageTable.SCHEMA),
        output.resolve("table").toString());
  }
}
