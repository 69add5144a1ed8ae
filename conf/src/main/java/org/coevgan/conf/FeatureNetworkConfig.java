package org.coevgan.conf;

import java.util.Objects;
import java.util.Optional;

/**
 * The network that maps images to features (FID) and class probabilities (Inception Score),
 * keys {@code feature-network.*}. By default a small convolutional classifier is trained on the
 * labelled images under {@code data.path}, or under {@code feature-network.data-path} when that
 * is set, and cached beside them; a user may name a DL4J model file and the layer whose
 * activations are the features instead.
 *
 * <p>A separate labelled table lets a generator of one class be scored: the run trains on the 85
 * COVID-19 radiographs alone, which carry a single label, while the classifier learns COVID-19
 * against the other findings of the whole collection. Scores still compare against the real
 * images of {@code data.path}.
 *
 * @param modelFile a DL4J MultiLayerNetwork zip, or empty to train the built-in classifier
 * @param layer index of the feature layer of {@code modelFile}, or -1 for its penultimate layer
 * @param epochs training passes of the built-in classifier, 1 or more
 * @param trainer how the built-in classifier is trained
 * @param maxImages most labelled images the built-in classifier trains on, an even spread of
 *     the table; 0 trains on all of them
 * @param dataPath the labelled image table the built-in classifier trains on, or empty for
 *     {@code data.path}
 */
public record FeatureNetworkConfig(String modelFile, int layer, int epochs,
    FeatureNetworkTrainer trainer, int maxImages, String dataPath) {
  /** Width of the built-in classifier's feature layer, the dimension FID works in. */
  public static final int BUILT_IN_FEATURE_SIZE = 64;

  private static final String SUBJECT = "feature network";

  /**
   * Creates a feature network configuration.
   *
   * @param modelFile a DL4J model file, or empty (never null) for the built-in classifier
   * @param layer the feature layer's index, or -1 for the penultimate layer
   * @param epochs training passes of the built-in classifier, 1 or more
   * @param trainer how the built-in classifier is trained
   * @param maxImages most labelled images the built-in classifier trains on; 0 is all
   * @param dataPath the classifier's labelled image table, or empty (never null) for
   *     {@code data.path}
   * @throws ConfigException if layer is below -1, epochs below 1, or both a model file and a
   *     data path are given
   */
  public FeatureNetworkConfig {
    Objects.requireNonNull(modelFile, "modelFile");
    Checks.checkAtLeast(SUBJECT, ConfigKey.FEATURE_NETWORK_LAYER, layer, -1);
    Checks.checkAtLeast(SUBJECT, ConfigKey.FEATURE_NETWORK_EPOCHS, epochs, 1);
    Objects.requireNonNull(trainer, "trainer");
    Checks.checkAtLeast(SUBJECT, ConfigKey.FEATURE_NETWORK_MAX_IMAGES, maxImages, 0);
    Objects.requireNonNull(dataPath, "dataPath");
    checkOneSource(modelFile, dataPath);
  }

  /**
   * Creates a feature network configuration whose built-in classifier trains on
   * {@code data.path}.
   *
   * @param modelFile a DL4J model file, or empty (never null) for the built-in classifier
   * @param layer the feature layer's index, or -1 for the penultimate layer
   * @param epochs training passes of the built-in classifier, 1 or more
   * @param trainer how the built-in classifier is trained
   * @param maxImages most labelled images the built-in classifier trains on; 0 is all
   */
  public FeatureNetworkConfig(String modelFile, int layer, int epochs,
      FeatureNetworkTrainer trainer, int maxImages) {
    this(modelFile, layer, epochs, trainer, maxImages, "");
  }

  /**
   * Creates a feature network configuration that trains on every labelled image.
   *
   * @param modelFile a user's DL4J model file, or blank for the built-in classifier
   * @param layer the feature layer index, -1 for the penultimate one
   * @param epochs training passes of the built-in classifier
   * @param trainer how the built-in classifier is trained
   */
  public FeatureNetworkConfig(
      String modelFile, int layer, int epochs, FeatureNetworkTrainer trainer) {
    this(modelFile, layer, epochs, trainer, 0);
  }

  /**
   * Returns the user's model file, or empty when the built-in classifier is used.
   *
   * @return the path as configured
   */
  public Optional<String> userModel() {
    return modelFile.isBlank() ? Optional.empty() : Optional.of(modelFile);
  }

  /**
   * Returns the labelled image table the built-in classifier trains on: {@code dataPath} when
   * set, else the run's training table.
   *
   * @param trainingDataPath the run's {@code data.path}
   * @return the path as configured
   */
  public String labelledDataPath(String trainingDataPath) {
    return dataPath.isBlank() ? trainingDataPath : dataPath;
  }

  private static void checkOneSource(String modelFile, String dataPath) {
    if (!modelFile.isBlank() && !dataPath.isBlank()) {
      throw Checks.invalid(SUBJECT, ConfigKey.FEATURE_NETWORK_DATA_PATH, "'" + dataPath + "'",
          "empty when feature-network.model-file names a trained model, which is used as it"
              + " is", "remove one of the two keys");
    }
  }
}
