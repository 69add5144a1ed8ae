package org.coevgan.job.network;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The adversarial updates of {@link AdversarialTraining} for perceptrons, computed by
 * {@link DenseLayers} and {@link FusedAdam} on the networks' own parameters instead of by DL4J.
 *
 * <p>The arithmetic is DL4J's: the sigmoid output with binary cross-entropy, including DL4J's
 * clipping of the probability to [1e-5, 1 - 1e-5] inside the loss gradient; the generator's
 * objective carried by soft labels ({@link GeneratorObjective}); the gradient averaged over the
 * batch, real and fake images together for a discriminator; and DL4J's Adam. Four things are
 * cheaper. The discriminator's real and fake batches go through as one stacked batch, which
 * without batch normalisation gives the same summed gradient. Every layer's output is kept from
 * the forward pass, so backprop recomputes no product. In a generator update the opponent
 * computes only the gradient for its input, no weight gradients. And activations and Adam run
 * as vectorised loops ({@link DenseActivation}, {@link FusedAdam}).
 *
 * <p><b>Results.</b> Sums form in another order than on DL4J's path and tanh is computed to
 * within a few units in the last place rather than by ND4J's {@code tanhf}, so parameters differ
 * from that path by float rounding only ({@code TestDenseTraining} bounds it). A run is still
 * reproducible bit for bit: every operation here is deterministic.
 */
final class DenseTraining {
  /** DL4J's {@code LossBinaryXENT} clips probabilities to this distance from 0 and 1. */
  private static final float CLIP = 1e-5f;

  private DenseTraining() {}

  /** Updates the generator once against the opponent and returns its mean loss before. */
  static double trainGenerator(Individual generator, Individual opponent, INDArray noise) {
    FusedAdam adam = generator.adam();
    adam.begin();
    double meanLoss = generatorGradient(generator, opponent, noise, adam);
    adam.finish();
    return meanLoss;
  }

  /**
   * Computes the generator's batch-mean gradient against the opponent into the generator's
   * {@link DenseLayers#gradient()} and returns the objective's mean; no weights change.
   */
  static double generatorGradient(Individual generator, Individual opponent, INDArray noise) {
    return generatorGradient(generator, opponent, noise, null);
  }

  /**
   * Computes the generator's gradient as {@link #generatorGradient(Individual, Individual,
   * INDArray)} does and, if an update is given, applies it layer by layer during backprop.
   */
  private static double generatorGradient(Individual generator, Individual opponent,
      INDArray noise, FusedAdam update) {
    DenseLayers generatorLayers = generator.denseLayers();
    DenseLayers opponentLayers = opponent.denseLayers();
    int rows = noise.rows();
    DensePass generatorPass = generatorLayers.pass(rows);
    DensePass opponentPass = opponentLayers.pass(rows);

    INDArray fake = generatorLayers.forward(generatorPass, noise);
    opponentLayers.forward(opponentPass, fake);
    double meanLoss = objectiveGradient(opponentPass, generator.objective());
    opponentLayers.setOutputDelta(opponentPass, opponentPass.gradients(), false);
    opponentLayers.backward(opponentPass, false, true);

    generatorLayers.setOutputGradient(
        generatorPass, opponentPass.inputGradientValues(0), true);
    generatorLayers.backward(generatorPass, true, false, update);
    return meanLoss;
  }

  /** Updates the discriminator once on real images and the generator's images for the noise. */
  static void trainDiscriminator(
      Individual discriminator, INDArray real, Individual generator, INDArray fakeNoise) {
    DenseLayers generatorLayers = generator.denseLayers();
    INDArray fake = generatorLayers.forward(generatorLayers.pass(fakeNoise.rows()), fakeNoise);
    trainDiscriminator(discriminator, real, fake);
  }

  /** Updates the discriminator once on real images (label 1) and fake images (label 0). */
  static void trainDiscriminator(Individual discriminator, INDArray real, INDArray fake) {
    FusedAdam adam = discriminator.adam();
    adam.begin();
    discriminatorGradient(discriminator, real, fake, adam);
    adam.finish();
  }

  /**
   * Computes the discriminator's gradient, averaged over the real and the fake images, into its
   * {@link DenseLayers#gradient()}; no weights change.
   */
  static void discriminatorGradient(Individual discriminator, INDArray real, INDArray fake) {
    discriminatorGradient(discriminator, real, fake, null);
  }

  private static void discriminatorGradient(Individual discriminator, INDArray real,
      INDArray fake, FusedAdam update) {
    DenseLayers layers = discriminator.denseLayers();
    int realRows = real.rows();
    DensePass pass = layers.pass(realRows + fake.rows());
    NativeMatrices.copyRows(real, pass.inputBuffer(), 0);
    NativeMatrices.copyRows(fake, pass.inputBuffer(), realRows);

    layers.forward(pass, pass.inputBuffer());
    labelGradient(pass, realRows);
    layers.setOutputDelta(pass, pass.gradients(), true);
    layers.backward(pass, true, false, update);
  }

  /**
   * Writes into the pass's gradient scratch the gradient of the mean cross-entropy with respect
   * to the output unit's input, for labels 1 on the first realRows rows and 0 on the rest.
   */
  private static void labelGradient(DensePass pass, int realRows) {
    float[] probabilities = pass.output();
    float[] gradient = pass.gradients();
    float scale = 1.0f / pass.rows();
    for (int i = 0; i < pass.rows(); i++) {
      float label = i < realRows ? 1f : 0f;
      gradient[i] = crossEntropyGradient(probabilities[i], label) * scale;
    }
  }

  /**
   * Writes into the pass's gradient scratch the gradient of the generator's mean objective with
   * respect to the output unit's input, through the objective's soft labels, and returns the
   * objective's mean.
   */
  private static double objectiveGradient(DensePass pass, GeneratorObjective objective) {
    float[] probabilities = pass.output();
    float[] gradient = pass.gradients();
    float scale = 1.0f / pass.rows();
    double lossSum = 0;
    for (int i = 0; i < pass.rows(); i++) {
      float p = probabilities[i];
      float label = (float) objective.softLabel(p);
      gradient[i] = crossEntropyGradient(p, label) * scale;
      lossSum += objective.loss(p);
    }

    return lossSum / pass.rows();
  }

  /**
   * Returns dL/dz of binary cross-entropy after a sigmoid for one image, as DL4J forms it: the
   * loss's gradient for the clipped probability, (pc - y) / (pc (1 - pc)), times the sigmoid's
   * derivative p (1 - p). Unclipped, this is p - y.
   */
  private static float crossEntropyGradient(float p, float label) {
    float clipped = Math.min(Math.max(p, CLIP), 1f - CLIP);
    float lossGradient = (clipped - label) / (clipped * (1f - clipped));
    return lossGradient * (p * (1f - p));
  }
}
