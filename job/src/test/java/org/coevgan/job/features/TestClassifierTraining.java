package org.coevgan.job.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.coevgan.job.SparkSessions;
import org.coevgan.job.TestData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains the built-in feature classifier briefly with the distributed trainer. */
class TestClassifierTraining {
  @TempDir Path folder;

  @Test
  void briefDistributedTrainingClassifiesHeldOutDigits() {
    String table = TestData.mnistTable(folder, 1000);
    SparkSession spark = SparkSessions.forJob("feature classifier test");
    try {
      LabelledImages all = LabelledImages.read(spark, table);
      LabelledImages training = all.split(5, 0, false);
      LabelledImages heldOut = all.split(5, 0, true);

      MultiLayerNetwork network = ClassifierTraining.train(spark, training, 5, 11L);
      double accuracy =
          new FeatureNetwork(network, FeatureClassifier.FEATURE_LAYER, "test").accuracy(heldOut);

      assertEquals(800, training.count());
      assertEquals(10, all.classCount());
      assertTrue(accuracy > 0.80, "held-out accuracy " + accuracy);
    } finally {
      spark.stop();
    }
  }
}
