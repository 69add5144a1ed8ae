package org.coevgan.job.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.coevgan.conf.FeatureNetworkConfig;
import org.coevgan.conf.FeatureNetworkTrainer;
import org.coevgan.dataprep.ImageTable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the feature network of a run: the user's model when {@code feature-network.model-file}
 * names one, else the built-in classifier cached beside its labelled table in
 * {@code <table>.feature-network/} (model.zip and feature-network.json). That table is
 * {@code feature-network.data-path} when set, else {@code data.path}; a separate one must hold
 * images of the training images' size. The cache is used when its fingerprint matches the
 * labelled images and settings; otherwise the classifier is trained on nine tenths of the
 * images, tested on the rest, and the cache replaced.
 */
public final class FeatureNetworks {
  private static final Logger LOG = LoggerFactory.getLogger(FeatureNetworks.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long TRAINING_SEED = 20_200_801L;
  private static final int HOLD_OUT_MODULUS = 10;
  private static final String MODEL = "model.zip";
  private static final String DESCRIPTION = "feature-network.json";

  private FeatureNetworks() {}

  /** The chosen network and, for the built-in one, its held-out accuracy (else NaN). */
  public record Choice(FeatureNetwork network, double heldOutAccuracy, String location) {}

  /** Returns the run's feature network, training and caching the built-in one when needed. */
  public static Choice obtain(SparkSession spark, String dataPath, FeatureNetworkConfig config) {
    if (config.userModel().isPresent()) {
      return userModel(spark, config.userModel().get(), config.layer());
    }
    String labelledPath = config.labelledDataPath(dataPath);
    if (!labelledPath.equals(dataPath)) {
      checkSameSize(spark, labelledPath, dataPath);
    }
    return builtIn(spark, labelledPath, config.epochs(), config.trainer(), config.maxImages());
  }

  private static void checkSameSize(SparkSession spark, String labelledPath, String dataPath) {
    List<String> labelled = sizes(spark, labelledPath);
    List<String> training = sizes(spark, dataPath);
    if (!labelled.equals(training)) {
      throw new IllegalArgumentException("Cannot score the images of data.path " + dataPath
          + " (sizes " + training + ") with a classifier trained on feature-network.data-path "
          + labelledPath + " (sizes " + labelled + ") because the classifier takes images of"
          + " one size; prepare the labelled table again with the --size of data.path");
    }
  }

  private static List<String> sizes(SparkSession spark, String path) {
    return spark.read().parquet(path)
        .select(col(ImageTable.HEIGHT), col(ImageTable.WIDTH)).distinct()
        .collectAsList().stream()
        .map(row -> row.getInt(0) + "x" + row.getInt(1))
        .sorted()
        .toList();
  }

  private static Choice userModel(SparkSession spark, String file, int layer) {
    byte[] bytes = read(spark, new Path(file));
    String fingerprint = "user-" + DataFingerprint.ofBytes(bytes);
    int chosen = layer >= 0 ? layer : penultimate(bytes);
    LOG.info("feature network: user model file={} layer={} fingerprint={}", file, chosen,
        fingerprint);
    return new Choice(FeatureNetwork.fromBytes(bytes, chosen, fingerprint), Double.NaN, file);
  }

  private static int penultimate(byte[] bytes) {
    return FeatureNetwork.fromBytes(bytes, 0, "probe").layerCount() - 2;
  }

  private static Choice builtIn(SparkSession spark, String dataPath, int epochs,
      FeatureNetworkTrainer trainer, int maxImages) {
    LabelledImages images = capped(LabelledImages.read(spark, dataPath), maxImages);
    String settings = FeatureClassifier.VERSION + " epochs=" + epochs + " seed=" + TRAINING_SEED
        + " trainer=" + trainer.configName() + " max_images=" + maxImages;
    String fingerprint = DataFingerprint.of(images, settings);
    Path folder = new Path(dataPath + ".feature-network");

    JsonNode cached = readDescription(spark, folder);
    if (cached != null && fingerprint.equals(cached.path("fingerprint").asText())) {
      FeatureNetwork network = FeatureNetwork.fromBytes(
          read(spark, new Path(folder, MODEL)), FeatureClassifier.FEATURE_LAYER, fingerprint);
      double accuracy = cached.path("held_out_accuracy").asDouble(Double.NaN);
      LOG.info("feature network reused: path={} fingerprint={} held_out_accuracy={}", folder,
          fingerprint, accuracy);
      return new Choice(network, accuracy, folder.toString());
    }
    return train(spark, images, epochs, trainer, fingerprint, folder);
  }

  /**
   * Keeps an even spread of at most maxImages images (every n-th), so a quick run need not
   * train the classifier on all of a large table: 60,000 Fashion-MNIST images take minutes per
   * epoch on two cores. 0 keeps them all.
   */
  private static LabelledImages capped(LabelledImages images, int maxImages) {
    if (maxImages <= 0 || images.count() <= maxImages) {
      return images;
    }
    int every = (images.count() + maxImages - 1) / maxImages;
    return images.everyNth(every, 0);
  }

  private static Choice train(SparkSession spark, LabelledImages images, int epochs,
      FeatureNetworkTrainer trainer, String fingerprint, Path folder) {
    long start = System.nanoTime();
    LOG.info("training the feature network for scores: images={} epochs={} trainer={} "
        + "cache={} (only the first run on this data pays for it; one line per epoch follows)",
        images.count(), epochs, trainer.configName(), folder);
    LabelledImages training = images.allButEveryNth(HOLD_OUT_MODULUS, 0);
    LabelledImages heldOut = images.everyNth(HOLD_OUT_MODULUS, 0);
    MultiLayerNetwork trained = trainer == FeatureNetworkTrainer.DRIVER
        ? ClassifierTraining.trainOnDriver(training, epochs, TRAINING_SEED)
        : ClassifierTraining.trainWithParameterAveraging(spark, training, epochs, TRAINING_SEED);
    FeatureNetwork network =
        new FeatureNetwork(trained, FeatureClassifier.FEATURE_LAYER, fingerprint);

    double accuracy = network.accuracy(heldOut);
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("fingerprint", fingerprint);
    description.put("architecture", FeatureClassifier.VERSION);
    description.put("epochs", epochs);
    description.put("trainer", trainer.configName());
    description.put("training_images", training.count());
    description.put("held_out_images", heldOut.count());
    description.put("held_out_accuracy", accuracy);
    description.put("classes", images.classCount());
    writeCache(spark, folder, network.modelBytes(), description);
    LOG.info("feature network trained: path={} fingerprint={} images={} held_out_accuracy={} "
        + "seconds={}", folder, fingerprint, training.count(), accuracy,
        (System.nanoTime() - start) / 1e9);
    return new Choice(network, accuracy, folder.toString());
  }

  private static JsonNode readDescription(SparkSession spark, Path folder) {
    Path description = new Path(folder, DESCRIPTION);
    try {
      FileSystem fs = description.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(description) && fs.exists(new Path(folder, MODEL))
          ? JSON.readTree(read(spark, description)) : null;
    } catch (IOException e) {
      LOG.warn("feature network cache unreadable, retraining: path={} reason={}", folder,
          e.getMessage());
      return null;
    }
  }

  /** Replaces the cache folder whole: written beside it, then renamed into place. */
  private static void writeCache(SparkSession spark, Path folder, byte[] model,
      Map<String, Object> description) {
    Path temporary = new Path(folder.getParent(), "." + folder.getName() + ".tmp-"
        + java.util.UUID.randomUUID());
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      write(fs, new Path(temporary, MODEL), model);
      write(fs, new Path(temporary, DESCRIPTION), JSON.writeValueAsBytes(description));
      fs.delete(folder, true);
      if (!fs.rename(temporary, folder)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot cache the feature network in " + folder
          + "; make the folder beside data.path (or feature-network.data-path) writable", e);
    }
  }

  private static void write(FileSystem fs, Path path, byte[] bytes) throws IOException {
    try (FSDataOutputStream out = fs.create(path, false)) {
      out.write(bytes);
    }
  }

  private static byte[] read(SparkSession spark, Path path) {
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (var in = fs.open(path)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the feature network file " + path
          + " because " + e.getMessage() + "; check feature-network.model-file", e);
    }
  }
}
