/**
 * Lets users start the IDX ingestion with {@code spark-submit --class PrepareIdx}; it only
 * delegates to {@link org.coevgan.dataprep.PrepareIdx}, which documents the arguments.
 */
public final class PrepareIdx {
  private PrepareIdx() {}

  /** Runs {@link org.coevgan.dataprep.PrepareIdx#main} with the same arguments. */
  public static void main(String[] args) {
    org.coevgan.dataprep.PrepareIdx.main(args);
  }
}
