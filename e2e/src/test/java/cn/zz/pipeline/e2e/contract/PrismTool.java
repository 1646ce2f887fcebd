package cn.zz.pipeline.e2e.contract;

import static org.junit.jupiter.api.Assertions.fail;

import cn.zz.pipeline.testsupport.KeycloakServer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism, pinned with its whole dependency tree in e2e/prism (package.json and package-lock.json). The first
 * run installs it with {@code npm ci} (what .ci/run also does); a machine without Node.js fails the test with what to
 * install, never skips it.
 */
final class PrismTool {

    static final Path HOME = KeycloakServer.projectRoot().resolve("e2e/prism");

    private PrismTool() {
    }

    /** The prism executable, installed first if it is missing. */
    static synchronized Path executable() {
        Path prism = HOME.resolve("node_modules/.bin/prism");
        if (Files.isExecutable(prism)) {
            return prism;
        }
        try (FileChannel channel = FileChannel.open(HOME.resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (!Files.isExecutable(prism)) {
                npmCi();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot install Prism in " + HOME, e);
        }
        if (!Files.isExecutable(prism)) {
            fail("npm ci in " + HOME + " did not install " + prism);
        }
        return prism;
    }

    private static void npmCi() throws IOException {
        Path log = Files.createTempFile("npm-ci-", ".log");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(HOME.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            fail("Node.js 20 and npm are needed to run Stoplight Prism (the contract test's validating proxy):"
                    + " install them (apt-get install -y nodejs npm; .ci/run does this). " + e.getMessage());
            return;
        }
        try {
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                fail("npm ci in " + HOME + " failed:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
