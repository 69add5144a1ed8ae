package org.coevgan.job.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.job.TestData;
import org.coevgan.job.features.ClassifierTraining;
import org.coevgan.job.features.FeatureClassifier;
import org.coevgan.job.features.FeatureNetwork;
import org.coevgan.job.features.LabelledImages;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature classifier trained with deeplearning4j-spark's parameter averaging on a real
 * standalone cluster (two single-core worker JVMs on 127.0.0.1), where minibatches, parameters
 * and Adam moments cross process boundaries: it must learn as well as the driver trainer on the
 * same images. A cluster takes a minute to start, so only with -Pheavy.
 */
@EnabledIfSystemProperty(named = "coevgan.heavy", matches = "true")
class TestClassifierOnCluster {
  private static final Logger LOG = LoggerFactory.getLogger(TestClassifierOnCluster.class);
  private static final int EPOCHS = 2;

  @TempDir Path folder;

  @Test
  void parameterAveragingOnTwoWorkersLearnsAsWellAsTheDriver() throws Exception {
    String table = TestData.mnistTable(folder, 3000);
    LabelledImages all = readLocally(table);
    LabelledImages training = all.allButEveryNth(5, 0);
    LabelledImages heldOut = all.everyNth(5, 0);
    double driver = accuracy(ClassifierTraining.trainOnDriver(training, EPOCHS, 5L), heldOut);

    double averaged;
    try (StandaloneCluster cluster = StandaloneCluster.start(folder.resolve("cluster"))) {
      SparkSession spark = clusterSession(cluster);
      try {
        assertEquals(2, spark.sparkContext().defaultParallelism(), "two worker cores");
        averaged = accuracy(ClassifierTraining.trainWithParameterAveraging(spark, training,
            EPOCHS, 5L), heldOut);
      } finally {
        spark.stop();
      }
    }

    LOG.info("feature classifier on a standalone cluster: training_images={} epochs={} "
        + "driver_accuracy={} parameter_averaging_accuracy={}", training.count(), EPOCHS, driver,
        averaged);
    assertTrue(averaged > 0.88, "parameter-averaging held-out accuracy " + averaged);
    assertTrue(averaged >= driver - 0.03,
        "parameter averaging " + averaged + " fell behind the driver's " + driver);
  }

  private static LabelledImages readLocally(String table) {
    SparkSession spark = SparkSessions.forJob("read labelled images");
    try {
      return LabelledImages.read(spark, table);
    } finally {
      spark.stop();
    }
  }

  private static SparkSession clusterSession(StandaloneCluster cluster) {
    return SparkSession.builder()
        .appName("feature classifier on a standalone cluster")
        .master(cluster.masterUrl())
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.executor.cores", "1")
        .config("spark.executor.memory", "2g")
        .config("spark.executor.extraClassPath", StandaloneCluster.classFolders())
        .config("spark.executor.extraJavaOptions", String.join(" ", JvmFlags.sparkOpens()))
        .getOrCreate();
  }

  private static double accuracy(MultiLayerNetwork network, LabelledImages heldOut) {
    return new FeatureNetwork(network, FeatureClassifier.FEATURE_LAYER, "cluster")
        .accuracy(heldOut);
  }
}
