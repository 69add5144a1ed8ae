package org.coevgan.job.cell;

import java.io.Serializable;
import org.coevgan.job.grid.Cell;

/**
 * What one cell did in one generation, for the metrics table and the driver's log. Timings are
 * kept here rather than in the cell state so that the state stays byte-identical across runs.
 *
 * @param cell the grid position
 * @param generation the generation just completed, counted from 1
 * @param generatorLoss the new center generator's fitness
 * @param discriminatorLoss the new center discriminator's fitness
 * @param generatorLearningRate the new center generator's learning rate
 * @param discriminatorLearningRate the new center discriminator's learning rate
 * @param generatorObjective the new center generator's training loss (bce, mse, heuristic)
 * @param generatorSource where the new center generator came from: offspring, own or a cell
 * @param discriminatorSource where the new center discriminator came from
 * @param batchesTrained the number of generator updates made
 * @param cellImages the number of real images this cell trains on
 * @param resets diverged individuals (NaN or infinite) discarded or replaced in this cell
 * @param fitnessMillis time spent evaluating all pairs, both times
 * @param trainingMillis time spent in gradient updates
 * @param totalMillis time of the whole cell update, network rebuilding included
 */
public record GenerationReport(
    Cell cell,
    int generation,
    double generatorLoss,
    double discriminatorLoss,
    double generatorLearningRate,
    double discriminatorLearningRate,
    String generatorObjective,
    String generatorSource,
    String discriminatorSource,
    int batchesTrained,
    int cellImages,
    int resets,
    long fitnessMillis,
    long trainingMillis,
    long totalMillis)
    implements Serializable {}
