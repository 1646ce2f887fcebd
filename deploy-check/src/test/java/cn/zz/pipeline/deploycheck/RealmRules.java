package cn.zz.pipeline.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a realm fit for production, as a list of broken rules (empty: fit). The demo realm's users
 * (password = user name) are for the local stack only; in production people log in with their own credentials.
 */
final class RealmRules {

    /** The one client meant for scripts: the password grant (direct access grants) is allowed there only. */
    static final String SCRIPT_CLIENT = "pipeline-cli";

    private static final Pattern MIN_LENGTH = Pattern.compile("\\blength\\((\\d+)\\)");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "0.0.0.0");

    private RealmRules() {
    }

    static List<String> broken(JsonNode realm) {
        List<String> broken = new ArrayList<>();
        if (realm.path("users").size() > 0) {
            broken.add("has users (" + realm.path("users").size() + "): production users are never imported from a file");
        }
        if (!realm.path("bruteForceProtected").asBoolean(false)) {
            broken.add("brute-force protection is off");
        }
        if (realm.path("failureFactor").asInt(0) < 1) {
            broken.add("brute-force protection has no failure factor");
        }
        String policy = realm.path("passwordPolicy").asText("");
        Matcher length = MIN_LENGTH.matcher(policy);
        if (!length.find() || Integer.parseInt(length.group(1)) < 12) {
            broken.add("password policy lacks length(12) or more: '" + policy + "'");
        }
        if (!policy.contains("notUsername")) {
            broken.add("password policy allows the user name as password: '" + policy + "'");
        }
        if (realm.path("registrationAllowed").asBoolean(false)) {
            broken.add("self-registration is on");
        }
        if ("none".equals(realm.path("sslRequired").asText())) {
            broken.add("sslRequired is none");
        }
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (client.path("directAccessGrantsEnabled").asBoolean(false) && !SCRIPT_CLIENT.equals(id)) {
                broken.add(id + ": direct access grants on a client not meant for scripts");
            }
            if (client.path("implicitFlowEnabled").asBoolean(false)) {
                broken.add(id + ": implicit flow");
            }
            client.path("redirectUris").forEach(uri -> address(broken, id, "redirect URI", uri.asText(), true));
            client.path("webOrigins").forEach(uri -> address(broken, id, "web origin", uri.asText(), false));
            String logout = client.path("attributes").path("post.logout.redirect.uris").asText("");
            for (String uri : logout.isEmpty() ? new String[0] : logout.split("##")) {
                address(broken, id, "post-logout redirect URI", uri, true);
            }
            if (client.has("rootUrl")) {
                address(broken, id, "root URL", client.path("rootUrl").asText(), false);
            }
        }
        return broken;
    }

    /**
     * An address names a real host over https: no wildcard host or bare "*", no "+" (which copies the redirect URIs),
     * no local address. A redirect URI may end in "/*" below a named path (Keycloak matches the path prefix).
     */
    private static void address(List<String> broken, String client, String what, String value, boolean path) {
        String v = value.strip();
        String where = client + ": " + what + " '" + value + "'";
        if (v.equals("*") || v.equals("+") || v.equals("/*")) {
            broken.add(where + " names no host");
            return;
        }
        String withoutTrailing = path && v.endsWith("/*") ? v.substring(0, v.length() - 2) : v;
        if (withoutTrailing.contains("*")) {
            broken.add(where + " has a wildcard");
            return;
        }
        URI uri;
        try {
            uri = URI.create(withoutTrailing);
        } catch (IllegalArgumentException e) {
            broken.add(where + " is not a URI");
            return;
        }
        if (!"https".equals(uri.getScheme())) {
            broken.add(where + " is not https");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !host.contains(".") || LOCAL_HOSTS.contains(host)) {
            broken.add(where + " does not name a real host");
        }
        if (path && v.endsWith("/*") && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
            broken.add(where + " admits every path of the host");
        }
    }
}
