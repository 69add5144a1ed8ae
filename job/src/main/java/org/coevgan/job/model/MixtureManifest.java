package org.coevgan.job.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code manifest.json} of a saved mixture: which generator files it mixes with which
 * weights, the image size and latent size they work with, the pixel normalisation, and where
 * the mixture came from (cell, score, feature network, seed).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MixtureManifest(
    int formatVersion,
    String preset,
    int imageHeight,
    int imageWidth,
    int latentSize,
    String normalisation,
    int cellRow,
    int cellCol,
    String scoreKind,
    double score,
    int scoreSampleCount,
    String featureNetworkFingerprint,
    long seed,
    List<Generator> generators) {
  /** The manifest version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** Pixel values of generated images: tanh outputs in [-1, 1], like the prepared data. */
  public static final String NORMALISATION = "[-1, 1]";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One generator of the mixture: its model file, weight and the cell it was the center of. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Generator(String file, double weight, int originRow, int originCol) {}

  /** Returns the manifest as indented JSON. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialise the mixture manifest", e);
    }
  }

  /** Returns the manifest held in JSON bytes, failing with the source on a bad file. */
  public static MixtureManifest fromJson(byte[] json, String source) {
    try {
      MixtureManifest manifest = JSON.readValue(json, MixtureManifest.class);
      if (manifest.formatVersion() != FORMAT_VERSION || manifest.generators().isEmpty()) {
        throw new IllegalArgumentException("Cannot load the mixture in " + source
            + " because its manifest has format " + manifest.formatVersion() + " and "
            + manifest.generators().size() + " generators; expected format " + FORMAT_VERSION
            + " with at least one generator");
      }
      return manifest;
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the mixture manifest " + source
          + " because " + e.getMessage() + "; point --model at a run's model/ folder", e);
    }
  }

  /** Returns the generators' weights in order. */
  @JsonIgnore
  public double[] weights() {
    return generators.stream().mapToDouble(Generator::weight).toArray();
  }
}
