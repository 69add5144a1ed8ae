package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.fs.FileStatus;

/** Comparisons of Hadoop file statuses shared by the local file system tests. */
final class FileStatuses {
  private FileStatuses() {}

  /** Asserts that two statuses describe the same file the same way. */
  static void assertSameStatus(FileStatus expected, FileStatus actual) {
    String name = expected.getPath().toString();
    assertEquals(expected.getPath(), actual.getPath(), name);
    assertEquals(expected.getLen(), actual.getLen(), name);
    assertEquals(expected.isDirectory(), actual.isDirectory(), name);
    assertEquals(expected.isSymlink(), actual.isSymlink(), name);
    assertEquals(expected.getPermission(), actual.getPermission(), name);
    assertEquals(expected.getOwner(), actual.getOwner(), name);
    assertEquals(expected.getGroup(), actual.getGroup(), name);
    assertEquals(expected.getModificationTime(), actual.getModificationTime(), name);
  }

  /** Returns the statuses sorted by file name. */
  static FileStatus[] sorted(FileStatus[] statuses) {
    FileStatus[] copy = statuses.clone();
    Arrays.sort(copy, Comparator.comparing(status -> status.getPath().getName()));
    return copy;
  }
}
