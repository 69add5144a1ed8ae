package org.coevgan.job.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.job.TestData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the built-in feature classifier briefly with each trainer. Before the worker batch of
 * parameter averaging matched the RDD's minibatches, half of the images were never trained on
 * and the averaged classifier fell far behind the driver's; the second test guards that.
 */
class TestClassifierTraining {
  @TempDir Path folder;

  @Test
  void briefDriverTrainingClassifiesHeldOutDigits() {
    String table = TestData.mnistTable(folder, 1000);
    SparkSession spark = SparkSessions.forJob("feature classifier test");
    try {
      LabelledImages all = LabelledImages.read(spark, table);
      LabelledImages training = all.allButEveryNth(5, 0);
      LabelledImages heldOut = all.everyNth(5, 0);

      MultiLayerNetwork network = ClassifierTraining.trainOnDriver(training, 3, 11L);
      double accuracy =
          new FeatureNetwork(network, FeatureClassifier.FEATURE_LAYER, "test").accuracy(heldOut);

      assertEquals(800, training.count());
      assertTrue(accuracy > 0.80, "held-out accuracy " + accuracy);
    } finally {
      spark.stop();
    }
  }

  @Test
  void parameterAveragingLearnsAsWellAsTheDriverOnTheSameImages() {
    String table = TestData.mnistTable(folder, 2000);
    SparkSession spark = SparkSessions.forJob("feature classifier test");
    try {
      LabelledImages all = LabelledImages.read(spark, table);
      LabelledImages training = all.allButEveryNth(5, 0);
      LabelledImages heldOut = all.everyNth(5, 0);

      double driver = accuracy(ClassifierTraining.trainOnDriver(training, 2, 11L), heldOut);
      double averaged = accuracy(
          ClassifierTraining.trainWithParameterAveraging(spark, training, 2, 11L), heldOut);

      assertEquals(1600, training.count());
      assertEquals(10, all.classCount());
      assertTrue(averaged > 0.85, "parameter-averaging held-out accuracy " + averaged);
      assertTrue(averaged >= driver - 0.04,
          "parameter averaging " + averaged + " fell behind the driver's " + driver);
    } finally {
      spark.stop();
    }
  }

  @Test
  void workersShareTheDriversMinibatchDownToEightImagesEach() {
    assertEquals(32, ClassifierTraining.workerBatch(1));
    assertEquals(16, ClassifierTraining.workerBatch(2));
    assertEquals(8, ClassifierTraining.workerBatch(4));
    assertEquals(8, ClassifierTraining.workerBatch(16));
  }

  private static double accuracy(MultiLayerNetwork network, LabelledImages heldOut) {
    return new FeatureNetwork(network, FeatureClassifier.FEATURE_LAYER, "test").accuracy(heldOut);
  }
}
