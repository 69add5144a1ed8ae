package org.coevgan.job.cell;

import java.util.List;
import org.coevgan.conf.FitnessMode;
import org.coevgan.job.network.AdversarialTraining;
import org.coevgan.job.network.GeneratorObjective;
import org.coevgan.job.network.Individual;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates every generator against every discriminator of a sub-population on one real batch
 * and one batch of latent noise, and sets each individual's fitness.
 *
 * <p>All generators are scored with the same non-saturating loss, -mean(log D(G(z))), whatever
 * objective they train with, so that a sub-population mixing objectives (Mustangs) still ranks
 * on one scale. A discriminator's loss is its binary cross-entropy on the real batch plus that on
 * the generator's fakes. Example with two discriminators and mode average: if a generator's
 * losses are 0.6 against the first and 1.0 against the second, its fitness is 0.8.
 */
public final class AllVersusAll {
  private AllVersusAll() {}

  /** Scores all pairs and stores the aggregated fitness in every individual. */
  public static void evaluate(
      List<Individual> generators,
      List<Individual> discriminators,
      INDArray real,
      INDArray noise,
      FitnessMode mode) {
    double[][] generatorLosses = new double[generators.size()][discriminators.size()];
    double[][] discriminatorLosses = new double[discriminators.size()][generators.size()];
    double[] realLosses = realLosses(discriminators, real);

    for (int g = 0; g < generators.size(); g++) {
      INDArray fake = generators.get(g).network().output(noise, false);
      for (int d = 0; d < discriminators.size(); d++) {
        INDArray probabilities = discriminators.get(d).network().output(fake, false);
        generatorLosses[g][d] =
            AdversarialTraining.meanLoss(GeneratorObjective.NON_SATURATING, probabilities);
        discriminatorLosses[d][g] = realLosses[d] + fakeLoss(probabilities);
      }
    }

    assign(generators, generatorLosses, mode);
    assign(discriminators, discriminatorLosses, mode);
  }

  private static double[] realLosses(List<Individual> discriminators, INDArray real) {
    double[] losses = new double[discriminators.size()];
    for (int d = 0; d < discriminators.size(); d++) {
      INDArray probabilities = discriminators.get(d).network().output(real, false);
      losses[d] = AdversarialTraining.meanLoss(GeneratorObjective.NON_SATURATING, probabilities);
    }
    return losses;
  }

  /** Returns -mean(log(1 - p)), the cross-entropy of calling fakes fake. */
  private static double fakeLoss(INDArray probabilities) {
    return -AdversarialTraining.meanLoss(GeneratorObjective.MINIMAX, probabilities);
  }

  private static void assign(List<Individual> individuals, double[][] losses, FitnessMode mode) {
    for (int i = 0; i < individuals.size(); i++) {
      individuals.get(i).setFitness(Fitness.aggregate(losses[i], mode));
    }
  }
}
