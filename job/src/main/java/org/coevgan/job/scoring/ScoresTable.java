package org.coevgan.job.scoring;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.coevgan.job.driver.OutputFolder;
import org.coevgan.job.mixture.CellMixture;

/**
 * Writes per-cell scores as Parquet, committed atomically: {@code scores/} holds every cell's
 * final mixture, {@code center-scores/generation=N/} every center generator scored alone after
 * generation N (when scoring.every-generations is on).
 */
public final class ScoresTable {
  /** Columns of one row. */
  public static final StructType SCHEMA =
      new StructType()
          .add("cell_row", DataTypes.IntegerType, false)
          .add("cell_col", DataTypes.IntegerType, false)
          .add("score_kind", DataTypes.StringType, false)
          .add("value", DataTypes.DoubleType, false)
          .add("sample_count", DataTypes.IntegerType, false)
          .add("feature_network_fingerprint", DataTypes.StringType, false)
          .add("seed", DataTypes.LongType, false)
          .add("mixture_weights", new ArrayType(DataTypes.DoubleType, false), false)
          .add("accepted_steps", DataTypes.IntegerType, false);

  private final SparkSession spark;
  private final OutputFolder output;

  /** Creates the writer of a run's output folder. */
  public ScoresTable(SparkSession spark, OutputFolder output) {
    this.spark = spark;
    this.output = output;
  }

  /** Writes the rows under the relative folder, replacing nothing that readers see half-done. */
  public void write(String relative, List<CellMixture> mixtures) {
    List<Row> rows = new ArrayList<>(mixtures.size());
    for (CellMixture mixture : mixtures) {
      rows.add(toRow(mixture));
    }

    output.writeAtomically(output.resolve(relative),
        folder -> spark.createDataFrame(rows, SCHEMA).coalesce(1).write().parquet(folder));
  }

  private static Row toRow(CellMixture mixture) {
    Score score = mixture.score();
    List<Double> weights = new ArrayList<>();
    for (double weight : mixture.weights()) {
      weights.add(weight);
    }
    return RowFactory.create(mixture.cell().row(), mixture.cell().column(),
        score.kind().configName(), score.value(), score.sampleCount(),
        score.featureNetworkFingerprint(), score.seed(),
        scala.collection.JavaConverters.asScalaBuffer(weights).toSeq(),
        mixture.acceptedSteps());
  }
}
