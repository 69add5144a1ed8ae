package org.coevgan.job.features;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the built-in feature classifier, either with plain DL4J minibatch steps on the driver
 * or data-parallel with deeplearning4j-spark's parameter averaging: the images are cut into
 * minibatches, spread over the executors, each worker fits its share, and the driver averages
 * the parameters and Adam moments every few minibatches. This is the only user of
 * deeplearning4j-spark; the coevolution never touches it.
 *
 * <p>Three defaults of deeplearning4j-spark 1.0.0-M2's parameter averaging made it learn far
 * worse than the driver (62.8 % instead of 88.5 % on Fashion-MNIST after 3 epochs), so each is
 * overridden here:
 *
 * <ul>
 *   <li>{@code saveUpdater} is false: workers return no Adam moments, so the driver's stay zero
 *       and every averaging round restarts Adam from zero moments, while the bias correction,
 *       driven by the ever-growing iteration count, assumes mature ones. The first steps of a
 *       round are then sign-like steps of about 3 times the learning rate (m / sqrt(v) =
 *       0.1 g / sqrt(0.001 g^2) = 3.2), rising to about 6 times by the fifth step. Saving the
 *       updater averages the moments like the parameters.
 *   <li>The default way to feed workers first exports the RDD to files of
 *       {@code batchSizePerWorker} examples, and its exporter (BatchAndExportDataSetsFunction)
 *       writes only one file per incoming minibatch plus one at the end. With its default
 *       worker batch of 16 and our minibatches of 32, half of every partition never reached a
 *       worker: of 8,000 MNIST images an epoch trained on 4,000 (25 averaging rounds of 10
 *       files of 16); after one epoch the classifier reached 80.5 % instead of the driver's
 *       95.4 % (95.1 % once the sizes matched).
 *   <li>That export also needs a distributed file system once the master is not local, so it
 *       refuses to run on a standalone cluster whose default file system is the local one.
 * </ul>
 *
 * <p>So workers read the minibatches straight from the RDD ({@code RDDTrainingApproach.Direct},
 * which persists it serialised in memory), a worker's batch is the RDD's minibatch, and the
 * updater is saved. With worker batches of 32 on two workers an epoch made half as many averaged
 * steps as the driver makes steps, and 3 epochs on 8,000 MNIST images reached 96.95 % held out;
 * hence {@link #workerBatch}.
 */
public final class ClassifierTraining {
  private static final Logger LOG = LoggerFactory.getLogger(ClassifierTraining.class);
  private static final int BATCH_SIZE = 32;
  private static final int MIN_WORKER_BATCH = 8;
  private static final int AVERAGING_FREQUENCY = 5;

  private ClassifierTraining() {}

  /** Returns a classifier fitted on the driver, minibatches in a seeded shuffled order. */
  public static MultiLayerNetwork trainOnDriver(LabelledImages images, int epochs, long seed) {
    MultiLayerNetwork network = new MultiLayerNetwork(FeatureClassifier.configuration(
        images.height(), images.width(), images.classCount(), seed));
    network.init();
    List<DataSet> batches = minibatches(images, BATCH_SIZE);
    SplittableRandom random = new SplittableRandom(seed);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long start = System.nanoTime();
      for (int index : shuffledOrder(batches.size(), random)) {
        network.fit(batches.get(index));
      }
      network.incrementEpochCount();
      LOG.info("feature network epoch done: trainer=driver epoch={} of={} images={} seconds={}",
          epoch, epochs, images.count(), (System.nanoTime() - start) / 1e9);
    }
    return network;
  }

  private static int[] shuffledOrder(int size, SplittableRandom random) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** Returns a classifier fitted with parameter averaging over the Spark executors. */
  public static MultiLayerNetwork trainWithParameterAveraging(
      SparkSession spark, LabelledImages images, int epochs, long seed) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int workers = Math.max(1, context.defaultParallelism());
    int workerBatch = workerBatch(workers);
    JavaRDD<DataSet> batches = localCopy(
        context.parallelize(minibatches(images, workerBatch), workers));

    ParameterAveragingTrainingMaster master =
        new ParameterAveragingTrainingMaster.Builder(workerBatch)
            .rddTrainingApproach(RDDTrainingApproach.Direct)
            .batchSizePerWorker(workerBatch)
            .saveUpdater(true)
            .averagingFrequency(AVERAGING_FREQUENCY)
            .workerPrefetchNumBatches(0)
            .rngSeed(seed)
            .build();
    SparkDl4jMultiLayer trainer = new SparkDl4jMultiLayer(context,
        FeatureClassifier.configuration(images.height(), images.width(), images.classCount(),
            seed), master);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long start = System.nanoTime();
      trainer.fit(batches);
      LOG.info("feature network epoch done: trainer=parameter-averaging epoch={} of={} "
          + "images={} workers={} worker_batch={} averaged_steps={} seconds={}", epoch, epochs,
          images.count(), workers, workerBatch, trainer.getNetwork().getIterationCount(),
          (System.nanoTime() - start) / 1e9);
    }

    batches.unpersist();
    return trainer.getNetwork();
  }

  /**
   * Returns the minibatches held by the executors' block managers, with the lineage cut. A
   * parallelized collection carries its data inside every task, and parameter averaging runs one
   * stage per averaging round over it: on Fashion-MNIST's 60,000 images each task carried 94 MB
   * and an epoch took over 25 minutes on two cores. The cost is fault tolerance: a lost executor
   * loses its part of the images and the training fails, to be rerun as a whole.
   */
  private static JavaRDD<DataSet> localCopy(JavaRDD<DataSet> batches) {
    batches.persist(StorageLevel.MEMORY_AND_DISK());
    batches.rdd().localCheckpoint();
    batches.count();
    return batches;
  }

  /**
   * Returns each worker's minibatch: the driver's 32 images shared among the workers (16 each on
   * two), so that an averaged step sees as many images as a driver step and an epoch makes as
   * many averaged steps as the driver makes steps; at least 8, which many workers outgrow.
   */
  static int workerBatch(int workers) {
    return Math.max(MIN_WORKER_BATCH, BATCH_SIZE / workers);
  }

  private static List<DataSet> minibatches(LabelledImages images, int size) {
    List<DataSet> batches = new ArrayList<>();
    for (int from = 0; from < images.count(); from += size) {
      batches.add(images.batch(from, Math.min(images.count(), from + size)));
    }
    return batches;
  }
}
