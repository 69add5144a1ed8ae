package org.coevgan.job.mixture;

import java.io.Serializable;
import java.util.List;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.scoring.Score;

/**
 * One cell's evolved mixture: the cells whose center generators it mixes (its own first), their
 * weights, its score and how many strategy steps improved it. Small enough to collect.
 */
public record CellMixture(
    Cell cell, List<Cell> generatorOrigins, double[] weights, Score score, int acceptedSteps)
    implements Serializable {}
