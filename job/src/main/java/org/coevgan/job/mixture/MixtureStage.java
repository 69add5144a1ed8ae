package org.coevgan.job.mixture;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.coevgan.job.cell.CellRandom;
import org.coevgan.job.cell.CellSettings;
import org.coevgan.job.cell.CellState;
import org.coevgan.job.cell.IndividualState;
import org.coevgan.job.driver.CellPartitioner;
import org.coevgan.job.driver.Migration;
import org.coevgan.job.features.FeatureNetwork.Activations;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.Individual;
import org.coevgan.job.network.LatentNoise;
import org.coevgan.job.network.NativeThreads;
import org.coevgan.job.scoring.MixtureScorer;
import org.coevgan.job.scoring.Score;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Spark plan that evolves and scores every cell's mixture, one task per cell: the centers
 * migrate as in a generation ({@link Migration}, {@link CellPartitioner}), each cell draws
 * scoring.sample-size images from every generator of its neighbourhood once, runs the (1+1)
 * strategy over the weights and returns only its {@link CellMixture}, never a model.
 */
public final class MixtureStage {
  private MixtureStage() {}

  /** Returns every cell's mixture after steps strategy steps. */
  public static List<CellMixture> evolve(JavaRDD<CellState> states, CellSettings settings,
      Broadcast<ScoringContext> context, int steps) {
    CellPartitioner partitioner = new CellPartitioner(settings.torus().cellCount());
    return states
        .flatMapToPair(state -> Migration.route(state, settings.torus()))
        .groupByKey(partitioner)
        .map(arrivals -> {
          Cell cell = settings.torus().cellAt(arrivals._1());
          Migration.Arrivals sorted = Migration.sort(cell, arrivals._2(), settings.torus());
          return evolveCell(sorted, settings, context.value(), steps);
        })
        .collect();
  }

  /** Returns every cell's center generator scored alone, a mixture of one. */
  public static List<CellMixture> scoreCenters(JavaRDD<CellState> states, CellSettings settings,
      Broadcast<ScoringContext> context) {
    return states
        .map(state -> evolveCell(new Migration.Arrivals(state, List.of()), settings,
            context.value(), 0))
        .collect();
  }

  private static CellMixture evolveCell(Migration.Arrivals arrivals, CellSettings settings,
      ScoringContext context, int steps) {
    NativeThreads.limit(settings.threadsPerCell());
    CellState own = arrivals.own();
    List<Cell> origins = new ArrayList<>();
    List<IndividualState> generators = new ArrayList<>();
    origins.add(own.cell());
    generators.add(own.centerGenerator());
    for (CellState neighbour : arrivals.neighbourCenters()) {
      origins.add(neighbour.cell());
      generators.add(neighbour.centerGenerator());
    }

    List<Activations> activations = drawAndDescribe(own, generators, settings, context);
    MixtureScorer scorer = new MixtureScorer(context.kind(), context.real(), activations,
        context.sampleSize());
    double[] start = startWeights(context, own.cell(), generators.size());
    SplittableRandom random = CellRandom.stream(context.seed(), own.cell(), own.generation(),
        CellRandom.Purpose.MIXTURE_STEPS);
    MixtureEvolution.Outcome outcome =
        new MixtureEvolution(context.kind(), context.sigma(), scorer::score)
            .evolve(start, steps, random);

    Score score = new Score(context.kind(), outcome.score(), context.sampleSize(),
        context.fingerprint(), context.seed());
    return new CellMixture(own.cell(), origins, outcome.weights(), score,
        outcome.acceptedSteps());
  }

  private static List<Activations> drawAndDescribe(CellState own,
      List<IndividualState> generators, CellSettings settings, ScoringContext context) {
    SplittableRandom noise = CellRandom.stream(context.seed(), own.cell(), own.generation(),
        CellRandom.Purpose.MIXTURE_SAMPLES);
    List<Activations> activations = new ArrayList<>();
    for (IndividualState generator : generators) {
      Individual restored =
          Individual.restoreGenerator(settings.network(), generator, generator.learningRate());
      INDArray latent = LatentNoise.sample(context.sampleSize(),
          settings.network().latentSize(), noise);
      INDArray images = restored.network().output(latent, false);
      images = images.reshape(images.size(0), -1);
      activations.add(context.featureNetwork().activations(images));
    }
    return activations;
  }

  /** Returns the weights carried over from earlier steps when they fit, else uniform ones. */
  private static double[] startWeights(ScoringContext context, Cell cell, int generators) {
    double[] carried = context.startWeights() == null ? null : context.startWeights().get(cell);
    return carried != null && carried.length == generators
        ? carried.clone() : MixtureWeights.uniform(generators);
  }
}
