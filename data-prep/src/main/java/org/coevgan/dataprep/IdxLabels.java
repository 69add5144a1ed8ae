package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Holds the labels read from one IDX label file, as ints from 0 to 255.
 *
 * <p>When the file was read with a limit, this holds only the first labels ({@link #count()})
 * while {@link #sourceCount()} still reports how many the file declares. Instances are
 * immutable.
 */
public final class IdxLabels {
  private final Path file;
  private final int sourceCount;
  private final byte[] labels;

  IdxLabels(Path file, int sourceCount, byte[] labels) {
    this.file = requireNonNull(file, "file");
    this.sourceCount = sourceCount;
    this.labels = requireNonNull(labels, "labels");
  }

  /** Returns the path of the file the labels were read from. */
  public Path file() {
    return file;
  }

  /** Returns how many labels the file declares, including any beyond the limit. */
  public int sourceCount() {
    return sourceCount;
  }

  /** Returns how many labels were kept: the first ones of the file, up to the limit. */
  public int count() {
    return labels.length;
  }

  /** Returns one label, an unsigned byte from 0 to 255. */
  public int label(int index) {
    if (index < 0 || index >= labels.length) {
      throw new IndexOutOfBoundsException(
          "Cannot return label " + index + " of " + file + " because only labels 0 to "
              + (labels.length - 1) + " were kept");
    }

    return Byte.toUnsignedInt(labels[index]);
  }
}
