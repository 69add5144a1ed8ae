package org.coevgan.dataprep;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Embeds ICC profiles into PNG and JPEG bytes for the colour-profile tests. */
final class ProfiledFiles {
  private ProfiledFiles() {}

  /** Inserts an iCCP chunk holding the profile right after the PNG's IHDR chunk. */
  static byte[] pngWithProfile(byte[] png, byte[] profile) {
    return pngWithChunk(png, 8 + 12 + 13, "iCCP",
        concat("test\0\0".getBytes(StandardCharsets.US_ASCII), deflate(profile)));
  }

  /** Inserts a chunk of the given type and data at byte offset {@code at} of the PNG. */
  static byte[] pngWithChunk(byte[] png, int at, String typeName, byte[] data) {
    byte[] type = typeName.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(data);
    byte[] chunk = ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type).put(data)
        .putInt((int) crc.getValue()).array();
    return concat(Arrays.copyOf(png, at), chunk, Arrays.copyOfRange(png, at, png.length));
  }

  /** Returns one APP2 ICC_PROFILE segment carrying part {@code sequence} of {@code count}. */
  static byte[] iccSegment(int sequence, int count, byte[] part) {
    byte[] signature = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + signature.length + 2 + part.length;
    return ByteBuffer.allocate(2 + length).put((byte) 0xFF).put((byte) 0xE2)
        .putShort((short) length).put(signature).put((byte) sequence).put((byte) count).put(part)
        .array();
  }

  /** Inserts segments right after the JPEG's start-of-image marker. */
  static byte[] jpegWithSegments(byte[] jpeg, byte[]... segments) {
    return concat(Arrays.copyOf(jpeg, 2), concat(segments),
        Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
