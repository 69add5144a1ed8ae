package org.coevgan.job;

import org.coevgan.dataprep.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.PrepareIdx;

/** Prepares real MNIST test-split images for the job's tests, from ../shared/data. */
public final class TestData {
  private TestData() {}

  /** Returns the folder of the shared real data beside the project checkout. */
  public static Path sharedData() {
    String configured = System.getProperty("coevgan.shared.data");
    Path path = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
    if (!Files.isDirectory(path.resolve("mnist"))) {
      throw new IllegalStateException(
          "Cannot find the shared MNIST data under " + path.toAbsolutePath()
              + "; check out the project beside ../shared or set -Dcoevgan.shared.data");
    }
    return path;
  }

  /** Writes count random images of height x width as an image table and returns its path. */
  public static String syntheticTable(Path folder, int count, int height, int width) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(count);
    java.util.List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      Float[] pixels = new Float[height * width];
      for (int p = 0; p < pixels.length; p++) {
        pixels[p] = (float) (random.nextDouble() * 2 - 1);
      }
      rows.add(org.apache.spark.sql.RowFactory.create((long) i, "synthetic-test", null, height,
          width, pixels, false));
    }
    SparkSession spark = SparkSessions.forJob("test data");
    try {
      org.coevgan.dataprep.ImageTable.writeAtomically(spark,
          spark.createDataFrame(rows, org.coevgan.dataprep.ImageTable.SCHEMA), folder.toString());
    } finally {
      spark.stop();
    }
    return folder.toString();
  }

  /** Writes the first count MNIST test images as an image table under folder and returns it. */
  public static String mnistTable(Path folder, int count) {
    Path mnist = sharedData().resolve("mnist");
    String output = folder.resolve("mnist-" + count).toString();
    SparkSession spark = SparkSessions.forJob("test data");
    try {
      PrepareIdx.run(spark, new PrepareIdx.Options(
          mnist.resolve("t10k-images-idx3-ubyte.gz"),
          Optional.of(mnist.resolve("t10k-labels-idx1-ubyte.gz")),
          output,
          count));
    } finally {
      spark.stop();
    }
    return output;
  }
}
