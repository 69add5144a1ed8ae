package org.coevgan.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.dataprep.PrepareIdx;
import org.coevgan.job.CoevGanMain;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.job.network.FloatBlobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCoevGanFunctions {
  @TempDir static Path folder;
  private static SparkSession spark;
  private static Path run;

  @BeforeAll
  static void trainATinyRun() {
    Path mnist = Path.of(System.getProperty("coevgan.shared.data", "../../shared/data"), "mnist");
    String data = folder.resolve("mnist").toString();
    SparkSession prepare = SparkSessions.forJob("prepare");
    PrepareIdx.run(prepare, new PrepareIdx.Options(mnist.resolve("t10k-images-idx3-ubyte.gz"),
        Optional.of(mnist.resolve("t10k-labels-idx1-ubyte.gz")), data, 200));
    prepare.stop();
    run = folder.resolve("run");
    int exit = CoevGanMain.run(new String[] {"--config", "../conf/test-tiny.yaml", "--output",
        run.toString(), "--set", "data.path=" + data, "--set", "generations=1"});
    assertEquals(0, exit);
    spark = SparkSessions.forJob("udf tests");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void functionsReadTheBlobsOfARealRunsState() {
    RunTables.register(spark, run.toString());

    List<Row> rows = spark.sql("SELECT parameter_count(generators[0].parameters), "
        + "parameter_norm(generators[0].parameters), non_finite_count(generators[0].parameters), "
        + "parameter_count(discriminators[0].optimiser_state) FROM state").collectAsList();

    assertEquals(4, rows.size());
    for (Row row : rows) {
      // reference-4lp at latent size 16: 16*256+256 + 256*256+256 + 256*784+784.
      assertEquals(4352L + 65792L + 201488L, row.getLong(0));
      assertTrue(row.getDouble(1) > 0);
      assertEquals(0L, row.getLong(2));
      assertEquals(2 * 267_009L, row.getLong(3), "Adam keeps two moments per parameter");
    }
  }

  @Test
  void metricsViewHasOneRowPerCell() {
    RunTables.register(spark, run.toString());

    long rows = spark.sql("SELECT * FROM metrics WHERE generation = 1").count();

    assertEquals(4, rows);
  }

  @Test
  void functionsComputeNormsAndCountNonFiniteValues() {
    byte[] blob = FloatBlobs.toBytes(new float[] {3f, 4f, Float.NaN, Float.POSITIVE_INFINITY});
    byte[] finite = FloatBlobs.toBytes(new float[] {3f, 4f});

    assertEquals(4L, new ParameterCount().call(blob));
    assertEquals(5.0, new ParameterNorm().call(finite), 1e-12);
    assertEquals(2L, new NonFiniteCount().call(blob));
    assertNull(new ParameterNorm().call(null));
  }

  @Test
  void malformedBlobFailsNamingTheFunctionAndLength() {
    CoevGanFunctions.register(spark);

    SparkException error = assertThrows(SparkException.class,
        () -> spark.sql("SELECT parameter_norm(X'010203')").collect());

    String message = String.valueOf(rootCause(error).getMessage());
    assertTrue(message.contains("parameter_norm") && message.contains("3 bytes"), message);
  }

  @Test
  void folderWithoutOutputsIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> RunTables.register(spark, folder.resolve("nothing-here").toString()));

    assertTrue(error.getMessage().contains("--output folder of a CoevGanJob run"));
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
