package org.coevgan.job.network;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Limits ND4J's OpenMP and BLAS threads. ND4J's default uses every core for each operation;
 * with several cells per executor that oversubscribes the cores and, in a trial, made two
 * concurrent cells ten times slower than one thread each. Each task therefore uses as many
 * threads as it has task slots ({@code spark.task.cpus}). With the fused perceptron step, two
 * 4lp cells with one thread each ran at 0.97 of the fastest setting on two cores (one cell with
 * two threads, within noise) and two cells with two threads each at less than half of it
 * ({@code ThreadBenchmark}, medians over interleaved repetitions).
 */
public final class NativeThreads {
  /**
   * Milliseconds between ND4J's own garbage collections. DL4J workspaces recycle the memory of
   * its own passes, but the arrays handed back to us (activations, input gradients, fitness
   * outputs) are detached native buffers freed only when Java collects their owners; before
   * workspaces, a convolutional step allocated about 0.9 GB, which without periodic collection
   * grew a cnn28 run by gigabytes in a few steps.
   */
  private static final int GC_WINDOW_MILLIS = 3000;

  private static volatile int applied = -1;

  private NativeThreads() {}

  /**
   * Sets ND4J's thread counts for this JVM, once per distinct value, and turns on its periodic
   * garbage collection.
   */
  public static synchronized void limit(int threads) {
    if (threads < 1 || threads == applied) {
      return;
    }
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
    Nd4j.getMemoryManager().setAutoGcWindow(GC_WINDOW_MILLIS);
    Nd4j.getMemoryManager().togglePeriodicGc(true);
    applied = threads;
  }
}
