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

/** Trains the built-in feature classifier briefly with each trainer. */
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
  void briefDistributedTrainingClassifiesHeldOutDigits() {
    String table = TestData.mnistTable(folder, 2000);
    SparkSession spark = SparkSessions.forJob("feature classifier test");
    try {
      LabelledImages all = LabelledImages.read(spark, table);
      LabelledImages training = all.allButEveryNth(5, 0);
      LabelledImages heldOut = all.everyNth(5, 0);

      MultiLayerNetwork network =
          ClassifierTraining.trainWithParameterAveraging(spark, training, 5, 11L);
      double accuracy =
          new FeatureNetwork(network, FeatureClassifier.FEATURE_LAYER, "test").accuracy(heldOut);

      assertEquals(1600, training.count());
      assertEquals(10, all.classCount());
      assertTrue(accuracy > 0.80, "held-out accuracy " + accuracy);
    } finally {
      spark.stop();
    }
  }
}
