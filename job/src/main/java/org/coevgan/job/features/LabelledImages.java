package org.coevgan.job.features;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.ImageTable;
import org.coevgan.job.network.NativeMatrices;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The real, labelled images of an image table, in a fixed order (source, then id), held as one
 * flat float array: what the feature classifier trains and is tested on.
 */
public final class LabelledImages implements Serializable {
  private static final long serialVersionUID = 1L;

  private final float[] pixels;
  private final int[] labels;
  private final int height;
  private final int width;
  private final int classCount;

  /** Wraps count images of height x width with their labels in 0..classCount-1. */
  public LabelledImages(float[] pixels, int[] labels, int height, int width, int classCount) {
    if ((long) labels.length * height * width != pixels.length) {
      throw new IllegalArgumentException("Cannot hold " + labels.length + " images of "
          + height + "x" + width + " in " + pixels.length + " pixel values");
    }
    this.pixels = pixels;
    this.labels = labels;
    this.height = height;
    this.width = width;
    this.classCount = classCount;
  }

  /** Reads the real rows with a label from the table at path. */
  public static LabelledImages read(SparkSession spark, String path) {
    List<Row> rows = spark.read().parquet(path)
        .where(col(ImageTable.SYNTHETIC).equalTo(false).and(col(ImageTable.LABEL).isNotNull()))
        .orderBy(col(ImageTable.SOURCE), col(ImageTable.ID))
        .select(col(ImageTable.LABEL), col(ImageTable.HEIGHT), col(ImageTable.WIDTH),
            col(ImageTable.PIXELS))
        .collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("Cannot train the feature network on " + path
          + " because it holds no real images with a label; prepare it with labels, point "
          + "feature-network.data-path at a labelled table, or set feature-network.model-file "
          + "to a trained DL4J model");
    }
    return fromRows(rows, path);
  }

  private static LabelledImages fromRows(List<Row> rows, String path) {
    int height = rows.get(0).getInt(1);
    int width = rows.get(0).getInt(2);
    float[] pixels = new float[rows.size() * height * width];
    int[] labels = new int[rows.size()];
    int maxLabel = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      labels[i] = row.getInt(0);
      checkRow(row, labels[i], height, width, path);
      maxLabel = Math.max(maxLabel, labels[i]);
      List<Float> values = row.getList(3);
      for (int p = 0; p < values.size(); p++) {
        pixels[i * height * width + p] = values.get(p);
      }
    }
    return new LabelledImages(pixels, labels, height, width, maxLabel + 1);
  }

  private static void checkRow(Row row, int label, int height, int width, String path) {
    if (label < 0 || row.getInt(1) != height || row.getInt(2) != width
        || row.getList(3).size() != height * width) {
      throw new IllegalArgumentException("Cannot train the feature network on " + path
          + " because a row has label " + label + " or size " + row.getInt(1) + "x"
          + row.getInt(2) + " while labels must be 0 or more and images all " + height + "x"
          + width + "; prepare the data again");
    }
  }

  /** Returns every modulus-th image, starting at index remainder: a held-out set. */
  public LabelledImages everyNth(int modulus, int remainder) {
    return select(modulus, remainder, true);
  }

  /** Returns every image but those {@link #everyNth} returns: the matching training set. */
  public LabelledImages allButEveryNth(int modulus, int remainder) {
    return select(modulus, remainder, false);
  }

  private LabelledImages select(int modulus, int remainder, boolean matching) {
    int size = height * width;
    int count = 0;
    for (int i = 0; i < labels.length; i++) {
      count += (i % modulus == remainder) == matching ? 1 : 0;
    }

    float[] chosenPixels = new float[count * size];
    int[] chosenLabels = new int[count];
    int next = 0;
    for (int i = 0; i < labels.length; i++) {
      if ((i % modulus == remainder) == matching) {
        System.arraycopy(pixels, i * size, chosenPixels, next * size, size);
        chosenLabels[next++] = labels[i];
      }
    }
    return new LabelledImages(chosenPixels, chosenLabels, height, width, classCount);
  }

  /** Returns images from..to-1 as a DL4J data set with one-hot labels. */
  public DataSet batch(int from, int to) {
    int size = height * width;
    float[] features = Arrays.copyOfRange(pixels, from * size, to * size);
    INDArray input = NativeMatrices.of(features, to - from, size);
    INDArray oneHot = Nd4j.zeros(to - from, classCount);
    for (int i = from; i < to; i++) {
      oneHot.putScalar(i - from, labels[i], 1.0);
    }
    return new DataSet(input, oneHot);
  }

  public int count() {
    return labels.length;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int classCount() {
    return classCount;
  }

  int label(int index) {
    return labels[index];
  }

  float[] pixels() {
    return pixels;
  }
}
