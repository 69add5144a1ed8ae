package org.coevgan.job.features;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short SHA-256 fingerprint of labelled images and training settings: the image count and
 * size, the class count, the labels and pixels of up to 1,000 evenly spaced images, and the
 * settings text. Any change to the data or the settings changes it, so a cached feature network
 * is reused only for what it was trained on.
 */
public final class DataFingerprint {
  private static final int SAMPLED_IMAGES = 1000;
  private static final int HEX_DIGITS = 16;

  private DataFingerprint() {}

  /** Returns 16 hex digits identifying the images together with the settings text. */
  public static String of(LabelledImages images, String settings) {
    MessageDigest digest = sha256();
    digest.update(settings.getBytes(StandardCharsets.UTF_8));
    digest.update(ByteBuffer.allocate(16).putInt(images.count()).putInt(images.height())
        .putInt(images.width()).putInt(images.classCount()).array());

    int size = images.height() * images.width();
    int step = Math.max(1, images.count() / SAMPLED_IMAGES);
    ByteBuffer image = ByteBuffer.allocate(4 + size * Float.BYTES);
    for (int i = 0; i < images.count(); i += step) {
      image.clear();
      image.putInt(images.label(i));
      for (int p = 0; p < size; p++) {
        image.putFloat(images.pixels()[i * size + p]);
      }
      digest.update(image.array());
    }
    return shortHex(digest.digest());
  }

  /** Returns 16 hex digits identifying the bytes, for a user's model file. */
  public static String ofBytes(byte[] bytes) {
    return shortHex(sha256().digest(bytes));
  }

  private static String shortHex(byte[] hash) {
    return HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint data: the JVM lacks SHA-256", e);
    }
  }
}
