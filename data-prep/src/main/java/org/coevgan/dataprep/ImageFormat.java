package org.coevgan.dataprep;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the two image formats {@link PrepareImages} reads, recognised by their magic bytes and
 * checked for completeness by their last chunk or marker.
 *
 * <p>A PNG starts with {@code 89 50 4E 47 0D 0A 1A 0A} and ends with an empty IEND chunk,
 * {@code 00 00 00 00 49 45 4E 44} then its CRC. A JPEG starts with {@code FF D8 FF} and ends
 * with the EOI marker {@code FF D9}. Real files sometimes carry a few padding bytes after the
 * end (two JPEGs of the COVID-19 collection end in one zero byte), so the end is searched for
 * in the last {@link #TAIL_BYTES} bytes rather than required at the very end. Neither end
 * sequence can occur inside a JPEG's entropy-coded data, where 0xFF is always followed by 0x00
 * or a restart marker.
 */
enum ImageFormat {
  PNG("png", bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A),
      bytes(0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44), List.of("png")),
  JPEG("jpeg", bytes(0xFF, 0xD8, 0xFF), bytes(0xFF, 0xD9), List.of("jpg", "jpeg"));

  /** Caps the bytes read from the end of a file to find its end chunk or marker. */
  static final int TAIL_BYTES = 1024;

  /** Caps the bytes read from the start of a file to recognise its format. */
  static final int HEAD_BYTES = 8;

  private final String formatName;
  private final byte[] magic;
  private final byte[] end;
  private final List<String> extensions;

  ImageFormat(String formatName, byte[] magic, byte[] end, List<String> extensions) {
    this.formatName = formatName;
    this.magic = magic;
    this.end = end;
    this.extensions = extensions;
  }

  /** Returns the format whose magic bytes start {@code head}, if any. */
  static Optional<ImageFormat> ofMagic(byte[] head) {
    return Arrays.stream(values())
        .filter(format -> startsWith(head, format.magic))
        .findFirst();
  }

  /** Returns the javax.imageio format name of this format's readers. */
  String formatName() {
    return formatName;
  }

  /** Returns the file-name extensions of this format, lower case, without the dot. */
  List<String> extensions() {
    return extensions;
  }

  /** Returns whether the file name ends with one of this format's extensions, in any case. */
  boolean matchesExtension(String fileName) {
    return extensions.contains(extensionOf(fileName));
  }

  /** Returns whether {@code tail}, the last bytes of a file, holds this format's end. */
  boolean hasEnd(byte[] tail) {
    for (int start = tail.length - end.length; start >= 0; start--) {
      if (Arrays.equals(tail, start, start + end.length, end, 0, end.length)) {
        return true;
      }
    }

    return false;
  }

  /** Returns the lower-case extension of a file name without the dot, or "" when it has none. */
  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');

    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    return head.length >= prefix.length
        && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int index = 0; index < values.length; index++) {
      bytes[index] = (byte) values[index];
    }

    return bytes;
  }
}
