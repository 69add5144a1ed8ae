package org.coevgan.job.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.coevgan.conf.FeatureNetworkTrainer;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.dataprep.PrepareIdx;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.job.TestData;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.Individual;
import org.coevgan.job.network.LatentNoise;
import org.coevgan.job.network.NetworkSpec;
import org.coevgan.job.scoring.FeatureStatistics;
import org.coevgan.job.scoring.FrechetDistance;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-size accuracy checks of the built-in feature network: at least 97 % on MNIST test
 * images held out from its training, with either trainer, and at least 85 % on Fashion-MNIST's
 * test split; and FID small between two halves of real data, large for an untrained generator.
 * Minutes long, so only with -Pheavy (coevgan.heavy=true).
 */
@EnabledIfSystemProperty(named = "coevgan.heavy", matches = "true")
class TestFeatureNetworkAccuracy {
  private static final Logger LOG = LoggerFactory.getLogger(TestFeatureNetworkAccuracy.class);
  private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

  @TempDir Path folder;

  @Test
  void mnistReachesNinetySevenPercentOnHeldOutDigitsAndFidSeparatesRealFromUntrained() {
    String table = TestData.mnistTable(folder, 10_000);
    SparkSession spark = SparkSessions.forJob("feature network accuracy: mnist");
    try {
      LabelledImages all = LabelledImages.read(spark, table);
      LabelledImages training = all.allButEveryNth(5, 0);
      LabelledImages heldOut = all.everyNth(5, 0);

      FeatureNetwork network = new FeatureNetwork(
          ClassifierTraining.trainOnDriver(training, 3, 1L), FeatureClassifier.FEATURE_LAYER,
          "mnist");
      double accuracy = network.accuracy(heldOut);
      double realFid = realHalvesFid(network, heldOut);
      double untrainedFid = untrainedGeneratorFid(network, heldOut);

      LOG.info("mnist feature network: training_images={} held_out_images={} accuracy={} "
          + "fid_real_halves={} fid_untrained_generator={}", training.count(), heldOut.count(),
          accuracy, realFid, untrainedFid);
      assertTrue(accuracy >= 0.97, "held-out accuracy " + accuracy);
      assertTrue(realFid < 10.0, "FID of real halves " + realFid);
      assertTrue(untrainedFid > 50 * realFid, "FID of an untrained generator " + untrainedFid);
    } finally {
      spark.stop();
    }
  }

  @Test
  void mnistReachesNinetySevenPercentWithParameterAveraging() {
    String table = TestData.mnistTable(folder, 10_000);
    SparkSession spark = SparkSessions.forJob("feature network accuracy: mnist, averaged");
    try {
      LabelledImages all = LabelledImages.read(spark, table);
      LabelledImages training = all.allButEveryNth(5, 0);
      LabelledImages heldOut = all.everyNth(5, 0);

      MultiLayerNetwork trained =
          ClassifierTraining.trainWithParameterAveraging(spark, training, 3, 1L);
      double accuracy =
          new FeatureNetwork(trained, FeatureClassifier.FEATURE_LAYER, "mnist").accuracy(heldOut);

      LOG.info("mnist feature network, parameter averaging: training_images={} workers={} "
          + "held_out_images={} accuracy={}", training.count(),
          spark.sparkContext().defaultParallelism(), heldOut.count(), accuracy);
      assertTrue(accuracy >= 0.97, "held-out accuracy " + accuracy);
    } finally {
      spark.stop();
    }
  }

  @Test
  void fashionMnistReachesEightyFivePercentOnItsTestSplit() {
    fashionMnistReachesEightyFivePercent(FeatureNetworkTrainer.DRIVER);
  }

  @Test
  void fashionMnistReachesEightyFivePercentWithParameterAveraging() {
    fashionMnistReachesEightyFivePercent(FeatureNetworkTrainer.PARAMETER_AVERAGING);
  }

  private void fashionMnistReachesEightyFivePercent(FeatureNetworkTrainer trainer) {
    SparkSession spark = SparkSessions.forJob("feature network accuracy: fashion-mnist");
    try {
      LabelledImages training = LabelledImages.read(spark, prepare(spark, "train", 60_000));
      LabelledImages test = LabelledImages.read(spark, prepare(spark, "t10k", 10_000));

      MultiLayerNetwork trained = trainer == FeatureNetworkTrainer.DRIVER
          ? ClassifierTraining.trainOnDriver(training, 3, 1L)
          : ClassifierTraining.trainWithParameterAveraging(spark, training, 3, 1L);
      double accuracy =
          new FeatureNetwork(trained, FeatureClassifier.FEATURE_LAYER, "fashion").accuracy(test);

      LOG.info("fashion-mnist feature network: trainer={} training_images={} test_images={} "
          + "accuracy={}", trainer.configName(), training.count(), test.count(), accuracy);
      assertTrue(accuracy >= 0.85, "test accuracy " + accuracy);
    } finally {
      spark.stop();
    }
  }

  private String prepare(SparkSession spark, String split, int count) {
    String output = folder.resolve("fashion-" + split).toString();
    PrepareIdx.run(spark, new PrepareIdx.Options(
        FASHION.resolve(split + "-images-idx3-ubyte.gz"),
        Optional.of(FASHION.resolve(split + "-labels-idx1-ubyte.gz")), output, count));
    return output;
  }

  private static double realHalvesFid(FeatureNetwork network, LabelledImages images) {
    LabelledImages first = images.everyNth(2, 0);
    LabelledImages second = images.allButEveryNth(2, 0);
    return FrechetDistance.between(features(network, first), features(network, second));
  }

  private static double untrainedGeneratorFid(FeatureNetwork network, LabelledImages images) {
    NetworkSpec spec = new NetworkSpec(NetworkPreset.REFERENCE_PERCEPTRON, 64,
        images.height(), images.width(), 0.5, 0.999, 1e-8);
    Individual generator = Individual.newGenerator(spec, 2e-4, null, new Cell(0, 0), 9L);
    INDArray noise = LatentNoise.sample(images.count() / 2, 64, new SplittableRandom(9));
    INDArray fake = generator.network().output(noise, false);
    FeatureStatistics generated =
        FeatureStatistics.of(network.activations(fake).features());
    return FrechetDistance.between(generated, features(network, images.everyNth(2, 0)));
  }

  private static FeatureStatistics features(FeatureNetwork network, LabelledImages images) {
    return FeatureStatistics.of(
        network.activations(images.batch(0, images.count()).getFeatures()).features());
  }
}
