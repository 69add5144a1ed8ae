package org.coevgan.job.driver;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.coevgan.job.cell.CellEvolution;
import org.coevgan.job.cell.CellSettings;
import org.coevgan.job.cell.CellState;
import org.coevgan.job.cell.FaultInjection;
import org.coevgan.job.cell.GenerationReport;
import org.coevgan.job.data.TrainingImages;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.NativeThreads;
import scala.Tuple2;

/**
 * Builds the Spark plan of one generation: migrate centers (a shuffle keyed by receiving cell,
 * one partition per cell) and evolve every cell in its own task. The plan runs when the caller
 * writes the returned rows; each task adds its {@link GenerationReport} to the accumulator, which
 * Spark merges exactly once per successful task because the work happens in the writing stage.
 */
public final class GenerationStage {
  private GenerationStage() {}

  /** Returns the rows of the next grid state, computed lazily from the current one. */
  public static JavaRDD<Row> plan(
      JavaRDD<CellState> current,
      CellSettings settings,
      Broadcast<TrainingImages> images,
      CollectionAccumulator<GenerationReport> reports) {
    CellPartitioner partitioner = new CellPartitioner(settings.torus().cellCount());
    return current
        .flatMapToPair(state -> Migration.route(state, settings.torus()))
        .groupByKey(partitioner)
        .map(arrivals -> evolve(arrivals, settings, images, reports));
  }

  private static Row evolve(
      Tuple2<Integer, Iterable<CellState>> arrivals,
      CellSettings settings,
      Broadcast<TrainingImages> images,
      CollectionAccumulator<GenerationReport> reports) {
    NativeThreads.limit(settings.threadsPerCell());
    Cell cell = settings.torus().cellAt(arrivals._1());
    Migration.Arrivals sorted = Migration.sort(cell, arrivals._2(), settings.torus());

    CellEvolution.Outcome outcome;
    try {
      outcome =
          new CellEvolution(settings, images.value())
              .evolve(sorted.own(), sorted.neighbourCenters());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cell " + cell + " failed in generation " + (sorted.own().generation() + 1) + ": "
              + e.getMessage(), e);
    }
    reports.add(outcome.report());
    // After the report was added: a failed attempt's report must not reach the driver.
    FaultInjection.failFirstAttemptIfAsked(cell, outcome.state().generation());
    return CellStateRows.toRow(outcome.state());
  }
}
