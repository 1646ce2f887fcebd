package cn.zz.pipeline.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * stack.sh on a JDK 25: a service without a cache runs as a training run, the next start assembles the AOT cache from
 * it and starts from it, and a start on the default JDK goes back to the usual options. Needs a JDK 25 or newer
 * installed beside the JDK that runs the tests (as on the machines this project is built on); skipped without one.
 */
class StartCacheE2ETest {

    private static final String SERVICE = "approval-service";

    @Test
    void aServiceTrainsOnItsFirstRunAndStartsFromItsAotCacheOnTheNext() throws Exception {
        Optional<String> jdk25 = javaOfFeatureAtLeast(25);
        assumeTrue(jdk25.isPresent(), "no JDK 25 or newer installed beside " + System.getProperty("java.home"));
        Stack stack = Stack.shared();
        Map<String, String> on25 = Map.of("PIPELINE_JAVA", jdk25.get());
        Path aot = stack.home.resolve("data").resolve(SERVICE).resolve("aot");
        try {
            // A cache of an earlier run of this home would skip the training: start from none.
            deleteTree(aot);
            String first = stack.run(on25, 300, "restart", SERVICE);
            assertThat(first).doesNotContain("assembling");
            assertThat(commandLine(stack)).contains("-XX:AOTMode=record").noneMatch(a -> a.startsWith("-XX:AOTCache="));
            answers(stack);

            // Stopping the training run writes what it loaded; the next start assembles the cache and uses it.
            String second = stack.run(on25, 300, "restart", SERVICE);
            assertThat(second).contains("assembling its AOT cache").doesNotContain("could not be assembled");
            assertThat(Files.size(aot.resolve("app.aot"))).isPositive();
            assertThat(commandLine(stack)).doesNotContain("-XX:AOTMode=record")
                    .anyMatch(a -> a.startsWith("-XX:AOTCache=") && a.endsWith("/data/" + SERVICE + "/aot/app.aot"));
            assertThat(logOfLastStart(stack)).as("the JVM took the cache without a complaint")
                    .noneMatch(l -> l.contains("[aot]") && (l.contains("warning") || l.contains("error")));
            answers(stack);
        } finally {
            stack.run(300, "restart", SERVICE);
        }
        if (featureOf(defaultJava()) < 25) {
            assertThat(commandLine(stack)).as("back on the stack's own JDK, without the cache")
                    .noneMatch(a -> a.startsWith("-XX:AOT"));
        }
        answers(stack);
    }

    private static void answers(Stack stack) {
        given().header("Authorization", stack.bearer("leader.city"))
                .get("http://localhost:" + stack.approvalPort + "/api/approval-cases").then().statusCode(200);
    }

    private static List<String> commandLine(Stack stack) throws IOException {
        String pid = Files.readString(stack.home.resolve("run").resolve(SERVICE + ".pid")).strip();
        String raw = Files.readString(Path.of("/proc", pid, "cmdline"), StandardCharsets.UTF_8);
        return List.of(raw.split("\0"));
    }

    /** The service's log from the marker stack.sh writes at its last start. */
    private static List<String> logOfLastStart(Stack stack) throws IOException {
        List<String> lines = Files.readAllLines(stack.home.resolve("logs").resolve(SERVICE + ".log"));
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("stack.sh starting " + SERVICE)) {
                from = i;
            }
        }
        return lines.subList(from, lines.size());
    }

    /**
     * A java of the given feature release or newer installed beside the JDK running the tests (its parent folder, where
     * system packages put every JDK), if any.
     */
    static Optional<String> javaOfFeatureAtLeast(int feature) throws IOException, InterruptedException {
        Path jdks = Path.of(System.getProperty("java.home")).toRealPath().getParent();
        List<Path> candidates = new ArrayList<>();
        try (var dirs = Files.list(jdks)) {
            dirs.map(d -> d.resolve("bin").resolve("java")).filter(Files::isExecutable).sorted()
                    .forEach(candidates::add);
        }
        for (Path java : candidates) {
            if (featureOf(java.toString()) >= feature) {
                return Optional.of(java.toString());
            }
        }
        return Optional.empty();
    }

    /** The java stack.sh runs when PIPELINE_JAVA is not set for a run (as stack.sh chooses it). */
    private static String defaultJava() {
        String pipelineJava = System.getenv("PIPELINE_JAVA");
        String javaHome = System.getenv("JAVA_HOME");
        if (pipelineJava != null && !pipelineJava.isBlank()) {
            return pipelineJava;
        }
        if (javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))) {
            return Path.of(javaHome, "bin", "java").toString();
        }
        return "java";
    }

    /** The feature release of a java (17, 25, ...), 0 if it does not answer. */
    private static int featureOf(String java) throws InterruptedException {
        for (String line : run(java, "-XshowSettings:properties", "-version")) {
            String t = line.strip();
            if (t.startsWith("java.specification.version = ")) {
                String v = t.substring("java.specification.version = ".length()).replaceFirst("^1\\.", "");
                return v.matches("\\d+") ? Integer.parseInt(v) : 0;
            }
        }
        return 0;
    }

    private static List<String> run(String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return List.of();
            }
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of(); // no such command here
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.delete(all.get(i));
        }
    }
}
