package org.coevgan.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small line chart rendered to PNG with Java 2D (headless): named series over a shared x axis,
 * axes with tick labels, and a legend. Enough for per-generation curves in run reports.
 */
public final class LinePlot {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 420;
  private static final int MARGIN = 60;
  private static final Color[] PALETTE = {
    new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
    new Color(255, 127, 14), new Color(148, 103, 189)
  };

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<String> names = new ArrayList<>();
  private final List<double[][]> series = new ArrayList<>();

  /** Creates an empty plot with a title and axis labels. */
  public LinePlot(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** Adds a series of (x, y) points; non-finite y values are skipped when drawing. */
  public LinePlot add(String name, double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "Cannot plot series " + name + ": " + x.length + " x values but " + y.length + " y values");
    }
    names.add(name);
    series.add(new double[][] {x, y});
    return this;
  }

  /** Returns the chart as PNG bytes. */
  public byte[] png() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);

    double[] range = range();
    drawAxes(g, range);
    for (int i = 0; i < series.size(); i++) {
      drawSeries(g, series.get(i), range, PALETTE[i % PALETTE.length]);
      drawLegendEntry(g, i);
    }
    g.dispose();
    return encode(image);
  }

  private double[] range() {
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[][] points : series) {
      for (int i = 0; i < points[0].length; i++) {
        if (Double.isFinite(points[1][i])) {
          minX = Math.min(minX, points[0][i]);
          maxX = Math.max(maxX, points[0][i]);
          minY = Math.min(minY, points[1][i]);
          maxY = Math.max(maxY, points[1][i]);
        }
      }
    }
    if (!Double.isFinite(minX)) {
      return new double[] {0, 1, 0, 1};
    }
    double padY = maxY > minY ? 0.05 * (maxY - minY) : 0.5;
    return new double[] {minX, maxX > minX ? maxX : minX + 1, minY - padY, maxY + padY};
  }

  /**
   * Returns up to five whole-number ticks from {@code from} to {@code to}, evenly stepped: the x
   * axis counts generations, and a tick at generation 2.75 means nothing.
   */
  static java.util.SortedSet<Double> wholeTicks(double from, double to) {
    java.util.SortedSet<Double> ticks = new java.util.TreeSet<>();
    double step = Math.max(1, Math.ceil((to - from) / 4));
    for (double x = Math.ceil(from); x <= to + 1e-9; x += step) {
      ticks.add(x);
    }
    return ticks;
  }

  private void drawAxes(Graphics2D g, double[] range) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
    g.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
    for (double x : wholeTicks(range[0], range[1])) {
      g.drawString(format(x), px(x, range) - 10, HEIGHT - MARGIN + 18);
    }
    for (int tick = 0; tick <= 4; tick++) {
      double y = range[2] + (range[3] - range[2]) * tick / 4;
      g.drawString(format(y), 4, py(y, range) + 4);
    }
    g.drawString(xLabel, WIDTH / 2 - 30, HEIGHT - 15);
    g.drawString(yLabel, 4, MARGIN - 25);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, MARGIN, 22);
  }

  private void drawSeries(Graphics2D g, double[][] points, double[] range, Color color) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2f));
    int previousX = -1;
    int previousY = -1;
    for (int i = 0; i < points[0].length; i++) {
      if (!Double.isFinite(points[1][i])) {
        previousX = -1;
        continue;
      }
      int x = px(points[0][i], range);
      int y = py(points[1][i], range);
      g.fillOval(x - 3, y - 3, 6, 6);
      if (previousX >= 0) {
        g.drawLine(previousX, previousY, x, y);
      }
      previousX = x;
      previousY = y;
    }
  }

  private void drawLegendEntry(Graphics2D g, int index) {
    int top = MARGIN + 6 + index * 18;
    g.setColor(PALETTE[index % PALETTE.length]);
    g.fillRect(WIDTH - MARGIN - 170, top, 14, 10);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(names.get(index), WIDTH - MARGIN - 150, top + 10);
  }

  private static int px(double x, double[] range) {
    return MARGIN + (int) Math.round((x - range[0]) / (range[1] - range[0]) * (WIDTH - 2 * MARGIN));
  }

  private static int py(double y, double[] range) {
    return HEIGHT - MARGIN
        - (int) Math.round((y - range[2]) / (range[3] - range[2]) * (HEIGHT - 2 * MARGIN));
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.3g", value);
  }

  private static byte[] encode(BufferedImage image) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a plot as PNG", e);
    }
  }
}
