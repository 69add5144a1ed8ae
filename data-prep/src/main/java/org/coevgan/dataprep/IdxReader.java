package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads MNIST-format IDX files of unsigned bytes: 3-D image files and 1-D label files, plain or
 * gzipped.
 *
 * <p>An IDX file is a big-endian header followed by its values in row-major order. The header is
 * a 4-byte magic number {@code 0x0000TTDD} (value type TT, 0x08 for unsigned bytes, and DD
 * dimensions) and one 4-byte size per dimension: {@code 0x00000803}, count, rows, columns for
 * images; {@code 0x00000801}, count for labels. Gzip is recognised by its first two bytes
 * (0x1f 0x8b), never by the file name.
 *
 * <p>The reader trusts nothing in the header. It checks the magic number and that every size is
 * positive, caps the declared data at {@link #MAX_DATA_BYTES}, then reads the data in bounded
 * chunks and grows its buffer only as real bytes arrive. A header claiming two billion images in
 * a 100-byte file therefore fails as truncated after reading 84 bytes, instead of allocating
 * what it claims. Bytes after the declared data are an error too, and with a limit the whole
 * file is still read and checked; only the first values are kept.
 *
 * <p>One gap remains: bytes appended after a complete gzip stream are ignored, because the JDK's
 * {@link GZIPInputStream} does not report them (gunzip only warns about them). The decompressed
 * data is still checked against its header, byte for byte.
 *
 * <p>Failures: bad content, including a missing file, raises {@link BadInputException} naming the
 * file and the rule broken; a failing file system raises {@link UncheckedIOException}.
 */
public final class IdxReader {
  /**
   * Caps the data one file may declare, in bytes: the largest array a JVM allocates, since the
   * kept values must fit in one array.
   */
  public static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8L;

  /** Keeps every value of a file when passed as the limit. */
  public static final long NO_LIMIT = Long.MAX_VALUE;

  private static final int CHUNK_BYTES = 64 * 1024;
  private static final int GZIP_MAGIC_FIRST = 0x1f;
  private static final int GZIP_MAGIC_SECOND = 0x8b;

  private IdxReader() {}

  /** Reads every image of an IDX image file ({@code 0x00000803}), plain or gzipped. */
  public static IdxImages readImages(Path file) {
    return readImages(file, NO_LIMIT);
  }

  /**
   * Reads an IDX image file, keeping only its first {@code limit} images but checking it whole.
   *
   * @throws BadInputException if the file is missing, is not an unsigned-byte 3-D IDX file, or
   *     its data does not match its header
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public static IdxImages readImages(Path file, long limit) {
    IdxContent content = read(file, IdxKind.IMAGES, limit);
    int[] sizes = content.sizes();

    return new IdxImages(file, sizes[0], sizes[1], sizes[2], content.kept());
  }

  /** Reads every label of an IDX label file ({@code 0x00000801}), plain or gzipped. */
  public static IdxLabels readLabels(Path file) {
    return readLabels(file, NO_LIMIT);
  }

  /**
   * Reads an IDX label file, keeping only its first {@code limit} labels but checking it whole.
   *
   * @throws BadInputException if the file is missing, is not an unsigned-byte 1-D IDX file, or
   *     its data does not match its header
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public static IdxLabels readLabels(Path file, long limit) {
    IdxContent content = read(file, IdxKind.LABELS, limit);

    return new IdxLabels(file, content.sizes()[0], content.kept());
  }

  /**
   * Checks that an image file and a label file declare the same number of values.
   *
   * @throws BadInputException naming both files and both counts when they differ
   */
  public static void checkSameCount(IdxImages images, IdxLabels labels) {
    if (images.sourceCount() != labels.sourceCount()) {
      throw new BadInputException(
          "Cannot pair images with labels because " + images.file() + " holds "
              + images.sourceCount() + " images but " + labels.file() + " holds "
              + labels.sourceCount() + " labels; pass the label file that belongs to the image"
              + " file");
    }
  }

  private record IdxContent(int[] sizes, byte[] kept) {}

  private static IdxContent read(Path file, IdxKind kind, long limit) {
    requireNonNull(file, "file");
    checkLimit(limit);
    checkRegularFile(file, kind);

    try (InputStream in = open(file)) {
      int[] sizes = readHeader(in, file, kind);
      long dataBytes = checkedDataBytes(file, kind, sizes);
      long keptBytes = Math.min(limit, sizes[0]) * (dataBytes / sizes[0]);

      return new IdxContent(sizes, readData(in, file, kind, sizes, dataBytes, keptBytes));
    } catch (ZipException | EOFException e) {
      // Only GZIPInputStream throws these here: plain files are read up to end of stream.
      throw new BadInputException(
          cannotRead(file, kind) + " because it starts with the gzip magic bytes 0x1f 0x8b but"
              + " is not a valid gzip stream, being corrupt or truncated (" + e.getMessage()
              + "); replace it with an intact copy",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          cannotRead(file, kind) + " because the file system failed (" + e + "); check that the"
              + " file is readable",
          e);
    }
  }

  private static void checkLimit(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(
          "Cannot read an IDX file with limit " + limit + " because the limit must be at least"
              + " 1; pass IdxReader.NO_LIMIT to keep every value");
    }
  }

  private static void checkRegularFile(Path file, IdxKind kind) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          cannotRead(file, kind) + " because it does not exist or is not a regular file; check"
              + " the path");
    }
  }

  private static InputStream open(Path file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES);
    in.mark(2);
    boolean gzipped = in.read() == GZIP_MAGIC_FIRST && in.read() == GZIP_MAGIC_SECOND;
    in.reset();
    if (!gzipped) {
      return in;
    }

    try {
      return new GZIPInputStream(in, CHUNK_BYTES);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private static int[] readHeader(InputStream in, Path file, IdxKind kind) throws IOException {
    byte[] header = new byte[kind.headerBytes()];
    int read = readUpTo(in, header, 0, 4);
    if (read == 4) {
      checkMagic(file, kind, ByteBuffer.wrap(header).getInt(0));
      read += readUpTo(in, header, 4, header.length - 4);
    }

    if (read < header.length) {
      throw new BadInputException(
          cannotRead(file, kind) + " because the file ends after " + read + " bytes, inside the "
              + header.length + "-byte header of an IDX " + kind.noun() + " file; the file is"
              + " empty or truncated, replace it with an intact copy");
    }

    return checkedSizes(file, kind, ByteBuffer.wrap(header));
  }

  private static void checkMagic(Path file, IdxKind kind, int magic) {
    if (magic != kind.magic()) {
      throw new BadInputException(
          cannotRead(file, kind) + " because it starts with the magic number "
              + IdxKind.hex(magic) + " (" + describeMagic(magic) + ") but an IDX " + kind.noun()
              + " file must start with " + IdxKind.hex(kind.magic()) + " ("
              + describeMagic(kind.magic()) + "); pass an IDX " + kind.noun() + " file such as "
              + kind.exampleFile());
    }
  }

  private static String describeMagic(int magic) {
    if ((magic >>> 16) != 0) {
      return "not an IDX header";
    }

    int type = (magic >>> 8) & 0xFF;
    String typeName = type == IdxKind.UNSIGNED_BYTE_TYPE
        ? "unsigned bytes"
        : String.format(Locale.ROOT, "value type 0x%02X", type);

    return typeName + ", " + (magic & 0xFF) + " dimensions";
  }

  private static int[] checkedSizes(Path file, IdxKind kind, ByteBuffer header) {
    int[] sizes = new int[kind.dimensions()];
    for (int dimension = 0; dimension < sizes.length; dimension++) {
      sizes[dimension] = header.getInt(4 + 4 * dimension);
      if (sizes[dimension] <= 0) {
        throw new BadInputException(
            cannotRead(file, kind) + " because its header declares " + sizes[dimension] + " "
                + kind.dimensionName(dimension) + " but every size must be positive; the header"
                + " is corrupt, replace the file with an intact copy");
      }
    }

    return sizes;
  }

  private static long checkedDataBytes(Path file, IdxKind kind, int[] sizes) {
    long bytes = 1;
    for (int size : sizes) {
      if (bytes > MAX_DATA_BYTES / size) {
        throw new BadInputException(
            cannotRead(file, kind) + " because its header declares " + describeSizes(sizes)
                + " one-byte values, more than the " + MAX_DATA_BYTES + " bytes one IDX file"
                + " may hold here; split the data into smaller files");
      }

      bytes *= size;
    }

    return bytes;
  }

  private static byte[] readData(
      InputStream in, Path file, IdxKind kind, int[] sizes, long dataBytes, long keptBytes)
      throws IOException {
    byte[] chunk = new byte[CHUNK_BYTES];
    byte[] kept = new byte[(int) Math.min(keptBytes, CHUNK_BYTES)];
    long read = 0;
    while (read < dataBytes) {
      int length = in.read(chunk, 0, (int) Math.min(CHUNK_BYTES, dataBytes - read));
      if (length < 0) {
        throw new BadInputException(
            cannotRead(file, kind) + " because it is truncated: its header declares "
                + describeSizes(sizes) + " = " + dataBytes + " bytes of data after the "
                + kind.headerBytes() + "-byte header, but only " + read + " bytes follow;"
                + " replace it with an intact copy");
      }

      kept = keep(kept, chunk, length, read, keptBytes);
      read += length;
    }

    checkNoTrailingBytes(in, file, kind, sizes, dataBytes, chunk);

    return kept;
  }

  /**
   * Appends the part of a chunk that lies within the first {@code keptBytes} of the data. The
   * buffer grows only as bytes arrive, at most doubling, so a header that overstates the data
   * costs memory in proportion to the real data rather than to the claim.
   */
  private static byte[] keep(byte[] kept, byte[] chunk, int length, long offset, long keptBytes) {
    if (offset >= keptBytes) {
      return kept;
    }

    int keptNow = (int) Math.min(length, keptBytes - offset);
    int needed = (int) offset + keptNow;
    byte[] target = kept;
    if (needed > kept.length) {
      target = Arrays.copyOf(kept, (int) Math.min(keptBytes, Math.max(needed, 2L * kept.length)));
    }

    System.arraycopy(chunk, 0, target, (int) offset, keptNow);

    return target;
  }

  private static void checkNoTrailingBytes(
      InputStream in, Path file, IdxKind kind, int[] sizes, long dataBytes, byte[] chunk)
      throws IOException {
    long trailing = 0;
    for (int length = in.read(chunk); length >= 0; length = in.read(chunk)) {
      trailing += length;
    }

    if (trailing > 0) {
      throw new BadInputException(
          cannotRead(file, kind) + " because " + trailing + " trailing bytes follow the "
              + dataBytes + " bytes of data its header declares (" + describeSizes(sizes)
              + "); the header or the file is corrupt, replace it with an intact copy");
    }
  }

  private static int readUpTo(InputStream in, byte[] buffer, int offset, int length)
      throws IOException {
    int read = 0;
    while (read < length) {
      int count = in.read(buffer, offset + read, length - read);
      if (count < 0) {
        break;
      }

      read += count;
    }

    return read;
  }

  private static String describeSizes(int[] sizes) {
    return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(" x "));
  }

  private static String cannotRead(Path file, IdxKind kind) {
    return "Cannot read IDX " + kind.noun() + " from " + file;
  }
}
