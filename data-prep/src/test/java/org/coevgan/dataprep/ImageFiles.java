package org.coevgan.dataprep;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Builds small PNG and JPEG files with javax.imageio for the data-prep tests. */
final class ImageFiles {
  private ImageFiles() {}

  /** Returns an 8-bit grey image whose level at (x, y) is {@code (x + 7 y) mod 256}. */
  static BufferedImage greyRamp(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setSample(x, y, 0, (x + 7 * y) % 256);
      }
    }

    return image;
  }

  /** Returns the 8-bit level {@link #greyRamp} puts at (x, y). */
  static int greyRampLevel(int x, int y) {
    return (x + 7 * y) % 256;
  }

  /** Returns a 16-bit grey image whose level at (x, y) is {@link #sixteenBitLevel}. */
  static BufferedImage sixteenBitRamp(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setSample(x, y, 0, sixteenBitLevel(x, y));
      }
    }

    return image;
  }

  /** Returns levels that an 8-bit path would merge: 1, 2, ... apart near black and white. */
  static int sixteenBitLevel(int x, int y) {
    return y % 2 == 0 ? x + 28 * y : 65535 - x - 28 * y;
  }

  /** Returns an RGB image with red, green and blue varying independently. */
  static BufferedImage colourful(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.getRaster().setPixel(x, y, colourAt(x, y, image.getRaster().getNumBands()));
      }
    }

    return image;
  }

  /** Returns the samples {@link #colourful} sets at (x, y): R, G, B and alpha if asked. */
  static int[] colourAt(int x, int y, int bands) {
    int[] samples = {(9 * x) % 256, (5 * y + 3 * x) % 256, (200 - 7 * y + 256) % 256,
        (31 * x + 17 * y) % 256};

    return Arrays.copyOf(samples, bands);
  }

  /** Returns an 8-bit palette image of 16 colours, pixel (x, y) taking entry (x + y) mod 16. */
  static BufferedImage palette(int width, int height) {
    byte[] reds = new byte[16];
    byte[] greens = new byte[16];
    byte[] blues = new byte[16];
    for (int entry = 0; entry < 16; entry++) {
      reds[entry] = (byte) (entry * 16);
      greens[entry] = (byte) (255 - entry * 13);
      blues[entry] = (byte) ((entry * 71) % 256);
    }

    IndexColorModel model = new IndexColorModel(8, 16, reds, greens, blues);
    BufferedImage image =
        new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.getRaster().setSample(x, y, 0, (x + y) % 16);
      }
    }

    return image;
  }

  /** Writes {@code image} as a PNG file and returns its path. */
  static Path png(Path folder, String name, BufferedImage image) {
    return write(folder.resolve(name), encode(image, "png"));
  }

  /** Returns {@code image} encoded in {@code format} by javax.imageio. */
  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, bytes)) {
        throw new IllegalStateException("No javax.imageio writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return bytes.toByteArray();
  }

  /** Writes {@code image} as a best-quality JPEG, progressive or baseline, and returns it. */
  static Path jpeg(Path folder, String name, BufferedImage image, boolean progressive) {
    return write(folder.resolve(name), jpegBytes(image, progressive));
  }

  /** Returns {@code image} as best-quality JPEG bytes, progressive or baseline. */
  static byte[] jpegBytes(BufferedImage image, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(1.0f);
    param.setProgressiveMode(
        progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(output);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }

    return bytes.toByteArray();
  }

  /**
   * Returns a best-quality four-channel JPEG of one flat colour, stored as the samples
   * {@code stored} (C, M, Y, K, or Y, Cb, Cr, K) under an Adobe APP14 marker whose transform is
   * {@code transform}: 0 for Adobe (inverted) CMYK, 2 for YCCK. The writer converts no colour
   * when given a raster, so the samples land in the file as given.
   */
  static byte[] adobeJpegBytes(int width, int height, int[] stored, int transform) {
    WritableRaster raster = Raster.createInterleavedRaster(
        DataBuffer.TYPE_BYTE, width, height, 4, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setPixel(x, y, stored);
      }
    }

    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(1.0f);
    try {
      IIOMetadata metadata = adobeMetadata(writer, param, raster, transform);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
        writer.setOutput(output);
        writer.write(null, new IIOImage(raster, null, metadata), param);
      }

      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  /**
   * Returns the writer's default metadata for a CMYK image, which holds an Adobe marker, with
   * its transform set; the CMYK image type comes from decoding the raster written bare.
   */
  private static IIOMetadata adobeMetadata(ImageWriter writer, ImageWriteParam param,
      Raster raster, int transform) throws IOException {
    ByteArrayOutputStream bare = new ByteArrayOutputStream();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(bare)) {
      writer.setOutput(output);
      writer.write(null, new IIOImage(raster, null, null), param);
    }

    BufferedImage cmyk = ImageIO.read(new ByteArrayInputStream(bare.toByteArray()));
    IIOMetadata metadata =
        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(cmyk), param);
    String format = metadata.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
    IIOMetadataNode adobe = (IIOMetadataNode) root.getElementsByTagName("app14Adobe").item(0);
    adobe.setAttribute("transform", Integer.toString(transform));
    metadata.setFromTree(format, root);

    return metadata;
  }

  /**
   * Returns a copy of PNG bytes whose IHDR claims {@code width} x {@code height}, with the
   * chunk's CRC recomputed or left stale.
   */
  static byte[] withLyingHeader(byte[] png, int width, int height, boolean fixCrc) {
    byte[] lying = png.clone();
    // Signature (8), IHDR length (4) and type (4), then width and height at 16 and 20.
    ByteBuffer.wrap(lying).putInt(16, width).putInt(20, height);
    if (fixCrc) {
      CRC32 crc = new CRC32();
      crc.update(lying, 12, 17);
      ByteBuffer.wrap(lying).putInt(29, (int) crc.getValue());
    }

    return lying;
  }

  /** Returns whether the bytes hold the start-of-frame marker of a progressive JPEG. */
  static boolean isProgressiveJpeg(byte[] jpeg) {
    for (int index = 0; index + 1 < jpeg.length; index++) {
      if ((jpeg[index] & 0xFF) == 0xFF && (jpeg[index + 1] & 0xFF) == 0xC2) {
        return true;
      }
    }

    return false;
  }

  /** Returns the PNG colour type byte of the IHDR chunk: 0 grey, 2 RGB, 3 palette, 6 RGBA. */
  static int pngColourType(byte[] png) {
    return png[25] & 0xFF;
  }

  /** Returns the PNG bit depth byte of the IHDR chunk. */
  static int pngBitDepth(byte[] png) {
    return png[24] & 0xFF;
  }

  /** Writes bytes to a file and returns its path. */
  static Path write(Path file, byte[] bytes) {
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
