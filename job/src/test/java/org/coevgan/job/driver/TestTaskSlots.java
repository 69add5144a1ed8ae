package org.coevgan.job.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tests the busy time of tasks handed in order to the first free slot. */
class TestTaskSlots {
  @Test
  void nineEqualCellsOnTwoSlotsTakeFiveRounds() {
    long[] cells = new long[9];
    java.util.Arrays.fill(cells, 10);
    assertEquals(50, TaskSlots.busyMillis(cells, 2));
    assertEquals(10, TaskSlots.busyMillis(cells, 9));
    assertEquals(90, TaskSlots.busyMillis(cells, 1));
  }

  @Test
  void tasksGoToTheFirstSlotThatFreesUpInOrder() {
    // slot A: 5, then 2 (ends 7); slot B: 3, then 1, then 4 (ends 8)
    assertEquals(8, TaskSlots.busyMillis(new long[] {5, 3, 1, 4, 2}, 2));
    assertEquals(0, TaskSlots.busyMillis(new long[0], 2));
  }

  @Test
  void noSlotsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TaskSlots.busyMillis(new long[] {1}, 0));
  }
}
