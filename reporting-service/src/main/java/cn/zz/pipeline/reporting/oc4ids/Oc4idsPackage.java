package cn.zz.pipeline.reporting.oc4ids;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The OC4IDS project package as the OpenAPI document names it; {@link Oc4idsExport} streams it field by field, so
 * this record is documentation only. A project follows the OC4IDS 0.9 project schema.
 */
@Schema(description = "OC4IDS 项目数据包 (an OC4IDS 0.9 project package)")
record Oc4idsPackage(
        @Schema(required = true, description = "数据包 URI：请求的地址 (the package's URI: the request's)") String uri,
        @Schema(required = true, description = "OC4IDS 版本 (schema version)", examples = "0.9") String version,
        @Schema(required = true, description = "发布时间：所含项目或其填报的最近变更 (the latest change of its projects)",
                format = "date-time") String publishedDate,
        @Schema(required = true, description = "发布者 (publisher)") Publisher publisher,
        @Schema(description = "许可协议 URI；未配置时不出现 (license, when configured)") String license,
        @Schema(required = true, description = "项目，OC4IDS project 对象 (the projects, OC4IDS project objects)")
        List<Map<String, Object>> projects) {

    @Schema(description = "发布者 (publisher)")
    record Publisher(@Schema(required = true, description = "名称 (name)") String name) {
    }
}
