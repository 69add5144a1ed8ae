package org.coevgan.dataprep;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real data sets in /work/shared/data, beside the project checkout. */
final class SharedData {
  private SharedData() {}

  /** Returns the MNIST test-split image file. */
  static Path mnistImages() {
    return existing(root().resolve("mnist/t10k-images-idx3-ubyte.gz"));
  }

  /** Returns the MNIST test-split label file. */
  static Path mnistLabels() {
    return existing(root().resolve("mnist/t10k-labels-idx1-ubyte.gz"));
  }

  /** Returns the folder of the COVID-19 chest X-ray collection: images/ and metadata.csv. */
  static Path covidChestXray() {
    Path folder = root().resolve("covid-chestxray");
    existing(folder.resolve("metadata.csv"));

    return folder;
  }

  private static Path root() {
    String configured = System.getProperty("coevgan.shared.data");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }

    // Tests run in the module folder; the shared data sits beside the project checkout.
    Path project = Path.of("").toAbsolutePath().getParent();

    return project.resolve("../shared/data").normalize();
  }

  private static Path existing(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "Cannot find the shared test data file " + file + "; set the system property"
              + " coevgan.shared.data to the folder holding mnist/ and covid-chestxray/");
    }

    return file;
  }
}
