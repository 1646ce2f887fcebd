package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The rule table (审批规则表) that decides which departments a declared project needs. Everyone signed in may read
 * it; admin writes a new version with If-Match (the current version, as the ETag says). Earlier versions stay
 * readable: each case names the version that chose its tasks.
 */
@Path("/api/approval-rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

    @Inject
    RuleTable table;

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    public Response current() {
        RuleSet set = table.current();
        return Response.ok(set).header("ETag", IfMatch.etag(set.version())).build();
    }

    @GET
    @Path("versions/{version}")
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    public Response version(@PathParam("version") String version) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("审批规则表版本 (rule table version)", Params.cut(version));
        }
        RuleSet set = table.version(v);
        return Response.ok(set).header("ETag", IfMatch.etag(set.version())).build();
    }

    /** 200 with the new version; 400 naming every invalid field; 428 without If-Match; 409 when stale. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response replace(@HeaderParam("If-Match") String ifMatch, RulesRequest body) {
        if (body == null) {
            throw ApiException.badRequest(new Violation("rules", "required",
                    "请求体应为 {\"rules\":[...]}", null, null));
        }
        RuleSet set = table.save(body.rules(), body.comment(), user.name(), ifMatch);
        return Response.ok(set).header("ETag", IfMatch.etag(set.version())).build();
    }
}
