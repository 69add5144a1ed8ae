package org.coevgan.dataprep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.ImageIngestion.KeptImage;
import scala.collection.JavaConverters;

/**
 * Turns the images prepared in the driver into a Dataset with the columns of
 * {@link ImageTable#SCHEMA_WITH_METADATA}: real images first, with ids from 0 in selection order,
 * then the synthetic ones, with the following ids, {@code synthetic = true}, the label of the
 * image they start from (null without labels), null metadata, and the source
 * {@code smote:<base>+<neighbour>} naming the two real files they were made from.
 *
 * <p>The rows are cut into slices of about {@link ImageRows#SLICE_BYTES} of pixels, as
 * {@link ImageRows} does, so that no task carries more than Spark's recommended task size.
 */
final class ImageFileRows {
  private ImageFileRows() {}

  /** Returns the rows of the real images, labelled by {@code labels} when it is not empty. */
  static List<Row> real(List<KeptImage> kept, String labelColumn, Map<String, Integer> labels) {
    List<Row> rows = new ArrayList<>(kept.size());
    for (KeptImage image : kept) {
      Map<String, String> metadata = image.candidate().metadata();
      Integer label = labelColumn == null ? null : labels.get(metadata.get(labelColumn));
      SquareImage square = image.image();
      rows.add(RowFactory.create((long) rows.size(), image.candidate().file(), label,
          square.size(), square.size(), square.pixels(), false, scalaMap(metadata)));
    }

    return rows;
  }

  private static scala.collection.Map<String, String> scalaMap(Map<String, String> metadata) {
    // Spark's row encoder takes maps as Scala maps only; null stays null (no metadata CSV).
    return metadata == null ? null : JavaConverters.mapAsScalaMap(new LinkedHashMap<>(metadata));
  }

  /**
   * Returns the rows of the synthetic images, with ids from {@code kept.size()}, each labelled
   * as its base image when {@code labels} is not empty.
   */
  static List<Row> synthetic(List<KeptImage> kept, String labelColumn,
      Map<String, Integer> labels, List<Smote.Synthetic> synthetic) {
    List<Row> rows = new ArrayList<>(synthetic.size());
    for (Smote.Synthetic image : synthetic) {
      KeptImage base = kept.get(image.base());
      String source = "smote:" + base.candidate().file() + "+"
          + kept.get(image.neighbour()).candidate().file();
      Integer label =
          labelColumn == null ? null : labels.get(base.candidate().metadata().get(labelColumn));
      int size = base.image().size();
      rows.add(RowFactory.create((long) (kept.size() + rows.size()), source, label, size, size,
          image.pixels(), true, null));
    }

    return rows;
  }

  /** Returns {@code rows} as a Dataset, sliced by pixel bytes. */
  static Dataset<Row> dataset(SparkSession spark, List<Row> rows, int pixelsPerImage) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    long bytes = (long) rows.size() * pixelsPerImage * Float.BYTES;
    long slicesBySize = (bytes + ImageRows.SLICE_BYTES - 1) / ImageRows.SLICE_BYTES;
    long slices = Math.max(slicesBySize, Math.min(context.defaultParallelism(), rows.size()));
    JavaRDD<Row> rdd = context.parallelize(rows, (int) Math.max(1, Math.min(slices, rows.size())));

    return spark.createDataFrame(rdd, ImageTable.SCHEMA_WITH_METADATA);
  }
}
