package org.coevgan.dataprep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files byte by byte for tests. */
final class IdxFiles {
  private IdxFiles() {}

  /** Returns a big-endian IDX header: the magic number, then one size per dimension. */
  static byte[] header(int magic, int... sizes) {
    ByteBuffer header = ByteBuffer.allocate(4 + 4 * sizes.length);
    header.putInt(magic);
    for (int size : sizes) {
      header.putInt(size);
    }

    return header.array();
  }

  /** Returns the bytes of a header followed by data, which may disagree with the header. */
  static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);

    return joined;
  }

  /** Returns unsigned grey levels or labels (0 to 255) as bytes. */
  static byte[] unsignedBytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }

    return bytes;
  }

  /** Returns the gzip compression of the given bytes. */
  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      out.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return compressed.toByteArray();
  }

  /** Writes bytes to a new file in a folder and returns its path. */
  static Path write(Path folder, String name, byte[] content) {
    try {
      return Files.write(folder.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
