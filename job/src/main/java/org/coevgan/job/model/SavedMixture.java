package org.coevgan.job.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.coevgan.job.mixture.MixtureWeights;
import org.coevgan.job.network.LatentNoise;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A mixture of generators loaded from a {@code model/} folder, ready to draw images. Each image
 * comes from one generator, chosen so that generator i draws counts(weights, n)[i] of n images.
 */
public final class SavedMixture {
  /** Name of the manifest file inside a model folder. */
  public static final String MANIFEST = "manifest.json";

  private final MixtureManifest manifest;
  private final List<MultiLayerNetwork> generators;

  /** Wraps loaded generators in the order of the manifest. */
  public SavedMixture(MixtureManifest manifest, List<MultiLayerNetwork> generators) {
    this.manifest = manifest;
    this.generators = generators;
  }

  /** Loads the mixture saved in folder (any Hadoop file system). */
  public static SavedMixture load(String folder, Configuration hadoop) {
    try {
      Path root = new Path(folder);
      FileSystem fs = root.getFileSystem(hadoop);
      MixtureManifest manifest =
          MixtureManifest.fromJson(read(fs, new Path(root, MANIFEST)), folder);
      List<MultiLayerNetwork> generators = new ArrayList<>();
      for (MixtureManifest.Generator generator : manifest.generators()) {
        byte[] model = read(fs, new Path(root, generator.file()));
        generators.add(
            ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), false));
      }
      return new SavedMixture(manifest, generators);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the mixture in " + folder, e);
    }
  }

  private static byte[] read(FileSystem fs, Path path) throws IOException {
    if (!fs.exists(path)) {
      throw new IllegalArgumentException("Cannot load the mixture because " + path
          + " does not exist; point --model at a run's model/ folder");
    }
    try (var in = fs.open(path)) {
      return in.readAllBytes();
    }
  }

  /** Returns count images, row-major and one after another, in [-1, 1]. */
  public float[] generate(int count, long seed) {
    int size = manifest.imageHeight() * manifest.imageWidth();
    int[] counts = MixtureWeights.counts(manifest.weights(), count);
    float[] pixels = new float[count * size];
    SplittableRandom random = new SplittableRandom(seed);
    int next = 0;
    for (int g = 0; g < counts.length; g++) {
      if (counts[g] == 0) {
        continue;
      }
      INDArray noise = LatentNoise.sample(counts[g], manifest.latentSize(), random);
      float[] images = generators.get(g).output(noise, false).reshape(-1).toFloatVector();
      System.arraycopy(images, 0, pixels, next * size, images.length);
      next += counts[g];
    }
    return pixels;
  }

  public MixtureManifest manifest() {
    return manifest;
  }
}
