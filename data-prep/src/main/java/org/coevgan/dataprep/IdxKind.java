package org.coevgan.dataprep;

import java.util.List;
import java.util.Locale;

/**
 * Names the two kinds of IDX file the reader accepts and the magic number each must start with.
 *
 * <p>An IDX magic number is {@code 0x0000TTDD}: two zero bytes, the value type TT (0x08 for
 * unsigned bytes) and the number of dimensions DD.
 */
enum IdxKind {
  IMAGES("images", 0x00000803, "t10k-images-idx3-ubyte.gz", "images", "rows", "columns"),
  LABELS("labels", 0x00000801, "t10k-labels-idx1-ubyte.gz", "labels");

  static final int UNSIGNED_BYTE_TYPE = 0x08;

  private final String noun;
  private final int magic;
  private final String exampleFile;
  private final List<String> dimensionNames;

  IdxKind(String noun, int magic, String exampleFile, String... dimensionNames) {
    this.noun = noun;
    this.magic = magic;
    this.exampleFile = exampleFile;
    this.dimensionNames = List.of(dimensionNames);
  }

  /** Returns the plural noun for the values of this kind, as used in messages. */
  String noun() {
    return noun;
  }

  /** Returns the magic number a file of this kind must start with. */
  int magic() {
    return magic;
  }

  /** Returns the name of an MNIST file of this kind, for hints in messages. */
  String exampleFile() {
    return exampleFile;
  }

  /** Returns what the size of one dimension counts ("rows"), for messages. */
  String dimensionName(int dimension) {
    return dimensionNames.get(dimension);
  }

  /** Returns how many dimensions a file of this kind declares. */
  int dimensions() {
    return magic & 0xFF;
  }

  /** Returns the header length in bytes: the magic number and one size per dimension. */
  int headerBytes() {
    return 4 + 4 * dimensions();
  }

  /** Formats a magic number as eight hex digits, for messages. */
  static String hex(int magic) {
    return String.format(Locale.ROOT, "0x%08X", magic);
  }
}
