package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coevgan.dataprep.PrepareImages.Options;
import org.coevgan.dataprep.PrepareImages.SmoteOptions;
import org.junit.jupiter.api.Test;

class TestPrepareImagesArguments {
  @Test
  void readsRepeatedFiltersAndDefaults() {
    String[] args = {"--images", "img", "--metadata", "m.csv", "--filter", "finding=COVID-19",
        "--filter", " view = PA, AP Supine ", "--size", "64", "--output", "out"};

    Options options = PrepareImagesArguments.parse(args);

    assertEquals(Path.of("img"), options.images());
    assertEquals(Optional.of(Path.of("m.csv")), options.metadata());
    assertEquals(List.of(new MetadataFilter("finding", Set.of("COVID-19")),
        new MetadataFilter("view", Set.of("PA", "AP Supine"))), options.filters());
    assertEquals("filename", options.fileColumn());
    assertEquals(MaxSkipped.DEFAULT, options.maxSkipped());
    assertEquals(Optional.empty(), options.smote());
  }

  @Test
  void readsSmoteSettingsWithDefaults() {
    String[] args = {"--images", "img", "--size", "28", "--output", "out", "--smote-target",
        "200"};

    Options options = PrepareImagesArguments.parse(args);

    assertEquals(Optional.of(new SmoteOptions(200, 5, 0)), options.smote());
  }

  @Test
  void refusesSizesTheNetworksDoNotTake() {
    String[] args = {"--images", "img", "--size", "32", "--output", "out"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareImagesArguments.parse(args));

    assertTrue(failure.getMessage().contains("--size 32"), failure::getMessage);
    assertTrue(failure.getMessage().contains("[28, 64, 128]"), failure::getMessage);
  }

  @Test
  void refusesFilterWithoutMetadata() {
    String[] args = {"--images", "img", "--filter", "view=PA", "--size", "28", "--output", "o"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareImagesArguments.parse(args));

    assertTrue(failure.getMessage().contains("no --metadata CSV is given"), failure::getMessage);
  }

  @Test
  void refusesTwoFiltersOnOneColumn() {
    String[] args = {"--images", "img", "--metadata", "m.csv", "--filter", "view=PA",
        "--filter", "view=AP", "--size", "28", "--output", "o"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareImagesArguments.parse(args));

    assertTrue(failure.getMessage().contains("--filter view=value,value"), failure::getMessage);
  }

  @Test
  void refusesFilterWithoutEqualsOrValues() {
    UsageException noEquals = assertThrows(UsageException.class,
        () -> PrepareImagesArguments.parse(new String[] {"--images", "i", "--metadata", "m",
            "--filter", "view", "--size", "28", "--output", "o"}));
    UsageException noValue = assertThrows(UsageException.class,
        () -> PrepareImagesArguments.parse(new String[] {"--images", "i", "--metadata", "m",
            "--filter", "view=PA,", "--size", "28", "--output", "o"}));

    assertTrue(noEquals.getMessage().contains("has no '='"), noEquals::getMessage);
    assertTrue(noValue.getMessage().contains("every value non-empty"), noValue::getMessage);
  }

  @Test
  void refusesSmoteSettingsWithoutTarget() {
    String[] args = {"--images", "img", "--size", "28", "--output", "out", "--seed", "3"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareImagesArguments.parse(args));

    assertTrue(failure.getMessage().contains("add --smote-target"), failure::getMessage);
  }

  @Test
  void acceptsLabelsTogetherWithSmote() {
    String[] args = {"--images", "img", "--metadata", "m.csv", "--label-column", "finding",
        "--size", "28", "--output", "out", "--smote-target", "100"};

    Options options = PrepareImagesArguments.parse(args);

    assertEquals(Optional.of("finding"), options.labelColumn());
    assertEquals(Optional.of(new SmoteOptions(100, 5, 0)), options.smote());
  }

  @Test
  void readsMaxSkippedAsCountOrFraction() {
    MaxSkipped count = MaxSkipped.parse("3");
    MaxSkipped fraction = MaxSkipped.parse("0.25");

    assertEquals(Map.of(true, List.of(true, false), false, List.of(true, false)), Map.of(
        true, List.of(count.allows(3, 100), count.allows(4, 100)),
        false, List.of(fraction.allows(2, 8), fraction.allows(3, 8))));
    assertEquals("3", count.toString());
    assertEquals("0.25", fraction.toString());
  }

  @Test
  void refusesMaxSkippedOutOfRangeNamingTheOption() {
    IllegalArgumentException tooLarge =
        assertThrows(IllegalArgumentException.class, () -> MaxSkipped.parse("1.5"));
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> MaxSkipped.parse("-1"));

    assertTrue(tooLarge.getMessage().contains("--max-skipped '1.5'"), tooLarge::getMessage);
    assertTrue(negative.getMessage().contains("--max-skipped '-1'"), negative::getMessage);
  }

  @Test
  void filterAcceptsTrimmedExactValuesOnly() {
    MetadataFilter filter = MetadataFilter.parse("view=PA,AP Supine");

    assertTrue(filter.accepts(Map.of("view", " AP Supine ")));
    assertFalse(filter.accepts(Map.of("view", "pa")));
    assertFalse(filter.accepts(Map.of("view", "AP")));
    assertFalse(filter.accepts(Map.of("finding", "PA")));
  }

  @Test
  void readsRepeatedLabelGroups() {
    String[] args = {"--images", "img", "--metadata", "m.csv", "--label-column", "finding",
        "--label-group", "covid=COVID-19", "--label-group", "other=*", "--size", "64",
        "--output", "out"};

    Options options = PrepareImagesArguments.parse(args);

    assertEquals(List.of("covid=COVID-19", "other=*"), options.labelGroups());
  }

  @Test
  void refusesLabelGroupsWithoutLabelColumn() {
    String[] args = {"--images", "img", "--metadata", "m.csv", "--label-group", "other=*",
        "--size", "64", "--output", "out"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareImagesArguments.parse(args));

    assertTrue(failure.getMessage().contains("--label-column"), failure::getMessage);
  }

  @Test
  void refusesAValueInTwoLabelGroups() {
    String[] args = {"--images", "img", "--metadata", "m.csv", "--label-column", "finding",
        "--label-group", "viral=SARS,COVID-19", "--label-group", "other=SARS", "--size", "64",
        "--output", "out"};

    UsageException failure =
        assertThrows(UsageException.class, () -> PrepareImagesArguments.parse(args));

    assertTrue(failure.getMessage().contains("'SARS' is already in group 'viral'"),
        failure::getMessage);
  }
}
