package org.coevgan.dataprep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coevgan.dataprep.ImageSelection.Candidate;

/**
 * Decodes the selected image files one by one, keeping the good ones and recording every other
 * one with its reason in a {@link SkipTally}, so that no bad file ends the run.
 *
 * <p>A file whose decoded content equals that of a file kept earlier (same
 * {@link SquareImage#contentDigest()}) is recorded as {@link SkipReason#DUPLICATE}, naming the
 * kept one; the first in metadata order stays.
 */
final class ImageIngestion {
  /**
   * Holds one image kept for the table.
   *
   * @param candidate the selected file it came from
   * @param image its square, shrunk pixels
   */
  record KeptImage(Candidate candidate, SquareImage image) {}

  private final List<KeptImage> kept = new ArrayList<>();
  private final SkipTally tally = new SkipTally();
  private final Map<String, String> firstFileByDigest = new HashMap<>();
  private final Map<String, Integer> profilesApplied = new TreeMap<>();

  private ImageIngestion() {}

  /** Returns the ingestion of every candidate of {@code selection} at {@code size}. */
  static ImageIngestion ingest(ImageSelection selection, Path folder, int size) {
    ImageIngestion ingestion = new ImageIngestion();
    for (Candidate candidate : selection.candidates()) {
      ingestion.ingest(candidate, folder, size);
    }

    return ingestion;
  }

  /** Returns the kept images, in selection order. */
  List<KeptImage> kept() {
    return List.copyOf(kept);
  }

  /** Returns how many kept or skipped files were converted from each embedded colour profile. */
  Map<String, Integer> profilesApplied() {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(profilesApplied));
  }

  /** Returns the files left out and their reasons. */
  SkipTally tally() {
    return tally;
  }

  private void ingest(Candidate candidate, Path folder, int size) {
    try {
      SquareImage image = decode(candidate, folder, size);
      String first = firstFileByDigest.putIfAbsent(image.contentDigest(), candidate.file());
      if (first != null) {
        throw new SkippedImageException(SkipReason.DUPLICATE,
            "same decoded content as " + first + ", which is kept");
      }

      kept.add(new KeptImage(candidate, image));
    } catch (SkippedImageException e) {
      tally.add(new Rejection(candidate.file(), candidate.line(), e.reason(), e.getMessage()));
    }
  }

  private SquareImage decode(Candidate candidate, Path folder, int size) {
    if (!candidate.isInside(folder)) {
      throw new SkippedImageException(SkipReason.MISSING_FILE,
          "the name is empty or leads outside the image folder " + folder);
    }

    return ImageDecoder.decode(candidate.path(), size,
        profile -> profilesApplied.merge(profile, 1, Integer::sum));
  }
}
