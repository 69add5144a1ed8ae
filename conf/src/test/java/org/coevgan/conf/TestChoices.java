package org.coevgan.conf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests the configured spellings of the mode enums and the neighbourhood offsets. */
class TestChoices {
  @Test
  void listsVonNeumannOffsetsWithTheCellFirst() {
    List<int[]> offsets = Neighbourhood.VON_NEUMANN.offsets();

    assertEquals(5, offsets.size());
    assertArrayEquals(new int[] {0, 0}, offsets.get(0));
    assertArrayEquals(new int[] {-1, 0}, offsets.get(1));
    assertArrayEquals(new int[] {1, 0}, offsets.get(2));
    assertArrayEquals(new int[] {0, -1}, offsets.get(3));
    assertArrayEquals(new int[] {0, 1}, offsets.get(4));
  }

  @Test
  void addsTheFourDiagonalsForMoore() {
    List<int[]> offsets = Neighbourhood.MOORE.offsets();

    assertEquals(9, offsets.size());
    assertArrayEquals(new int[] {0, 0}, offsets.get(0));
    assertArrayEquals(new int[] {-1, -1}, offsets.get(5));
    assertArrayEquals(new int[] {1, 1}, offsets.get(8));
  }

  @Test
  void handsOutOffsetsThatCallersCannotCorrupt() {
    Neighbourhood.VON_NEUMANN.offsets().get(1)[0] = 7;

    int[] north = Neighbourhood.VON_NEUMANN.offsets().get(1);

    assertArrayEquals(new int[] {-1, 0}, north);
  }

  @Test
  void parsesEachConfiguredSpelling() {
    assertEquals(Neighbourhood.VON_NEUMANN, Neighbourhood.parse("k", "von-neumann", "f.yaml"));
    assertEquals(Neighbourhood.MOORE, Neighbourhood.parse("k", "moore", "f.yaml"));
    assertEquals(FitnessMode.AVERAGE, FitnessMode.parse("k", "average", "f.yaml"));
    assertEquals(FitnessMode.BEST, FitnessMode.parse("k", "best", "f.yaml"));
    assertEquals(FitnessMode.WORST, FitnessMode.parse("k", "worst", "f.yaml"));
    assertEquals(NetworkPreset.FOUR_LAYER_PERCEPTRON, NetworkPreset.parse("k", "4lp", "f.yaml"));
    assertEquals(NetworkPreset.REFERENCE_PERCEPTRON,
        NetworkPreset.parse("k", "reference-4lp", "f.yaml"));
    assertEquals(LossFunction.BCE, LossFunction.parse("k", "bce", "f.yaml"));
    assertEquals(LossFunction.MSE, LossFunction.parse("k", "mse", "f.yaml"));
    assertEquals(LossFunction.HEURISTIC, LossFunction.parse("k", "heuristic", "f.yaml"));
    assertEquals(LossFunction.MUSTANGS, LossFunction.parse("k", "mustangs", "f.yaml"));
  }

  @Test
  void rejectsAnUnknownSpellingNamingKeyValueFileAndChoices() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> Neighbourhood.parse("grid.neighbourhood", "hexagonal", "conf/a.yaml"));

    assertEquals("Cannot load conf/a.yaml: grid.neighbourhood must be one of von-neumann, moore "
        + "but is 'hexagonal'; set grid.neighbourhood to one of those.", error.getMessage());
  }

  @Test
  void rejectsTheJavaNameOfAConstant() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> LossFunction.parse("network.loss", "BCE", "conf/a.yaml"));

    assertEquals("Cannot load conf/a.yaml: network.loss must be one of bce, mse, heuristic, "
        + "mustangs but is 'BCE'; set network.loss to one of those.", error.getMessage());
  }
}
