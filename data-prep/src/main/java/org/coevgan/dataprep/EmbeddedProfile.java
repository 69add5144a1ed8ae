package org.coevgan.dataprep;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The ICC colour profile embedded in a PNG (its iCCP chunk) or a JPEG (APP2 ICC_PROFILE
 * segments), and the conversion of a decoded image from that profile to sRGB, the space an
 * image without a profile is taken to be in. Java's PNG decoder, and its JPEG decoder for grey
 * pictures, read the samples as stored and ignore these profiles, so without this step a
 * radiograph saved with a linear, Apple RGB or print dot-gain profile would enter the table with
 * levels that mean something else than the same levels of an untagged file.
 *
 * <p>A profile is applied only when it changes some colour: probe greys and primaries are sent
 * through it, and a profile that moves none of them by half an 8-bit level (an sRGB profile)
 * leaves the samples untouched. Display P3 moves the primaries but not the greys, so a grey
 * radiograph tagged with it keeps its levels up to rounding. Grey and
 * RGB pictures are converted (alpha dropped, as {@link GreyRows} ignores it anyway) into 16-bit
 * sRGB, which keeps the precision of 16-bit sources. Palette and CMYK pictures, and profiles of
 * another colour space than the picture's, are left as decoded, refused with an
 * IllegalArgumentException that the decoder turns into a warning naming the file (unless the
 * profile changes no colour). A colour (YCbCr or RGB) JPEG is
 * left alone too: Java's JPEG decoder has already converted it from its profile to sRGB.
 */
final class EmbeddedProfile {
  /** Largest change of a probe colour, in [0, 1] units, that still counts as no change. */
  private static final float UNCHANGED = 0.5f / 255;

  private static final String JPEG_ICC_SIGNATURE = "ICC_PROFILE\0";
  private static final int JPEG_APP2 = 0xE2;
  private static final int JPEG_START_OF_SCAN = 0xDA;
  private static final int JPEG_END_OF_IMAGE = 0xD9;
  private static final int JPEG_TEMPORARY = 0x01;
  private static final int JPEG_RESTART_FIRST = 0xD0;
  private static final int JPEG_RESTART_LAST = 0xD7;
  private static final int PNG_SIGNATURE_BYTES = 8;
  /** Caps a PNG chunk read while looking for the profile; profiles are kilobytes. */
  private static final int MAX_PROFILE_BYTES = 64 << 20;

  private EmbeddedProfile() {}

