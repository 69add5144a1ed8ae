package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.grid.Cell;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures one adversarial step (a generator update and a discriminator update, as a cell
 * trains) at the paper's batch size of 70 and reports the median of ten steps after two
 * warm-up steps. It asserts no time: it runs only when asked, with
 * {@code -Dcoevgan.timing=true}, and appends one line per case to
 * {@code target/adversarial-step-times.txt} in the module folder.
 */
@EnabledIfSystemProperty(named = "coevgan.timing", matches = "true")
class TestAdversarialStepTime {
  private static final int BATCH = 70;
  private static final int WARM_UP_STEPS = 2;
  private static final int TIMED_STEPS = 10;
  private static final Cell CELL = new Cell(0, 0);
  private static final Path REPORT = Path.of("target", "adversarial-step-times.txt");

  @ParameterizedTest(name = "{0} with {1} thread(s)")
  @CsvSource({"CNN28, 1", "CNN28, 2", "CNN64, 2"})
  void reportsTheMedianStepTime(NetworkPreset preset, int threads) throws IOException {
    NativeThreads.limit(threads);
    int side = preset.imageSide();
    NetworkSpec spec = new NetworkSpec(preset, 100, side, side, 0.5, 0.999, 1e-8);
    Individual generator =
        Individual.newGenerator(spec, 0.0002, GeneratorObjective.MINIMAX, CELL, 1);
    Individual discriminator = Individual.newDiscriminator(spec, 0.0002, CELL, 2);
    SplittableRandom random = new SplittableRandom(3);
    INDArray real = LatentNoise.sample(BATCH, spec.pixelCount(), random);

    for (int step = 0; step < WARM_UP_STEPS; step++) {
      step(generator, discriminator, real, random);
      System.gc();
    }
    double[] millis = new double[TIMED_STEPS];
    for (int step = 0; step < TIMED_STEPS; step++) {
      long start = System.nanoTime();
      step(generator, discriminator, real, random);
      millis[step] = (System.nanoTime() - start) / 1e6;
      // ND4J frees a step's buffers (about 0.9 GB for cnn28) only when the Java garbage
      // collector finalises them, and the small Java heap rarely triggers it; untimed.
      System.gc();
    }

    Arrays.sort(millis);
    double median = (millis[TIMED_STEPS / 2 - 1] + millis[TIMED_STEPS / 2]) / 2;
    String line = String.format(Locale.ROOT,
        "preset=%s threads=%d batch=%d median=%.0f ms min=%.0f ms max=%.0f ms steps=%d%n",
        preset.configName(), threads, BATCH, median, millis[0], millis[TIMED_STEPS - 1],
        TIMED_STEPS);
    Files.writeString(REPORT, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    assertEquals(WARM_UP_STEPS + TIMED_STEPS, generator.network().getIterationCount());
  }

  private static void step(Individual generator, Individual discriminator, INDArray real,
      SplittableRandom random) {
    INDArray noise = LatentNoise.sample(BATCH, generator.network().layerInputSize(0), random);
    AdversarialTraining.trainGenerator(generator, discriminator, noise);

    INDArray fakeNoise = LatentNoise.sample(BATCH, generator.network().layerInputSize(0), random);
    INDArray fake = AdversarialTraining.fakeImages(generator, fakeNoise);
    AdversarialTraining.trainDiscriminator(discriminator, real, fake);
  }
}
