package cn.zz.pipeline.platform.security;

/** Realm roles of the Keycloak realm "pipeline". */
public final class Roles {
    public static final String STAFF = "staff";
    public static final String APPROVER = "approver";
    public static final String LEADER = "leader";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
