package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reviewer cases: a group name must not silently merge with a value that keeps its label. */
class TestLabelGroupsBreak {
  @Test
  void refusesAGroupNamedLikeAValueThatKeepsItsOwnLabel() {
    LabelGroups groups = LabelGroups.parse(List.of("ARDS=SARS"));

    BadInputException refused = assertThrows(BadInputException.class,
        () -> groups.checkAgainst("finding", Set.of("ARDS", "SARS", "COVID-19")));

    assertTrue(refused.getMessage().contains("'ARDS'"), refused.getMessage());
  }

  @Test
  void acceptsAGroupNamedLikeOneOfItsOwnValuesOrWithAStarGroup() {
    Set<String> present = Set.of("ARDS", "SARS", "COVID-19");

    assertDoesNotThrow(() -> LabelGroups.parse(List.of("ARDS=ARDS,SARS"))
        .checkAgainst("finding", present));
    assertDoesNotThrow(() -> LabelGroups.parse(List.of("ARDS=SARS", "other=*"))
        .checkAgainst("finding", present));
  }
}
