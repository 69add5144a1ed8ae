package org.coevgan.job.cell;

import org.apache.spark.TaskContext;
import org.coevgan.job.grid.Cell;

/**
 * Test-only faults, switched on by JVM system properties and off in every normal run, so that
 * tests can show how the job recovers from them on a real Spark cluster:
 *
 * <ul>
 *   <li>{@code coevgan.fault.fail-task=ROW,COL,GENERATION}: the first attempt of that cell's task
 *       in that generation throws; Spark re-runs it.
 *   <li>{@code coevgan.fault.diverge=ROW,COL,GENERATION}: that cell's trained offspring get NaN
 *       weights, as a diverging training would.
 * </ul>
 */
public final class FaultInjection {
  static final String FAIL_TASK = "coevgan.fault.fail-task";
  static final String DIVERGE = "coevgan.fault.diverge";

  private FaultInjection() {}

  /** Throws on the first attempt of the configured cell's task in the configured generation. */
  public static void failFirstAttemptIfAsked(Cell cell, int generation) {
    TaskContext task = TaskContext.get();
    boolean firstAttempt = task == null || task.attemptNumber() == 0;
    if (firstAttempt && matches(FAIL_TASK, cell, generation)) {
      throw new IllegalStateException("injected task failure (" + FAIL_TASK + ") in cell " + cell
          + ", generation " + generation);
    }
  }

  /** Returns whether the configured cell's offspring should diverge in this generation. */
  static boolean divergeAsked(Cell cell, int generation) {
    return matches(DIVERGE, cell, generation);
  }

  private static boolean matches(String property, Cell cell, int generation) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      return false;
    }
    String[] parts = value.split(",");
    return parts.length == 3
        && Integer.parseInt(parts[0].trim()) == cell.row()
        && Integer.parseInt(parts[1].trim()) == cell.column()
        && Integer.parseInt(parts[2].trim()) == generation;
  }
}
