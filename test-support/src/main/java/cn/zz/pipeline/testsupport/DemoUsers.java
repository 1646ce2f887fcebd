package cn.zz.pipeline.testsupport;

import java.util.Map;

/** The realm's demo users as tests address them (deploy/keycloak/pipeline-realm.json; password = user name). */
public final class DemoUsers {

    /** The approver of each department, by the {@code department} claim. */
    public static final Map<String, String> APPROVER = Map.of("NDRC", "approver.ndrc", "NR", "approver.nr",
            "EE", "approver.ee", "HC", "approver.hc");

    private DemoUsers() {
    }
}
