package org.coevgan.job.network;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A discriminator's probabilities for a generator's images and the gradient of the generator's
 * objective with respect to those images, from one forward and one backward pass.
 *
 * <p>The soft labels that carry the objective through the discriminator's cross-entropy depend
 * on the probabilities (see {@link GeneratorObjective}), so DL4J's own route needs two forward
 * passes: {@code output} for the probabilities, then {@code calculateGradients}, which runs
 * forward again before it back-propagates. Here the forward pass runs once in training mode,
 * keeping every layer's input, the labels are derived from its result and set on the output
 * layer, and the layers are back-propagated in the order {@code calculateGradients} uses,
 * preprocessors included. Each layer sees the same inputs as on DL4J's route, so the gradient is
 * bit-for-bit the same; for a 4lp pair it saves about a tenth of the generator step's
 * arithmetic.
 *
 * <p>Like {@code calculateGradients}, the pass leaves the discriminator's weights alone but
 * overwrites its gradient buffer, which its next update recomputes anyway.
 */
record InputGradient(INDArray probabilities, INDArray gradient) {
  /** Returns the probabilities of the images and the objective's gradient for them. */
  static InputGradient of(
      MultiLayerNetwork discriminator, INDArray images, GeneratorObjective objective) {
    discriminator.setInput(images);
    List<INDArray> activations = discriminator.feedForward(true, false);
    INDArray probabilities = activations.get(activations.size() - 1);

    IOutputLayer output = (IOutputLayer) discriminator.getOutputLayer();
    output.setLabels(softLabels(objective, probabilities));
    return new InputGradient(probabilities, backpropagate(discriminator, images.rows()));
  }

  private static INDArray backpropagate(MultiLayerNetwork network, int batchSize) {
    if (network.getGradientsViewArray() == null) {
      // DL4J lays out the gradient buffer the layers write into on a network's first backprop.
      network.initGradientsView();
    }

    LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
    Layer[] layers = network.getLayers();
    INDArray epsilon = null;
    for (int i = layers.length - 1; i >= 0; i--) {
      epsilon = layers[i].backpropGradient(epsilon, noWorkspaces).getSecond();
      InputPreProcessor preProcessor = configuration.getInputPreProcess(i);
      if (preProcessor != null) {
        epsilon = preProcessor.backprop(epsilon, batchSize, noWorkspaces);
      }
    }

    return epsilon;
  }

  private static INDArray softLabels(GeneratorObjective objective, INDArray probabilities) {
    float[] p = probabilities.toFloatVector();
    float[] labels = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      labels[i] = (float) objective.softLabel(p[i]);
    }
    return Nd4j.createFromArray(labels).reshape(p.length, 1).castTo(probabilities.dataType());
  }
}
