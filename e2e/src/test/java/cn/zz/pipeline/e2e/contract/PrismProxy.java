package cn.zz.pipeline.e2e.contract;

import cn.zz.pipeline.testsupport.KeycloakServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code prism proxy <document> <service> --errors} in front of one packaged service: every request and response
 * passing through is validated against the document the service itself serves at /q/openapi. A request that breaks
 * the document is answered by Prism with 422, a response that breaks it with 500, both typed
 * {@code https://stoplight.io/prism/errors#...}; lesser findings (an undocumented status) come back in the
 * {@code sl-violations} header. {@link ContractRecorder} reads both.
 */
final class PrismProxy implements AutoCloseable {

    final String service;
    final Path document;
    final int port;
    private final Process process;
    private final Path log;

    private PrismProxy(String service, Path document, int port, Process process, Path log) {
        this.service = service;
        this.document = document;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Fetches the service's OpenAPI document, starts Prism in front of the service and waits until it listens. */
    static PrismProxy start(String service, String upstream, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path document = workDir.resolve(service + ".json");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<Path> fetched = http.send(HttpRequest.newBuilder(URI.create(upstream + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofFile(document,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
            if (fetched.statusCode() != 200) {
                throw new IllegalStateException(service + " /q/openapi answered " + fetched.statusCode());
            }
            Path log = workDir.resolve(service + "-prism.log");
            int port = KeycloakServer.freePort();
            Process process = new ProcessBuilder(List.of(PrismTool.executable().toString(), "proxy",
                    document.toString(), upstream, "--errors", "--host", "127.0.0.1", "--port", Integer.toString(port)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PrismProxy proxy = new PrismProxy(service, document, port, process, log);
            proxy.awaitListening(http);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Prism for " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening(HttpClient http) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism for " + service + " exited:\n" + Files.readString(log));
            }
            if (Files.readString(log).contains("Prism is listening")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prism for " + service + " did not start in 60 s:\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
