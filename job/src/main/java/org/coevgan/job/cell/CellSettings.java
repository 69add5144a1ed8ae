package org.coevgan.job.cell;

import java.io.Serializable;
import org.coevgan.conf.FitnessMode;
import org.coevgan.conf.LossFunction;
import org.coevgan.conf.RunConfig;
import org.coevgan.job.grid.Torus;
import org.coevgan.job.network.NetworkSpec;

/**
 * The part of the run configuration that executors need to evolve one cell, in a serialisable
 * form that Spark ships with each task.
 */
public record CellSettings(
    Torus torus,
    NetworkSpec network,
    long seed,
    int populationSize,
    int tournamentSize,
    FitnessMode fitnessMode,
    int fitnessSampleSize,
    int batchSize,
    int batchesPerGeneration,
    int discriminatorSkip,
    double samplingRatio,
    LossFunction loss,
    double initialLearningRate,
    double mutationRate,
    double mutationProbability,
    int samplesPerCell,
    int threadsPerCell)
    implements Serializable {

  /** Builds the settings from a validated configuration and the shape of the training images. */
  public static CellSettings from(RunConfig config, int imageHeight, int imageWidth, int threads) {
    NetworkSpec network =
        new NetworkSpec(
            config.network().preset(),
            config.network().latentSize(),
            imageHeight,
            imageWidth,
            config.optimizer().beta1(),
            config.optimizer().beta2(),
            config.optimizer().epsilon());
    return new CellSettings(
        new Torus(config.grid().rows(), config.grid().columns(), config.grid().neighbourhood()),
        network,
        config.seed(),
        config.population().size(),
        config.population().tournamentSize(),
        config.fitness().mode(),
        config.fitness().sampleSize(),
        config.training().batchSize(),
        config.training().batchesPerGeneration(),
        config.training().discriminatorSkip(),
        config.data().samplingRatio(),
        config.network().loss(),
        config.optimizer().learningRate(),
        config.mutation().rate(),
        config.mutation().probability(),
        config.samples().perCell(),
        threads);
  }
}
