package org.coevgan.job.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.coevgan.conf.FitnessMode;
import org.coevgan.conf.LossFunction;
import org.coevgan.conf.Neighbourhood;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.cell.CellEvolution;
import org.coevgan.job.cell.CellSettings;
import org.coevgan.job.driver.CellStateRows;
import org.coevgan.job.driver.OutputFolder;
import org.coevgan.job.driver.StateStore;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.grid.Torus;
import org.coevgan.job.network.NetworkSpec;

/**
 * Bytes of grid state written per cell and generation for a preset, and the time to write and
 * read back the state of a 2x2 grid through {@link StateStore}, as every generation does.
 */
public final class StateSizeBenchmark {
  private StateSizeBenchmark() {}

  /** Bytes per cell, and write and read seconds for four cells. */
  public record Result(double bytesPerCell, double writeSeconds, double readSeconds) {}

  /**
   * Measures one preset on the session, in a fresh folder that it removes afterwards (a cnn64
   * state of four cells is about 300 MB).
   */
  public static Result measure(SparkSession spark, NetworkPreset preset, int latent, int side,
      Path folder) {
    OutputFolder output = OutputFolder.create(folder.toString(),
        spark.sparkContext().hadoopConfiguration());
    try {
      return measure(spark, settings(preset, latent, side), output, folder);
    } finally {
      output.deleteQuietly(output.root());
    }
  }

  private static Result measure(SparkSession spark, CellSettings settings, OutputFolder output,
      Path folder) {
    StateStore store = new StateStore(spark, output);
    List<Cell> cells = settings.torus().cells();

    long writeStart = System.nanoTime();
    store.write(JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(cells, cells.size())
        .map(cell -> CellStateRows.toRow(CellEvolution.initialState(cell, settings))), 1);
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
    long readStart = System.nanoTime();
    long read = store.read(1).map(state -> state.centerGenerator().parameters().length).count();
    double readSeconds = (System.nanoTime() - readStart) / 1e9;

    return new Result(parquetBytes(folder.resolve("state/generation-0001")) / (double) read,
        writeSeconds, readSeconds);
  }

  private static CellSettings settings(NetworkPreset preset, int latent, int side) {
    NetworkSpec spec = new NetworkSpec(preset, latent, side, side, 0.5, 0.999, 1e-8);
    return new CellSettings(new Torus(2, 2, Neighbourhood.VON_NEUMANN), spec, 1, 1, 2,
        FitnessMode.AVERAGE, 10, 10, 1, 0, 1.0, LossFunction.BCE, 0.0002, 0.0001, 0.5, 1, 1);
  }

  private static long parquetBytes(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }
}
