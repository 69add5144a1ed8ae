package org.coevgan.dataprep;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Holds one image made square and small for the image table, with a digest of its full decoded
 * content for finding exact duplicates.
 *
 * <p>Square policy: the centred square on the shorter side is kept and the rest of the longer
 * side is cropped, half on each side (the odd pixel goes from the end), so a 300 x 200 image
 * keeps columns 50 to 249. That square is then shrunk to {@code size} by {@link AreaAverage},
 * rows first, and normalised to [-1, 1] as {@code 2 grey / max - 1}, where max stands for white
 * (255 or 65535), so 16-bit levels keep their precision until this last step.
 *
 * <p>The digest is SHA-256 over the width, the height and every decoded grey level divided by
 * max, before cropping; two files holding the same picture, even in different formats or bit
 * depths, share it when their decoded levels agree exactly.
 *
 * @param pixels row-major {@code size * size} values in [-1, 1]
 * @param size the side in pixels
 * @param contentDigest hex SHA-256 of the decoded content
 */
record SquareImage(float[] pixels, int size, String contentDigest) {
  /** Returns the square of {@code rows} shrunk to {@code size}, which is at most its side. */
  static SquareImage of(GreyRows rows, int size) {
    int side = Math.min(rows.width(), rows.height());
    int left = (rows.width() - side) / 2;
    int top = (rows.height() - side) / 2;
    AreaAverage shrink = AreaAverage.shrinking(side, size);
    MessageDigest digest = sha256();
    digest.update(ByteBuffer.allocate(8).putInt(rows.width()).putInt(rows.height()).array());

    double[] row = new double[rows.width()];
    ByteBuffer rowBytes = ByteBuffer.allocate(Double.BYTES * rows.width());
    double[][] shrunkRows = new double[side][size];
    for (int y = 0; y < rows.height(); y++) {
      rows.read(y, row);
      digest.update(asBytes(row, rows.maxSample(), rowBytes));
      if (y >= top && y < top + side) {
        shrinkRow(row, left, shrink, shrunkRows[y - top]);
      }
    }

    float[] pixels = shrinkColumns(shrunkRows, shrink, rows.maxSample());

    return new SquareImage(pixels, size, HexFormat.of().formatHex(digest.digest()));
  }

  private static void shrinkRow(double[] row, int left, AreaAverage shrink, double[] shrunk) {
    for (int x = 0; x < shrunk.length; x++) {
      shrunk[x] = shrink.average(row, left, x);
    }
  }

  private static float[] shrinkColumns(double[][] shrunkRows, AreaAverage shrink, int max) {
    int size = shrink.outputLength();
    float[] pixels = new float[size * size];
    double[] column = new double[shrunkRows.length];
    for (int x = 0; x < size; x++) {
      for (int y = 0; y < column.length; y++) {
        column[y] = shrunkRows[y][x];
      }

      for (int y = 0; y < size; y++) {
        pixels[y * size + x] = normalised(shrink.average(column, 0, y), max);
      }
    }

    return pixels;
  }

  private static float normalised(double grey, int max) {
    // 2 * grey / max equals grey / (max / 2) exactly, as ImageTable.normalisedPixel computes it.
    double value = 2.0 * grey / max - 1.0;

    return (float) Math.max(-1.0, Math.min(1.0, value));
  }

  private static byte[] asBytes(double[] row, int max, ByteBuffer buffer) {
    buffer.clear();
    for (double grey : row) {
      buffer.putDouble(grey / max);
    }

    return buffer.array();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot find SHA-256, which every JVM must provide", e);
    }
  }
}

