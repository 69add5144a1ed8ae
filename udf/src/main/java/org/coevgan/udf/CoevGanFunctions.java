package org.coevgan.udf;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Registers CoevGAN's Spark SQL functions in a session:
 *
 * <pre>
 *   SELECT cell_row, cell_col, parameter_count(generators[0].parameters) AS weights,
 *          parameter_norm(generators[0].parameters) AS norm
 *   FROM state
 * </pre>
 */
public final class CoevGanFunctions {
  private CoevGanFunctions() {}

  /** Registers every function of this package in the session. */
  public static void register(SparkSession spark) {
    spark.udf().register(ParameterCount.NAME, new ParameterCount(), DataTypes.LongType);
    spark.udf().register(ParameterNorm.NAME, new ParameterNorm(), DataTypes.DoubleType);
    spark.udf().register(NonFiniteCount.NAME, new NonFiniteCount(), DataTypes.LongType);
  }
}