  /**
   * Returns the profile the file embeds, if any, read from the file's own chunks or segments
   * up to its first image data (javax.imageio's metadata trees fail on some JPEGs with both
   * JFIF and Exif markers, profile or not).
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming what is wrong when the embedded profile is unreadable
   */
  static Optional<ICC_Profile> read(Path file, ImageFormat format) throws IOException {
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(file)))) {
      Optional<byte[]> bytes = format == ImageFormat.PNG ? pngProfile(in) : jpegProfile(in);
      return bytes.map(EmbeddedProfile::profileOf);
    } catch (EOFException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns whether the decoder has already applied the file's profile: javax.imageio's JPEG
   * reader converts a colour JPEG from its embedded profile to sRGB, but not a grey one.
   */
  static boolean appliedByDecoder(ImageFormat format, BufferedImage image) {
    return format == ImageFormat.JPEG && image.getColorModel().getNumColorComponents() == 3;
  }

  /** Returns the picture in sRGB when the profile changes its colours, else the picture itself. */
  static BufferedImage toSrgb(BufferedImage image, ICC_Profile profile) {
    int components = image.getColorModel().getNumColorComponents();
    checkGreyOrRgb(profile);
    ICC_ColorSpace space = new ICC_ColorSpace(profile);
    if (changesNoColour(space)) {
      return image;
    }
    if (image.getColorModel() instanceof IndexColorModel
        || profile.getNumComponents() != components) {
      throw new IllegalArgumentException("a profile of " + profile.getNumComponents()
          + " colour components that changes colours cannot be applied to a "
          + pictureKind(image) + " picture");
    }

    BufferedImage tagged = withColourSpace(image, space, components);
    ColorModel srgb = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false,
        false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    BufferedImage converted = new BufferedImage(srgb,
        srgb.createCompatibleWritableRaster(image.getWidth(), image.getHeight()), false, null);
    return new ColorConvertOp(null).filter(tagged, converted);
  }

  /**
   * Refuses a profile of another colour space than grey or RGB (CMYK, Lab): it is not applied.
   *
   * @throws IllegalArgumentException naming the profile's colour space type
   */
  private static void checkGreyOrRgb(ICC_Profile profile) {
    int type = profile.getColorSpaceType();
    if (type != ColorSpace.TYPE_RGB && type != ColorSpace.TYPE_GRAY) {
      throw new IllegalArgumentException("a profile of colour space type " + type
          + " (neither grey nor RGB) is not applied");
    }
  }

  private static String pictureKind(BufferedImage image) {
    return image.getColorModel() instanceof IndexColorModel ? "palette"
        : image.getColorModel().getNumColorComponents() + "-component";
  }

  /** Returns the profile's name from its description tag (ICC v2 text or v4 Unicode), for logs. */
  static String nameOf(ICC_Profile profile) {
    byte[] tag = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
    String text = tag == null || tag.length < 12 ? "" : descriptionText(tag);
    String printable = text.replaceAll("[^\\x20-\\x7E]", "").trim();
    return printable.isEmpty()
        ? "unnamed" : printable.substring(0, Math.min(40, printable.length()));
  }

  private static String descriptionText(byte[] tag) {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(tag);
    String type = new String(tag, 0, 4, StandardCharsets.US_ASCII);
    if (type.equals("mluc") && tag.length >= 28) {
      int length = buffer.getInt(20);
      int offset = buffer.getInt(24);
      if (offset >= 0 && length >= 0 && offset + length <= tag.length) {
        return new String(tag, offset, length, StandardCharsets.UTF_16BE);
      }
      return "";
    }
    int length = Math.min(buffer.getInt(8), tag.length - 12);
    return length <= 0 ? "" : new String(tag, 12, length, StandardCharsets.US_ASCII);
  }

  private static boolean changesNoColour(ICC_ColorSpace space) {
    float[][] probes = space.getNumComponents() == 1
        ? new float[][] {{0.1f}, {0.25f}, {0.5f}, {0.75f}, {0.9f}}
        : new float[][] {{0.5f, 0.5f, 0.5f}, {0.2f, 0.2f, 0.2f}, {0.8f, 0.8f, 0.8f},
            {0.8f, 0.1f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.1f, 0.1f, 0.8f}};
    for (float[] probe : probes) {
      float[] srgb = space.toRGB(probe);
      for (int channel = 0; channel < 3; channel++) {
        float expected = probe[Math.min(channel, probe.length - 1)];
        if (Math.abs(srgb[channel] - expected) > UNCHANGED) {
          return false;
        }
      }
    }
    return true;
  }

  /** Returns the picture's colour samples, alpha left out, labelled with the given space. */
  private static BufferedImage withColourSpace(BufferedImage image, ICC_ColorSpace space,
      int components) {
    WritableRaster raster = image.getRaster();
    int[] colourBands = IntStream.range(0, components).toArray();
    WritableRaster colours = raster.createWritableChild(raster.getMinX(), raster.getMinY(),
        raster.getWidth(), raster.getHeight(), 0, 0, colourBands);
    int transferType = raster.getTransferType();
    int bits = raster.getSampleModel().getSampleSize(0);
    int[] bitsPerComponent = new int[components];
    Arrays.fill(bitsPerComponent, bits);
    ColorModel model = new ComponentColorModel(space, bitsPerComponent, false, false,
        Transparency.OPAQUE, transferType);
    return new BufferedImage(model, colours, false, null);
  }

  /** Reads the chunks before the first IDAT; returns the iCCP chunk's profile, inflated. */
  private static Optional<byte[]> pngProfile(DataInputStream in) throws IOException {
    in.skipNBytes(PNG_SIGNATURE_BYTES);
    while (true) {
      int length = in.readInt();
      String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
      if (type.equals("IDAT") || type.equals("IEND")) {
        return Optional.empty();
      }
      if (length < 0 || length > MAX_PROFILE_BYTES) {
        throw new IllegalArgumentException("PNG chunk " + type + " claims " + length + " bytes");
      }
      byte[] data = in.readNBytes(length);
      in.skipNBytes(4);
      if (type.equals("iCCP")) {
        int nameEnd = indexOf(data, (byte) 0);
        if (nameEnd < 0 || nameEnd + 2 > data.length) {
          throw new IllegalArgumentException("the iCCP chunk has no profile name and method");
        }
        return Optional.of(inflate(Arrays.copyOfRange(data, nameEnd + 2, data.length)));
      }
    }
  }

  /**
   * Reads the segments before the first scan; returns the APP2 ICC_PROFILE segments' payloads
   * joined in their sequence numbers' order.
   */
  private static Optional<byte[]> jpegProfile(DataInputStream in) throws IOException {
    in.skipNBytes(2);
    SortedMap<Integer, byte[]> chunks = new TreeMap<>();
    while (true) {
      int marker = nextMarker(in);
      if (marker == JPEG_START_OF_SCAN || marker == JPEG_END_OF_IMAGE) {
        break;
      }
      boolean restart = marker >= JPEG_RESTART_FIRST && marker <= JPEG_RESTART_LAST;
      if (marker == JPEG_TEMPORARY || restart) {
        continue;
      }
      int length = in.readUnsignedShort();
      if (length < 2) {
        throw new IllegalArgumentException(String.format(
            "JPEG segment FF%02X claims a length of %d bytes, below 2", marker, length));
      }
      byte[] payload = in.readNBytes(length - 2);
      if (marker == JPEG_APP2 && isIccSegment(payload)) {
        int sequence = payload[JPEG_ICC_SIGNATURE.length()] & 0xFF;
        chunks.put(sequence, Arrays.copyOfRange(payload, JPEG_ICC_SIGNATURE.length() + 2,
            payload.length));
      }
    }
    if (chunks.isEmpty()) {
      return Optional.empty();
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    chunks.values().forEach(joined::writeBytes);
    return Optional.of(joined.toByteArray());
  }

  /** Returns the next marker code, skipping the fill bytes (0xFF) before it. */
  private static int nextMarker(DataInputStream in) throws IOException {
    int value = in.readUnsignedByte();
    while (value != 0xFF) {
      value = in.readUnsignedByte();
    }
    while (value == 0xFF) {
      value = in.readUnsignedByte();
    }
    return value;
  }

  private static boolean isIccSegment(byte[] data) {
    byte[] signature = JPEG_ICC_SIGNATURE.getBytes(StandardCharsets.US_ASCII);
    return data.length > signature.length + 2
        && Arrays.equals(data, 0, signature.length, signature, 0, signature.length);
  }

  private static int indexOf(byte[] data, byte value) {
    for (int index = 0; index < data.length; index++) {
      if (data[index] == value) {
        return index;
      }
    }
    return -1;
  }

  private static byte[] inflate(byte[] compressed) {
    Inflater inflater = new Inflater();
    inflater.setInput(compressed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      while (!inflater.finished()) {
        int count = inflater.inflate(buffer);
        if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("the iCCP chunk's compressed profile is cut off");
        }
        out.write(buffer, 0, count);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("the iCCP chunk's profile is not valid deflate data ("
          + e.getMessage() + ")", e);
    } finally {
      inflater.end();
    }
  }

  private static ICC_Profile profileOf(byte[] bytes) {
    try {
      return ICC_Profile.getInstance(bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the embedded ICC profile of " + bytes.length
          + " bytes is not a valid profile (" + e.getMessage() + ")", e);
    }
  }
}
