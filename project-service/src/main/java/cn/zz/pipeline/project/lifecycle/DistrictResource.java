package cn.zz.pipeline.project.lifecycle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.project.config.GateSettings;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The districts (the one district table of the events module) with the 申报 gate thresholds in force there, for forms
 * and for checking the configuration.
 */
@Path("/api/districts")
@Tag(name = "项目 Projects")
@Produces(MediaType.APPLICATION_JSON)
public class DistrictResource {

    @Schema(name = "DistrictView", description = "区县及其申报门槛 (a district with its 申报 gate thresholds)")
    public record DistrictView(
            @Schema(required = true, description = "区县代码 (district code)", example = "410106") String code,
            @Schema(required = true, description = "区县名称 (name)", example = "上街区") String name,
            @Schema(required = true, description = "该区县的申报门槛 (the gate thresholds in force there)")
            GateSettings.Thresholds gates) {
    }

    @Inject
    GateSettings gates;

    @GET
    @Operation(summary = "区县及申报门槛 The districts and their gate thresholds")
    @APIResponse(responseCode = "200", description = "郑州市全部区县 (every district of the city)")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public List<DistrictView> list() {
        return District.all().stream().map(d -> new DistrictView(d.code(), d.name(), gates.forDistrict(d.code())))
                .toList();
    }
}
