package org.coevgan.dataprep;

import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one PNG or JPEG file into a {@link SquareImage}, or explains with a
 * {@link SkippedImageException} why it cannot.
 *
 * <p>Checks run cheapest first, and each names its {@link SkipReason}: the file exists
 * (MISSING_FILE) and is not empty (EMPTY_FILE); its first bytes are the PNG or JPEG magic
 * (NOT_AN_IMAGE) and match its extension, .png or .jpg/.jpeg in any case (EXTENSION_MISMATCH);
 * its last bytes hold the format's end (TRUNCATED, see {@link ImageFormat}); the header's size,
 * read with {@link ImageReader#getWidth} and {@link ImageReader#getHeight} before any pixel is
 * allocated, is within {@link #MAX_SIDE} per side and {@link #MAX_PIXELS} in all (TOO_LARGE)
 * and its shorter side reaches the output size (TOO_SMALL). Only then is the raster decoded
 * (UNDECODABLE on any decoder failure, TRUNCATED when the decoder reports a premature end).
 *
 * <p>Decoding uses the javax.imageio reader of the detected format and takes the samples from
 * the decoded raster ({@link GreyRows}), never from {@code getRGB} or another colour-managed
 * path; an embedded ICC profile that changes colours is applied first, converting the picture
 * to sRGB ({@link EmbeddedProfile}; the JPEG reader does that itself for colour JPEGs).
 * Baseline and progressive JPEG (grey, YCbCr, and CMYK or YCCK under an Adobe APP14 marker), and
 * PNG of any bit depth (1 to 16), grey, grey with alpha, RGB, RGBA and palette, are read. A
 * failing file system is not a skip: it raises {@link UncheckedIOException}, which ends the run.
 */
final class ImageDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);

  /** Caps either side of an image, in pixels. */
  static final int MAX_SIDE = 20_000;

  /** Caps the pixels of an image: 100 megapixels, at most 800 MB decoded as 16-bit RGBA. */
  static final long MAX_PIXELS = 100_000_000L;

  private ImageDecoder() {}

  /**
   * Returns {@code file} decoded, cropped to its centred square and shrunk to {@code size}.
   *
   * @throws SkippedImageException naming the reason the file cannot be used
   * @throws UncheckedIOException if the file system fails
   */
  static SquareImage decode(Path file, int size) {
    return decode(file, size, profile -> { });
  }

  /**
   * Returns {@code file} decoded as {@link #decode(Path, int)} does, telling
   * {@code profileApplied} the name of the embedded colour profile it converted from, if any.
   */
  static SquareImage decode(Path file, int size, Consumer<String> profileApplied) {
    ImageFormat format = checkedFormat(file);
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = readerFor(format, input);
      try {
        checkHeader(reader, format, size);
        BufferedImage image = decodeRaster(reader, format);

        return SquareImage.of(GreyRows.of(inSrgb(file, format, image, profileApplied)), size);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the image file " + file + " because the file system failed (" + e
              + "); check that the image folder is readable",
          e);
    }
  }

  private static ImageFormat checkedFormat(Path file) {
    FileEnds ends = FileEnds.read(file);
    if (ends.length() == 0) {
      throw new SkippedImageException(SkipReason.EMPTY_FILE, "the file holds 0 bytes");
    }

    ImageFormat format = ImageFormat.ofMagic(ends.head()).orElseThrow(
        () -> new SkippedImageException(SkipReason.NOT_AN_IMAGE, "the file starts with "
            + ends.headHex() + ", the magic bytes of neither PNG nor JPEG"));
    String name = file.getFileName().toString();
    if (!format.matchesExtension(name)) {
      throw new SkippedImageException(SkipReason.EXTENSION_MISMATCH, "the content is "
          + format + " but the extension is '" + ImageFormat.extensionOf(name) + "' instead of "
          + format.extensions());
    }

    if (!format.hasEnd(ends.tail())) {
      throw new SkippedImageException(SkipReason.TRUNCATED, "the " + format + " file of "
          + ends.length() + " bytes stops before its end " + endName(format));
    }

    return format;
  }

  private static String endName(ImageFormat format) {
    return format == ImageFormat.PNG ? "chunk IEND" : "marker EOI (FF D9)";
  }

  private static ImageReader readerFor(ImageFormat format, ImageInputStream input) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      if (isFormat(reader, format)) {
        reader.setInput(input, true, true);
        return reader;
      }

      reader.dispose();
    }

    throw new SkippedImageException(SkipReason.UNDECODABLE,
        "no javax.imageio reader accepts this " + format + " content");
  }

  private static boolean isFormat(ImageReader reader, ImageFormat format) {
    try {
      return reader.getFormatName().toLowerCase(Locale.ROOT).equals(format.formatName());
    } catch (IOException e) {
      return false;
    }
  }

  private static void checkHeader(ImageReader reader, ImageFormat format, int size) {
    int width;
    int height;
    try {
      width = reader.getWidth(0);
      height = reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      throw new SkippedImageException(isCutOff(e) ? SkipReason.TRUNCATED : SkipReason.UNDECODABLE,
          "the " + format + " header cannot be read (" + e + ")", e);
    }

    checkDimensions(width, height, size);
  }

  /** Checks the header's size before any pixel is allocated. */
  static void checkDimensions(int width, int height, int size) {
    if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
      throw new SkippedImageException(SkipReason.TOO_LARGE, "the header claims " + width + " x "
          + height + " pixels, above the cap of " + MAX_SIDE + " per side and " + MAX_PIXELS
          + " in all");
    }

    if (width < 1 || height < 1 || Math.min(width, height) < size) {
      throw new SkippedImageException(SkipReason.TOO_SMALL, "the image is " + width + " x "
          + height + " pixels, smaller than the output size " + size + " on its shorter side");
    }
  }

  private static BufferedImage decodeRaster(ImageReader reader, ImageFormat format) {
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    BufferedImage image;
    try {
      image = reader.read(0);
    } catch (IOException | RuntimeException e) {
      // The decoders report a cut-off stream either as an EOFException cause or in the message;
      // the file's ends were just read, so an IOException here is the content, not the disk.
      throw new SkippedImageException(isCutOff(e) ? SkipReason.TRUNCATED : SkipReason.UNDECODABLE,
          "the " + format + " decoder failed (" + e + ")", e);
    }

    if (warnings.stream().anyMatch(ImageDecoder::isCutOff)) {
      throw new SkippedImageException(SkipReason.TRUNCATED,
          "the " + format + " decoder reports " + warnings);
    }

    return image;
  }

  /**
   * Converts the picture from its embedded colour profile to sRGB when the profile changes its
   * colours ({@link EmbeddedProfile}). A profile that cannot be read or applied is ignored with a
   * warning naming the file: the samples are still a picture, only their calibration is lost.
   */
  private static BufferedImage inSrgb(Path file, ImageFormat format, BufferedImage image,
      Consumer<String> profileApplied) {
    if (EmbeddedProfile.appliedByDecoder(format, image)) {
      return image;
    }

    try {
      Optional<ICC_Profile> profile = EmbeddedProfile.read(file, format);
      if (profile.isEmpty()) {
        return image;
      }

      BufferedImage converted = EmbeddedProfile.toSrgb(image, profile.get());
      if (converted != image) {
        profileApplied.accept(EmbeddedProfile.nameOf(profile.get()));
      }
      return converted;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the colour profile of " + file + " because the "
          + "file system failed (" + e + "); check that the image folder is readable", e);
    } catch (RuntimeException e) {
      // An unreadable profile (IllegalArgumentException) or one colour management cannot apply.
      LOG.warn("Ignoring the embedded colour profile of {}: {}; its samples are used as stored",
          file, e.getMessage());
      return image;
    }
  }

  private static boolean isCutOff(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof EOFException || isCutOff(String.valueOf(cause.getMessage()))) {
        return true;
      }
    }

    return false;
  }

  private static boolean isCutOff(String message) {
    String lower = message.toLowerCase(Locale.ROOT);

    return lower.contains("premature end") || lower.contains("unexpected end");
  }

  /** Holds the length of a file and its first and last bytes. */
  private record FileEnds(long length, byte[] head, byte[] tail) {
    static FileEnds read(Path file) {
      if (!Files.isRegularFile(file)) {
        throw new SkippedImageException(SkipReason.MISSING_FILE,
            "the metadata names a file that is not in the image folder");
      }

      try (RandomAccessFile random = new RandomAccessFile(file.toFile(), "r")) {
        long length = random.length();
        byte[] head = new byte[(int) Math.min(length, ImageFormat.HEAD_BYTES)];
        random.readFully(head);
        byte[] tail = new byte[(int) Math.min(length, ImageFormat.TAIL_BYTES)];
        random.seek(length - tail.length);
        random.readFully(tail);

        return new FileEnds(length, head, tail);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read the image file " + file + " because the file system failed (" + e
                + "); check that the image folder is readable",
            e);
      }
    }

    String headHex() {
      return head.length == 0 ? "nothing" : HexFormat.ofDelimiter(" ").withUpperCase()
          .formatHex(head);
    }
  }
}
