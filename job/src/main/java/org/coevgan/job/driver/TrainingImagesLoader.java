package org.coevgan.job.driver;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.conf.SyntheticImages;
import org.coevgan.dataprep.ImageTable;
import org.coevgan.job.data.TrainingImages;
import org.coevgan.job.network.FloatBlobs;

/**
 * Reads the real images of an image table (as written by PrepareIdx) into one
 * {@link TrainingImages}, in a fixed order (real before synthetic, then source, then id) so that
 * runs are reproducible. Synthetic rows (SMOTE's) are appended when data.synthetic-images is
 * train; scores use the real prefix only.
 */
public final class TrainingImagesLoader {
  private TrainingImagesLoader() {}

  /**
   * Loads the table at path, real images first, failing with the path and the problem when it
   * is unusable. Synthetic rows are included after the real ones when asked for.
   */
  public static TrainingImages load(SparkSession spark, String path, SyntheticImages synthetic) {
    Dataset<Row> table = spark.read().parquet(path);
    checkColumns(table, path);

    Dataset<Row> shapes = table.select(col(ImageTable.HEIGHT), col(ImageTable.WIDTH)).distinct();
    List<Row> distinctShapes = shapes.collectAsList();
    if (distinctShapes.size() != 1) {
      throw new IllegalArgumentException(
          "Cannot train on " + path + ": images must all have one size, but the table holds "
              + distinctShapes.size() + " sizes " + distinctShapes
              + "; prepare the data again with one --size");
    }
    int height = distinctShapes.get(0).getInt(0);
    int width = distinctShapes.get(0).getInt(1);

    List<byte[]> real = pixelBlobs(table.where(col(ImageTable.SYNTHETIC).equalTo(false)));
    List<byte[]> all = new java.util.ArrayList<>(real);
    if (synthetic == SyntheticImages.TRAIN) {
      all.addAll(pixelBlobs(table.where(col(ImageTable.SYNTHETIC).equalTo(true))));
    }
    if (real.isEmpty()) {
      throw new IllegalArgumentException("Cannot train on " + path + ": it holds no real images "
          + "(synthetic = false); scores need real images to compare against");
    }
    return concatenate(all, real.size(), height, width, path);
  }

  private static List<byte[]> pixelBlobs(Dataset<Row> rows) {
    return rows
        .orderBy(col(ImageTable.SOURCE), col(ImageTable.ID))
        .select(col(ImageTable.PIXELS))
        .map((MapFunction<Row, byte[]>) TrainingImagesLoader::pixelBlob, Encoders.BINARY())
        .collectAsList();
  }

  private static void checkColumns(Dataset<Row> table, String path) {
    Set<String> present = Set.of(table.columns());
    for (String column : List.of(ImageTable.ID, ImageTable.SOURCE, ImageTable.HEIGHT,
        ImageTable.WIDTH, ImageTable.PIXELS, ImageTable.SYNTHETIC)) {
      if (!present.contains(column)) {
        throw new IllegalArgumentException(
            "Cannot train on " + path + ": it has no column '" + column + "' (columns: "
                + Arrays.toString(table.columns()) + "); point data.path at a table written by "
                + "PrepareIdx");
      }
    }
  }

  private static byte[] pixelBlob(Row row) {
    List<Float> values = row.getList(0);
    float[] pixels = new float[values.size()];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = values.get(i);
    }
    return FloatBlobs.toBytes(pixels);
  }

  private static TrainingImages concatenate(List<byte[]> blobs, int realCount, int height,
      int width, String path) {
    int size = height * width;
    float[] pixels = new float[blobs.size() * size];
    for (int i = 0; i < blobs.size(); i++) {
      float[] image = FloatBlobs.fromBytes(blobs.get(i));
      if (image.length != size) {
        throw new IllegalArgumentException(
            "Cannot train on " + path + ": image " + i + " has " + image.length
                + " pixels but height x width is " + size);
      }
      System.arraycopy(image, 0, pixels, i * size, size);
    }
    return new TrainingImages(pixels, blobs.size(), realCount, height, width);
  }
}
