package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.project.api.Pages;
import cn.zz.pipeline.project.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/**
 * 三个一批 campaigns (签约一批、开工一批、投产一批): an admin creates one; everyone reads them, each seeing the entries of
 * their own scope. Entries are set by {@link CampaignEntryResource}.
 */
@Path("/api/campaigns")
@Tag(name = "三个一批 Campaigns", description = "签约一批、开工一批、投产一批活动及其清单 (三个一批 campaigns and their"
        + " lists)")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CampaignService service;

    @Inject
    CampaignRepository campaigns;

    @Inject
    CampaignEntryRepository entries;

    @Inject
    CurrentUser user;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "创建三个一批活动 (create a 三个一批 campaign), admin")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewCampaign.class), examples = @ExampleObject(name = "第四期",
            value = "{\"name\": \"2026年第四期三个一批\", \"dueDate\": \"2026-12-31\"}")))
    @APIResponse(responseCode = "201", description = "创建成功 (created); Location names the campaign",
            headers = @Header(name = "Location", description = "/api/campaigns/{id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "every invalid field: name required / too-long / PlainText,"
            + " dueDate required / out-of-range (2000-01-01 to five years from today), malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "campaign-exists: a campaign of this name exists (violation on"
            + " name, code duplicate)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(NewCampaign body, @Context UriInfo uri) {
        if (body == null) {
            throw ApiException.badRequest(new Violation("", "required", "请求体不能为空 (a JSON body is required)", null,
                    null));
        }
        Campaign c = service.create(body, user.name());
        return Response.created(uri.getAbsolutePathBuilder().path(c.id().toString()).build())
                .entity(CampaignView.of(c)).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "三个一批活动列表，最新的在前 (campaigns, newest first)")
    @APIResponse(responseCode = "200", description = "一页活动 (a page {items, total, page, size}, page 1-based)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.CampaignPage.class)))
    @APIResponse(responseCode = "400", description = "page or size out of range (size 1 to 200)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<CampaignView> list(
            @Parameter(description = ApiDocs.PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100000", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = ApiDocs.SIZE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "20")) @QueryParam("size") String size) {
        PageView<Campaign> found = campaigns.page(Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
        return new PageView<>(found.items().stream().map(CampaignView::of).toList(), found.total(), found.page(),
                found.size());
    }

    /** The campaign with the entries within the caller's scope ({@code district} may narrow it, never widen it). */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "一个三个一批活动及其辖区内的项目 (a campaign with the entries within your scope)")
    @APIResponse(responseCode = "200", description = "the campaign, its entries within the scope and the count per"
            + " list", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignDetail.class)))
    @APIResponse(responseCode = "401", description = "no valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignDetail get(@Parameter(description = "活动 ID (campaign id)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
                              @Parameter(description = "区县代码或其前缀 (region code or prefix: 410106 上街区, 4101 the"
                                      + " whole city) within your scope; absent: your whole scope", schema = @Schema(
                                      type = SchemaType.STRING, pattern = "^[0-9]{2,6}$", example = "410106"))
                              @QueryParam("district") String district,
                              @Parameter(description = "只看一个清单 (one list only): SIGN 签约一批, START 开工一批,"
                                      + " PRODUCE 投产一批", schema = @Schema(type = SchemaType.STRING,
                                      enumeration = {"SIGN", "START", "PRODUCE"}))
                              @QueryParam("list") String list) {
        Campaign c = campaigns.byId(Params.pathId("三个一批活动 campaign", id));
        String region = user.scope(district);
        List<EntryView> found = entries.ofCampaign(c.id(), region, Params.enumParam("list", list, CampaignList.class))
                .stream().map(e -> EntryView.of(e, e.project())).toList();
        return CampaignDetail.of(c, found);
    }
}
