import org.coevgan.job.model.GenerateImagesMain;

/**
 * Entry point for {@code GenerateImages --model DIR --count N --output DIR [--seed S]}, which
 * draws images from a run's saved mixture. It lives in the unnamed package so that the class
 * name alone is enough on the command line; the work happens in {@link GenerateImagesMain}.
 */
public final class GenerateImages {
  private GenerateImages() {}

  /** Generates the images and exits with the command's status code. */
  public static void main(String[] args) {
    int status = GenerateImagesMain.run(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
