package org.coevgan.job.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.coevgan.job.cell.GenerationReport;

/**
 * The {@code metrics/} table: one row per generation and cell, partitioned as
 * {@code metrics/generation=N/} so that {@code spark.read.parquet("metrics")} yields a
 * {@code generation} column. Each generation's partition is committed atomically.
 *
 * <p>The driver already holds the few rows of a generation, so it writes them itself with
 * Parquet's own writer, in the file Spark would write (Spark's Parquet schema, its schema
 * metadata and Snappy pages), instead of running a Spark job for them: that job's planning,
 * scheduling and commit cost more than the rows, on every generation.
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

  private static final String SPARK_VERSION_KEY = "org.apache.spark.version";

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
    output.writeAtomically(target, folder -> writeParquet(new Path(folder), rows));
  }

  /** Writes the rows as one Snappy Parquet file and an empty _SUCCESS, as a Spark job would. */
  private void writeParquet(Path folder, List<Row> rows) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    MessageType type = SparkParquetFiles.parquetType(SCHEMA);
    Path file = new Path(folder, "part-00000-" + UUID.randomUUID() + "-c000.snappy.parquet");
    try {
      try (ParquetWriter<Group> writer = SparkParquetFiles.open(
          HadoopOutputFile.fromPath(file, hadoop), hadoop, SCHEMA, type,
          CompressionCodecName.SNAPPY, true, Map.of(SPARK_VERSION_KEY, spark.version()))) {
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        for (Row row : rows) {
          writer.write(toGroup(row, groups.newGroup()));
        }
      }
      file.getFileSystem(hadoop).create(new Path(folder, "_SUCCESS"), false).close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the metrics file " + file, e);
    }
  }

  private static Group toGroup(Row row, Group group) {
    StructField[] fields = SCHEMA.fields();
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      DataType type = fields[i].dataType();
      if (type.equals(DataTypes.IntegerType)) {
        group.append(name, row.getInt(i));
      } else if (type.equals(DataTypes.LongType)) {
        group.append(name, row.getLong(i));
      } else if (type.equals(DataTypes.DoubleType)) {
        group.append(name, row.getDouble(i));
      } else if (type.equals(DataTypes.StringType)) {
        group.append(name, row.getString(i));
      } else {
        throw new UnsupportedOperationException("Cannot write metrics column " + name
            + " of type " + type.simpleString() + ": only int, bigint, double and string are "
            + "supported");
      }
    }
    return group;
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
