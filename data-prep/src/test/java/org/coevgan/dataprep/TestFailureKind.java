package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

class TestFailureKind {
  @Test
  void mapsEachKindOfFailureToItsExitCode() {
    Throwable badData = new BadInputException("Cannot read IDX images from x");
    Throwable badArgument = new IllegalArgumentException("Cannot write to out");
    Throwable fileSystem = new UncheckedIOException("disk full", new IOException("disk full"));
    Throwable cluster = new SparkException("Job aborted");
    Throwable bug = new IllegalStateException("unexpected");

    int[] exitCodes = {
        FailureKind.of(badData).exitCode(), FailureKind.of(badArgument).exitCode(),
        FailureKind.of(fileSystem).exitCode(), FailureKind.of(cluster).exitCode(),
        FailureKind.of(bug).exitCode()};

    assertEquals(3, exitCodes[0]);
    assertEquals(2, exitCodes[1]);
    assertEquals(4, exitCodes[2]);
    assertEquals(4, exitCodes[3]);
    assertEquals(5, exitCodes[4]);
  }
}
