package cn.zz.pipeline.project.api;

import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.project.config.Districts;
import cn.zz.pipeline.project.config.GateSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The configured districts with the gate thresholds in force there (for forms and for checking configuration). */
@Path("/api/districts")
@Produces(MediaType.APPLICATION_JSON)
public class DistrictResource {

    public record DistrictView(String code, String name, GateSettings.Thresholds gates) {
    }

    @Inject
    Districts districts;

    @Inject
    GateSettings gates;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public List<DistrictView> list() {
        return districts.all().entrySet().stream()
                .map(e -> new DistrictView(e.getKey(), e.getValue(), gates.forDistrict(e.getKey()))).toList();
    }
}
