/**
 * Lets users start the image ingestion with {@code spark-submit --class PrepareImages}; it only
 * delegates to {@link org.coevgan.dataprep.PrepareImages}, which documents the arguments.
 */
public final class PrepareImages {
  private PrepareImages() {}

  /** Runs {@link org.coevgan.dataprep.PrepareImages#main} with the same arguments. */
  public static void main(String[] args) {
    org.coevgan.dataprep.PrepareImages.main(args);
  }
}
