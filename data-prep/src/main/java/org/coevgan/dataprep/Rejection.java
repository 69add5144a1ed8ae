package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

/**
 * Holds one image file left out of the image table: a row of the rejected table.
 *
 * @param file the file name as the metadata or the folder gives it
 * @param line the metadata CSV line naming the file, or null without metadata
 * @param reason why it was left out
 * @param detail the offending value, for a person reading the table
 */
public record Rejection(String file, Integer line, SkipReason reason, String detail) {
  /** Checks that file, reason and detail are present. */
  public Rejection {
    requireNonNull(file, "file");
    requireNonNull(reason, "reason");
    requireNonNull(detail, "detail");
  }
}
