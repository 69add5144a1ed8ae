package org.coevgan.job.resilience;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: one master and two single-core
 * workers, each its own JVM, started from the jars on the test classpath (linked into a
 * {@code jars/} folder that serves as SPARK_HOME). Every process it starts it stops again by
 * its own handle, and only those.
 */
final class StandaloneCluster implements AutoCloseable {
  private final Path home;
  private final int masterPort;
  private final int masterUiPort;
  private final Process master;
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path home, int masterPort, int masterUiPort, Process master) {
    this.home = home;
    this.masterPort = masterPort;
    this.masterUiPort = masterUiPort;
    this.master = master;
  }

  /** Starts a master and two workers and waits until both workers are alive. */
  static StandaloneCluster start(Path folder) throws IOException, InterruptedException {
    Path home = sparkHome(folder.resolve("spark-home"));
    int port = freePort();
    int uiPort = freePort();
    Process master = launch(home, folder.resolve("master.log"), List.of(
        "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        Integer.toString(port), "--webui-port", Integer.toString(uiPort)));
    StandaloneCluster cluster = new StandaloneCluster(home, port, uiPort, master);
    for (int i = 0; i < 2; i++) {
      cluster.workers.add(launch(home, folder.resolve("worker-" + i + ".log"), List.of(
          "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
          "--memory", "3g", "--webui-port", Integer.toString(freePort()),
          "--work-dir", folder.resolve("work-" + i).toString(), cluster.masterUrl())));
    }
    cluster.awaitAliveWorkers(2, Duration.ofSeconds(90));
    return cluster;
  }

  /** Returns the master's URL. */
  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Returns the folder serving as SPARK_HOME. */
  Path home() {
    return home;
  }

  /** Kills a worker and the executors it launched, with SIGKILL, as a lost node would go. */
  void killWorker(int index) throws InterruptedException {
    Process worker = workers.get(index);
    List<ProcessHandle> executors = worker.descendants().toList();
    worker.destroyForcibly();
    executors.forEach(ProcessHandle::destroyForcibly);
    worker.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    for (Process worker : workers) {
      worker.descendants().forEach(ProcessHandle::destroyForcibly);
      worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    master.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  private void awaitAliveWorkers(int expected, Duration timeout)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    URI status = URI.create("http://127.0.0.1:" + masterUiPort + "/json/");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String body = client.send(HttpRequest.newBuilder(status).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        if (body.contains("\"aliveworkers\" : " + expected)
            || body.contains("\"aliveworkers\":" + expected)) {
          return;
        }
      } catch (IOException notUpYet) {
        // The master's status page answers a few seconds after its JVM starts.
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("Cannot start the test cluster: " + expected
        + " workers did not register with the master within " + timeout.toSeconds() + " s");
  }

  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      Path link = jars.resolve(jar.getFileName().toString());
      if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !Files.exists(link)) {
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
    }
    return home;
  }

  /** The classpath entries that are folders (this project's classes), for the executors. */
  static String classFolders() {
    List<String> folders = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Files.isDirectory(Path.of(entry))) {
        folders.add(entry);
      }
    }
    return String.join(File.pathSeparator, folders);
  }

  private static Process launch(Path home, Path log, List<String> mainAndArguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(JvmFlags.sparkOpens());
    command.add("-cp");
    command.add(home.resolve("jars") + File.separator + "*");
    command.addAll(mainAndArguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("SPARK_HOME", home.toString());
    environment.put("SPARK_SCALA_VERSION", "2.12");
    environment.put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
