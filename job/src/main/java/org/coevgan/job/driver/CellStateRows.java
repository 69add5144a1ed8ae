package org.coevgan.job.driver;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.coevgan.job.cell.CellState;
import org.coevgan.job.cell.IndividualState;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.FloatBlobs;
import org.coevgan.job.network.GeneratorObjective;

/**
 * The Parquet schema of the grid state and the conversion between its rows and
 * {@link CellState}. One row per cell; {@code generators[0]} and {@code discriminators[0]} are the
 * cell's center. Parameter vectors and Adam moments are little-endian float32 blobs.
 */
public final class CellStateRows {
  /** Columns of one individual. */
  public static final StructType INDIVIDUAL =
      new StructType()
          .add("parameters", DataTypes.BinaryType, false)
          .add("optimiser_state", DataTypes.BinaryType, false)
          .add("iterations", DataTypes.IntegerType, false)
          .add("learning_rate", DataTypes.DoubleType, false)
          .add("objective", DataTypes.StringType, true)
          .add("origin_row", DataTypes.IntegerType, false)
          .add("origin_col", DataTypes.IntegerType, false)
          .add("fitness", DataTypes.DoubleType, false);

  /** Columns of one cell. */
  public static final StructType SCHEMA =
      new StructType()
          .add("cell_row", DataTypes.IntegerType, false)
          .add("cell_col", DataTypes.IntegerType, false)
          .add("generation", DataTypes.IntegerType, false)
          .add("generators", new ArrayType(INDIVIDUAL, false), false)
          .add("discriminators", new ArrayType(INDIVIDUAL, false), false);

  private CellStateRows() {}

  /** Returns the row of a cell state. */
  public static Row toRow(CellState state) {
    return RowFactory.create(
        state.cell().row(),
        state.cell().column(),
        state.generation(),
        individualRows(state.generators()),
        individualRows(state.discriminators()));
  }

  /** Returns the cell state held in a row of {@link #SCHEMA}. */
  public static CellState fromRow(Row row) {
    Cell cell = new Cell(row.getInt(0), row.getInt(1));
    return new CellState(
        cell, row.getInt(2), individuals(row.getList(3)), individuals(row.getList(4)));
  }

  private static scala.collection.Seq<Row> individualRows(List<IndividualState> individuals) {
    List<Row> rows = new ArrayList<>(individuals.size());
    for (IndividualState individual : individuals) {
      rows.add(
          RowFactory.create(
              FloatBlobs.toBytes(individual.parameters()),
              FloatBlobs.toBytes(individual.updaterState()),
              individual.iterations(),
              individual.learningRate(),
              individual.objective() == null ? null : individual.objective().configName(),
              individual.origin().row(),
              individual.origin().column(),
              individual.fitness()));
    }
    // Spark's row encoder wants a Scala sequence for array columns.
    return scala.collection.JavaConverters.asScalaBuffer(rows).toSeq();
  }

  private static List<IndividualState> individuals(List<Row> rows) {
    List<IndividualState> individuals = new ArrayList<>(rows.size());
    for (Row row : rows) {
      String objective = row.getString(4);
      individuals.add(
          new IndividualState(
              FloatBlobs.fromBytes((byte[]) row.get(0)),
              FloatBlobs.fromBytes((byte[]) row.get(1)),
              row.getInt(2),
              row.getDouble(3),
              objective == null ? null : GeneratorObjective.fromConfigName(objective),
              new Cell(row.getInt(5), row.getInt(6)),
              row.getDouble(7)));
    }
    return individuals;
  }
}
