package org.coevgan.job.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.GeneratorObjective;
import org.junit.jupiter.api.Test;

class TestIndividualStateSerialization {
  @Test
  void javaSerializationKeepsEveryFieldAndEveryBitOfTheVectors() throws Exception {
    float[] parameters = {0.25f, -1.5e-30f, Float.MAX_VALUE, -0.0f,
        Float.intBitsToFloat(0x7fc12345)};
    float[] moments = new float[1000];
    for (int i = 0; i < moments.length; i++) {
      moments[i] = (float) Math.sin(i) * 1e-3f;
    }
    IndividualState state = new IndividualState(parameters, moments, 17, 2.5e-4,
        GeneratorObjective.LEAST_SQUARES, new Cell(3, 4), 0.6931);

    IndividualState copy = roundTrip(state);

    assertEquals(floatBits(parameters), floatBits(copy.parameters()));
    assertArrayEquals(moments, copy.updaterState());
    assertEquals(17, copy.iterations());
    assertEquals(2.5e-4, copy.learningRate());
    assertEquals(GeneratorObjective.LEAST_SQUARES, copy.objective());
    assertEquals(new Cell(3, 4), copy.origin());
    assertEquals(0.6931, copy.fitness());
  }

  @Test
  void migratedCentersTravelWithoutAdamStateOrObjective() throws Exception {
    IndividualState discriminator = new IndividualState(new float[] {1f, 2f}, new float[4], 9,
        1e-3, null, new Cell(0, 1), Double.NaN);
    CellState cell = new CellState(new Cell(0, 1), 5, List.of(discriminator),
        List.of(discriminator));

    CellState copy = roundTrip(cell.centerForNeighbours());

    assertEquals(0, copy.centerGenerator().updaterState().length);
    assertEquals(0, copy.centerDiscriminator().iterations());
    assertEquals(null, copy.centerDiscriminator().objective());
    assertTrue(Double.isNaN(copy.centerDiscriminator().fitness()));
    assertArrayEquals(new float[] {1f, 2f}, copy.centerDiscriminator().parameters());
  }

  /** Serialises a value as Spark's Java serializer does and reads it back. */
  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  private static List<Integer> floatBits(float[] values) {
    List<Integer> bits = new java.util.ArrayList<>();
    for (float value : values) {
      bits.add(Float.floatToRawIntBits(value));
    }
    return bits;
  }
}
