package org.coevgan.job.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.coevgan.job.cell.GenerationReport;

/**
 * The {@code metrics/} table: one row per generation and cell, partitioned as
 * {@code metrics/generation=N/} so that {@code spark.read.parquet("metrics")} yields a
 * {@code generation} column. Each generation's partition is committed atomically.
 */
public final class MetricsTable {
  /** Columns of one row; {@code generation} comes from the partition folder. */
  public static final StructType SCHEMA =
      new StructType()
          .add("cell_row", DataTypes.IntegerType, false)
          .add("cell_col", DataTypes.IntegerType, false)
          .add("generator_loss", DataTypes.DoubleType, false)
          .add("discriminator_loss", DataTypes.DoubleType, false)
          .add("generator_lr", DataTypes.DoubleType, false)
          .add("discriminator_lr", DataTypes.DoubleType, false)
          .add("generator_objective", DataTypes.StringType, false)
          .add("generator_source", DataTypes.StringType, false)
          .add("discriminator_source", DataTypes.StringType, false)
          .add("batches_trained", DataTypes.IntegerType, false)
          .add("cell_images", DataTypes.IntegerType, false)
          .add("resets", DataTypes.IntegerType, false)
          .add("fitness_ms", DataTypes.LongType, false)
          .add("training_ms", DataTypes.LongType, false)
          .add("cell_total_ms", DataTypes.LongType, false)
          .add("generation_wall_ms", DataTypes.LongType, false);

  private final SparkSession spark;
  private final OutputFolder output;

  /** Creates the table of a run's output folder. */
  public MetricsTable(SparkSession spark, OutputFolder output) {
    this.spark = spark;
    this.output = output;
  }

  /** Writes the reports of one generation as its partition. */
  public void write(int generation, List<GenerationReport> reports, long wallMillis) {
    List<Row> rows = new ArrayList<>(reports.size());
    for (GenerationReport report : reports) {
      rows.add(toRow(report, wallMillis));
    }
    Path target = output.resolve(String.format(Locale.ROOT, "metrics/generation=%d", generation));
    output.writeAtomically(target,
        folder -> spark.createDataFrame(rows, SCHEMA).coalesce(1).write().parquet(folder));
  }

  private static Row toRow(GenerationReport report, long wallMillis) {
    return RowFactory.create(
        report.cell().row(),
        report.cell().column(),
        report.generatorLoss(),
        report.discriminatorLoss(),
        report.generatorLearningRate(),
        report.discriminatorLearningRate(),
        report.generatorObjective(),
        report.generatorSource(),
        report.discriminatorSource(),
        report.batchesTrained(),
        report.cellImages(),
        report.resets(),
        report.fitnessMillis(),
        report.trainingMillis(),
        report.totalMillis(),
        wallMillis);
  }
}
