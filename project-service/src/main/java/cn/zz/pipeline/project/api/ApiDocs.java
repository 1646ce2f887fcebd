package cn.zz.pipeline.project.api;

/**
 * The wording the service's OpenAPI document repeats: parameter and header descriptions, so that every operation
 * says the same thing the same way.
 */
public final class ApiDocs {

    public static final String PROJECT_ID = "项目 ID (project id, a UUID)";
    public static final String IF_MATCH = "可选：项目的 ETag，如 \"7\"；过期为 409 (optional: the project's ETag; a stale one"
            + " is 409)";
    public static final String IF_MATCH_REQUIRED = "必填：项目的 ETag，如 \"7\"；缺少为 428，过期为 409 (the project's ETag:"
            + " missing is 428, stale is 409)";
    public static final String ETAG = "项目的版本 (the project's version), e.g. \"7\"";
    public static final String LOCATION = "新资源的地址 (the new resource's URL)";
    public static final String PAGE = "页码，从 1 开始 (page, 1-based)";
    public static final String SIZE = "每页条数 (page size)";
    public static final String DISTRICT = "区县代码或其前缀（410106 上街区，4101 全市），不超出调用者辖区；缺省为调用者的全部辖区"
            + " (region code or prefix within the caller's scope; absent: the whole scope)";
    public static final String DRY_RUN = "true：只校验、不写入 (only check, write nothing)";

    public static final String NOT_FOUND_PROJECT = "项目不存在 (no such project)";
    public static final String FORBIDDEN_WRITE = "角色无权，或项目不在调用者的区县 (the role may not write, or the project lies"
            + " outside the caller's district)";
    public static final String FORBIDDEN_READ = "项目不在调用者的辖区内 (the project lies outside the caller's scope)";
    public static final String STALE = "If-Match 版本过期或并发修改 (stale-version)，或项目已撤销 (project-closed)";

    private ApiDocs() {
    }
}
