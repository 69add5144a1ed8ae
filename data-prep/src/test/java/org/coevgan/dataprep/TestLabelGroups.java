package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestLabelGroups {
  @Test
  void mapsListedValuesToTheirGroupAndTheRestToTheStarGroup() {
    LabelGroups groups = LabelGroups.parse(List.of("viral= COVID-19 , SARS", "other=*"));

    assertEquals("viral", groups.labelOf("COVID-19"));
    assertEquals("viral", groups.labelOf(" SARS "));
    assertEquals("other", groups.labelOf("ARDS"));
    assertEquals("other", groups.labelOf("No Finding"));
  }

  @Test
  void valuesNoGroupListsKeepTheirOwnLabelWithoutAStarGroup() {
    LabelGroups groups = LabelGroups.parse(List.of("bacterial=Streptococcus,Klebsiella"));

    assertEquals("bacterial", groups.labelOf("Klebsiella"));
    assertEquals("SARS", groups.labelOf("SARS"));
    assertTrue(LabelGroups.parse(List.of()).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-equals", "=COVID-19", "other=", "other=SARS,,ARDS", " =*"})
  void refusesGroupsNotWrittenAsNameEqualsValues(String text) {
    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> LabelGroups.parse(List.of(text)));

    assertTrue(failure.getMessage().contains("'" + text + "'"), failure::getMessage);
    assertTrue(failure.getMessage().contains("NAME=VALUE"), failure::getMessage);
  }

  @Test
  void refusesTwoStarGroupsAndANameGivenTwice() {
    IllegalArgumentException twoStars = assertThrows(IllegalArgumentException.class,
        () -> LabelGroups.parse(List.of("a=*", "b=*")));
    IllegalArgumentException nameTwice = assertThrows(IllegalArgumentException.class,
        () -> LabelGroups.parse(List.of("a=SARS", "a=ARDS")));

    assertTrue(twoStars.getMessage().contains("'*' is already in group 'a'"),
        twoStars::getMessage);
    assertTrue(nameTwice.getMessage().contains("group 'a' is given twice"),
        nameTwice::getMessage);
  }

  @Test
  void refusesAListedValueNoKeptImageHasNamingItAndThePresentValues() {
    LabelGroups groups = LabelGroups.parse(List.of("viral=COVID-19,SARS-typo"));

    BadInputException failure = assertThrows(BadInputException.class,
        () -> groups.checkAgainst("finding", Set.of("COVID-19", " SARS")));

    assertTrue(failure.getMessage().contains("finding = [SARS-typo]"), failure::getMessage);
    assertTrue(failure.getMessage().contains("[COVID-19, SARS]"), failure::getMessage);
  }
}
