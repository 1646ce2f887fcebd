package cn.zz.pipeline.e2e.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The operations of one OpenAPI document, and which of them a request (method and path) is. */
public final class Operations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation: {@code GET /api/projects/{id}}. */
    public record Operation(String service, String method, String path, Pattern pattern, int literals) {
        @Override
        public String toString() {
            return service + " " + method.toUpperCase() + " " + path;
        }
    }

    final List<Operation> all;

    private Operations(List<Operation> all) {
        this.all = all;
    }

    static Operations of(String service, Path document) {
        JsonNode paths;
        try {
            paths = new ObjectMapper().readTree(document.toFile()).path("paths");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + document, e);
        }
        List<Operation> all = new ArrayList<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
                String method = m.next();
                if (METHODS.contains(method)) {
                    all.add(new Operation(service, method, path, pattern(path), literals(path)));
                }
            }
        }
        return new Operations(List.copyOf(all));
    }

    /** The operation a request is; a literal segment beats a template ({@code /districts} before {@code /{id}}). */
    Optional<Operation> match(String method, String path) {
        return all.stream().filter(o -> o.method.equalsIgnoreCase(method) && o.pattern.matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literals));
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static int literals(String template) {
        int n = 0;
        for (String segment : template.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                n++;
            }
        }
        return n;
    }
}
