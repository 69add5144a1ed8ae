package org.coevgan.job.driver;

import java.util.PriorityQueue;

/**
 * How long a set of tasks keeps a number of task slots busy when Spark hands them out in order,
 * each to the first slot that frees up: the shortest a generation's task stage can take with
 * no orchestration at all.
 *
 * <p>When cells do not divide evenly among the slots (9 cells on 2 cores), the last round runs
 * with idle slots: 9 equal cells take 5 cell-times on 2 slots, 11 % more than their total time
 * over 2. That idle time is neither scheduling nor shuffling nor state traffic, so the
 * {@code generation timings:} log line reports the time outside the cells against this bound
 * as well as against the plain total over slots.
 */
final class TaskSlots {
  private TaskSlots() {}

  /** Returns the time the tasks, in order, keep the given number of slots busy. */
  static long busyMillis(long[] taskMillis, int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("Cannot schedule tasks on " + slots + " slots");
    }
    PriorityQueue<Long> freeAt = new PriorityQueue<>();
    for (int i = 0; i < slots; i++) {
      freeAt.add(0L);
    }
    long end = 0;
    for (long task : taskMillis) {
      long finish = freeAt.poll() + task;
      freeAt.add(finish);
      end = Math.max(end, finish);
    }
    return end;
  }
}
