package org.coevgan.job.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.coevgan.job.cell.CellSettings;
import org.coevgan.job.cell.IndividualState;
import org.coevgan.job.driver.OutputFolder;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.mixture.CellMixture;
import org.coevgan.job.network.Individual;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Saves a cell's mixture under {@code model/}: each generator as a DL4J model file
 * (generator-N.zip, without optimiser state) and {@code manifest.json}. The folder is written
 * hidden and renamed into place, so it appears whole or not at all.
 */
public final class ModelWriter {
  private ModelWriter() {}

  /** Writes the mixture; centers maps each origin cell to its center generator's state. */
  public static SavedMixture write(OutputFolder output, CellMixture mixture,
      Map<Cell, IndividualState> centers, CellSettings settings) {
    Path target = output.resolve("model");
    Path temporary = output.temporaryFor(target);
    String folder = temporary.getName();
    List<MixtureManifest.Generator> entries = new ArrayList<>();
    List<MultiLayerNetwork> networks = new ArrayList<>();
    for (int i = 0; i < mixture.generatorOrigins().size(); i++) {
      Cell origin = mixture.generatorOrigins().get(i);
      IndividualState state = centers.get(origin);
      MultiLayerNetwork network = Individual.restoreGenerator(settings.network(), state,
          state.learningRate()).network();
      String file = "generator-" + i + ".zip";
      output.writeFile(folder + "/" + file, modelBytes(network));
      entries.add(new MixtureManifest.Generator(file, mixture.weights()[i], origin.row(),
          origin.column()));
      networks.add(network);
    }

    MixtureManifest manifest = manifest(mixture, entries, settings);
    output.writeFile(folder + "/" + SavedMixture.MANIFEST, manifest.toJson());
    output.commit(temporary, target);
    return new SavedMixture(manifest, networks);
  }

  private static MixtureManifest manifest(CellMixture mixture,
      List<MixtureManifest.Generator> entries, CellSettings settings) {
    return new MixtureManifest(MixtureManifest.FORMAT_VERSION,
        settings.network().preset().configName(), settings.network().imageHeight(),
        settings.network().imageWidth(), settings.network().latentSize(),
        MixtureManifest.NORMALISATION, mixture.cell().row(), mixture.cell().column(),
        mixture.score().kind().configName(), mixture.score().value(),
        mixture.score().sampleCount(), mixture.score().featureNetworkFingerprint(),
        mixture.score().seed(), entries);
  }

  private static byte[] modelBytes(MultiLayerNetwork network) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ModelSerializer.writeModel(network, bytes, false);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialise a generator of the mixture", e);
    }
  }
}
