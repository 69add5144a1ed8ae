package org.coevgan.dataprep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Turns images parsed in the driver into a Dataset with the image table's schema.
 *
 * <p>The driver ships the 8-bit grey levels, a quarter of the size of the normalised floats, and
 * the executors normalise them. The images are cut into slices of about {@link #SLICE_BYTES} so
 * that no task carries more than Spark's recommended task size (1000 KiB); the MNIST test split
 * (7.8 MB of pixels) becomes 10 slices and so 10 Parquet files.
 */
final class ImageRows {
  static final long SLICE_BYTES = 768 * 1024;

  private ImageRows() {}

  /** Returns one row per kept image, labelled when labels are given, with ids from 0. */
  static Dataset<Row> of(SparkSession spark, IdxImages images, Optional<IdxLabels> labels) {
    List<RawImage> rawImages = rawImages(images, labels);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = sliceCount(images, context.defaultParallelism());

    JavaRDD<Row> rows = context.parallelize(rawImages, slices).map(RawImage::toRow);

    return spark.createDataFrame(rows, ImageTable.SCHEMA);
  }

  static int sliceCount(IdxImages images, int defaultParallelism) {
    long bytes = (long) images.count() * images.pixelsPerImage();
    long slicesBySize = (bytes + SLICE_BYTES - 1) / SLICE_BYTES;
    long slices = Math.max(slicesBySize, Math.min(defaultParallelism, images.count()));

    return (int) Math.min(slices, images.count());
  }

  private static List<RawImage> rawImages(IdxImages images, Optional<IdxLabels> labels) {
    List<RawImage> rawImages = new ArrayList<>(images.count());
    for (int index = 0; index < images.count(); index++) {
      Integer label = labels.isPresent() ? labels.get().label(index) : null;
      rawImages.add(new RawImage(index, images.source(), label, images.height(),
          images.width(), images.greyLevels(index)));
    }

    return rawImages;
  }

  /** Carries one image from the driver to an executor before normalisation. */
  private record RawImage(
      long id, String source, Integer label, int height, int width, byte[] greyLevels)
      implements Serializable {
    Row toRow() {
      float[] pixels = ImageTable.normalisedPixels(greyLevels);

      return RowFactory.create(id, source, label, height, width, pixels, false);
    }
  }
}
