package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.project.config.GateSettings;
import jakarta.annotation.security.RolesAllowed;
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
@Produces(MediaType.APPLICATION_JSON)
public class DistrictResource {

    public record DistrictView(String code, String name, GateSettings.Thresholds gates) {
    }

    @Inject
    GateSettings gates;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    public List<DistrictView> list() {
        return District.all().stream().map(d -> new DistrictView(d.code(), d.name(), gates.forDistrict(d.code())))
                .toList();
    }
}
