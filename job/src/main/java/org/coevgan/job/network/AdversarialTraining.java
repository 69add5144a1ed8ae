package org.coevgan.job.network;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One adversarial update of a generator or a discriminator, without a combined network.
 *
 * <p>The discriminator learns from a real and a fake batch with binary cross-entropy. The
 * generator learns from the gradient its opponent computes with respect to the opponent's input
 * (the fake images), back-propagated through the generator and applied by the generator's own
 * Adam updater; the opponent's weights are left untouched.
 *
 * <p><b>Batch normalisation.</b> Training runs every network in training mode and evaluation in
 * inference mode. Everything here, including {@link #fakeImages} for a discriminator's fake
 * batch, normalises with the statistics of the batch at hand; fitness and the final samples call
 * {@code output(x, false)} and normalise with the running statistics. In a generator step the
 * opponent, too, runs in training mode on the fake batch alone, and the probabilities behind
 * the soft labels come from that same mode, so the gradient is exactly that of the objective
 * the opponent computes in training. In a discriminator step the real and the fake batch pass
 * separately, each normalised with its own statistics as in DCGAN, and one update applies the
 * sum of both gradients. The running statistics take one step per update towards the average of
 * the two batches' statistics. The perceptrons have no batch normalisation, so for them the two
 * modes agree.
 *
 * <p><b>Perceptrons.</b> Float32 perceptrons (the {@code 4lp} and {@code reference-4lp}
 * presets) train through {@link DenseTraining}, which computes DL4J's gradients and Adam step on
 * the networks' own parameters with less work; results differ from DL4J's path by float
 * rounding only. {@link #generatorGradient} always takes DL4J's path, the reference the
 * gradient checks use.
 */
public final class AdversarialTraining {
  private AdversarialTraining() {}

  /** Returns a generator's images for the noise, in training mode; no weight changes. */
  public static INDArray fakeImages(Individual generator, INDArray noise) {
    return generator.network().output(noise, true);
  }

  /**
   * Updates the discriminator once on real images (label 1) and the generator's images for the
   * noise (label 0), made in training mode as by {@link #fakeImages}.
   */
  public static void trainDiscriminator(
      Individual discriminator, INDArray real, Individual generator, INDArray fakeNoise) {
    if (discriminator.isDense() && generator.isDense()) {
      DenseTraining.trainDiscriminator(discriminator, real, generator, fakeNoise);
    } else {
      trainDiscriminator(discriminator, real, fakeImages(generator, fakeNoise));
    }
  }

  /** Updates the discriminator once on real images (label 1) and fake images (label 0). */
  public static void trainDiscriminator(Individual discriminator, INDArray real, INDArray fake) {
    if (discriminator.isDense()) {
      DenseTraining.trainDiscriminator(discriminator, real, fake);
    } else {
      trainDiscriminatorByDl4j(discriminator, real, fake);
    }
  }

  /**
   * Updates the discriminator as {@link #trainDiscriminator} does, always through DL4J: the
   * reference for tests and the benchmark's baseline.
   */
  public static void trainDiscriminatorByDl4j(
      Individual discriminator, INDArray real, INDArray fake) {
    MultiLayerNetwork network = discriminator.network();
    INDArray realGradient =
        discriminator.gradientBuffer().assign(labelledGradient(network, real, 1).gradient());

    Gradient gradient = labelledGradient(network, fake, 0);
    INDArray sum = gradient.gradient().addi(realGradient);
    for (INDArray statisticsStep : RunningStatistics.views(network, sum)) {
      statisticsStep.muli(0.5);
    }

    applyUpdate(network, gradient, real.rows() + fake.rows());
  }

  private static Gradient labelledGradient(MultiLayerNetwork network, INDArray images, int label) {
    INDArray labels = Nd4j.valueArrayOf(new long[] {images.rows(), 1}, label, images.dataType());
    return network.calculateGradients(images, labels, null, null).getFirst();
  }

  /**
   * Updates the generator once against the opponent on the given latent noise and returns the
   * generator's mean loss before the update.
   */
  public static double trainGenerator(Individual generator, Individual opponent, INDArray noise) {
    if (generator.isDense() && opponent.isDense()) {
      return DenseTraining.trainGenerator(generator, opponent, noise);
    }

    return trainGeneratorByDl4j(generator, opponent, noise);
  }

  /**
   * Updates the generator as {@link #trainGenerator} does, always through DL4J: the reference
   * for tests and the benchmark's baseline.
   */
  public static double trainGeneratorByDl4j(
      Individual generator, Individual opponent, INDArray noise) {
    GeneratorGradient gradient = generatorGradient(generator, opponent, noise);
    applyUpdate(generator.network(), gradient.gradient(), noise.rows());
    return gradient.meanLoss();
  }

  /**
   * The gradient of a generator's objective summed over a batch, and the objective's mean.
   * DL4J's updater divides the sum by the batch size, as it does for its own losses.
   */
  public record GeneratorGradient(Gradient gradient, double meanLoss) {}

  /** Returns the generator's gradient against the opponent without changing any weights. */
  public static GeneratorGradient generatorGradient(
      Individual generator, Individual opponent, INDArray noise) {
    MultiLayerNetwork network = generator.network();
    network.setInput(noise);
    List<INDArray> activations = network.feedForward(true, false);
    INDArray fake = activations.get(activations.size() - 1);

    InputGradient opponentPass = InputGradient.of(opponent.network(), fake, generator.objective());
    Pair<Gradient, INDArray> gradient =
        network.backpropGradient(opponentPass.gradient(), LayerWorkspaceMgr.noWorkspaces());
    double meanLoss = meanLoss(generator.objective(), opponentPass.probabilities());
    return new GeneratorGradient(gradient.getFirst(), meanLoss);
  }

  private static void applyUpdate(MultiLayerNetwork network, Gradient gradient, int batchSize) {
    int iteration = network.getIterationCount();
    network
        .getUpdater()
        .update(network, gradient, iteration, network.getEpochCount(), batchSize,
            LayerWorkspaceMgr.noWorkspaces());
    network.params().subi(gradient.gradient());
    network.setIterationCount(iteration + 1);
  }

  /** Returns the mean of an objective over the probabilities a discriminator assigned. */
  public static double meanLoss(GeneratorObjective objective, INDArray probabilities) {
    float[] p = probabilities.toFloatVector();
    double sum = 0;
    for (float value : p) {
      sum += objective.loss(value);
    }
    return sum / p.length;
  }
}
