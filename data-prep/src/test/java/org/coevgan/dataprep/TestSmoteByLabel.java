package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestSmoteByLabel {
  @Test
  void sharesTheSyntheticImagesInProportionToTheLabels() {
    Map<String, Integer> shares =
        SmoteByLabel.shares(Map.of("COVID-19", 85, "SARS", 11), 104);

    assertEquals(Map.of("COVID-19", 92, "SARS", 12), shares);
  }

  @Test
  void givesALabelWithOneImageNothingAndItsShareToTheOthers() {
    Map<String, Integer> shares =
        SmoteByLabel.shares(Map.of("COVID-19", 85, "SARS", 11, "No Finding", 1), 103);

    assertEquals(Map.of("COVID-19", 91, "SARS", 12), shares);
  }

  @Test
  void breaksEqualRemaindersInLabelOrder() {
    Map<String, Integer> shares = SmoteByLabel.shares(Map.of("c", 2, "a", 2, "b", 2), 4);

    assertEquals(Map.of("a", 2, "b", 1, "c", 1), shares);
  }

  @Test
  void interpolatesOnlyBetweenImagesOfOneLabel() {
    List<float[]> images = TestSmote.randomImages(12, 1);
    List<String> labels = cycle(List.of("a", "b", "c"), 11, List.of("d"));

    List<Smote.Synthetic> synthetic = SmoteByLabel.oversample(images, labels, 40, 3, 9);

    assertEquals(28, synthetic.size());
    Map<String, Integer> perLabel = new TreeMap<>();
    for (Smote.Synthetic image : synthetic) {
      String label = labels.get(image.base());
      assertEquals(label, labels.get(image.neighbour()), "neighbour of " + image.base());
      assertTrue(image.base() != image.neighbour(), "base " + image.base());
      perLabel.merge(label, 1, Integer::sum);
    }
    // a, b and c hold 4, 4 and 3 images (the twelfth is the lone d): 28 shared 4:4:3.
    assertEquals(Map.of("a", 10, "b", 10, "c", 8), perLabel);
  }

  @Test
  void givesTheSameImagesForTheSameSeed() {
    List<float[]> images = TestSmote.randomImages(10, 2);
    List<String> labels = cycle(List.of("x", "y"), 10, List.of());

    List<Smote.Synthetic> first = SmoteByLabel.oversample(images, labels, 25, 2, 4);
    List<Smote.Synthetic> second = SmoteByLabel.oversample(images, labels, 25, 2, 4);

    assertEquals(first.size(), second.size());
    for (int index = 0; index < first.size(); index++) {
      assertEquals(first.get(index).base(), second.get(index).base());
      assertEquals(first.get(index).neighbour(), second.get(index).neighbour());
      assertArrayEquals(first.get(index).pixels(), second.get(index).pixels());
    }
  }

  @Test
  void makesNothingWhenTheTargetIsReached() {
    List<float[]> images = TestSmote.randomImages(3, 3);

    assertEquals(List.of(),
        SmoteByLabel.oversample(images, List.of("a", "b", "c"), 3, 5, 1));
  }

  @Test
  void refusesWhenNoLabelHasTwoImages() {
    List<float[]> images = TestSmote.randomImages(2, 4);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> SmoteByLabel.oversample(images, List.of("SARS", "ARDS"), 10, 5, 1));

    assertTrue(failure.getMessage().contains("no label has two images"), failure::getMessage);
    assertTrue(failure.getMessage().contains("{ARDS=1, SARS=1}"), failure::getMessage);
  }

  @Test
  void refusesLabelsThatDoNotMatchTheImages() {
    List<float[]> images = TestSmote.randomImages(3, 5);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> SmoteByLabel.oversample(images, List.of("a", "a"), 10, 5, 1));

    assertTrue(failure.getMessage().contains("3 images come with 2 labels"),
        failure::getMessage);
  }

  private static List<String> cycle(List<String> values, int count, List<String> tail) {
    List<String> labels = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      labels.add(values.get(index % values.size()));
    }
    labels.addAll(tail);

    return labels;
  }
}
