package cn.zz.pipeline.platform.consumer;

import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * What this service's consumers have applied of one project's event stream: applied count, last sequence, and any
 * gaps or reordering seen. For operators checking that an event arrived exactly once.
 */
@Path("/api/admin/event-streams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "事件流 Event streams", description = "运维：本服务的消费者对一个项目事件流的处理情况 (operators: what this"
        + " service's consumers applied of a project's event stream)")
public class EventStreamResource {

    @Inject
    EntityManager em;

    @Schema(name = "StreamPosition", description = "一个消费者在一个主题上对该项目事件流的处理位置 (one consumer's position"
            + " in the subject's stream on one topic)")
    public record StreamPosition(
            @Schema(required = true, description = "消费者名称 (consumer)") String consumer,
            @Schema(required = true, description = "Kafka 主题 (topic)")
            String topic,
            @Schema(required = true, description = "事件主体：项目 ID (subject: the project id)", format = "uuid")
            String subject,
            @Schema(required = true, description = "已处理的最大序号 (the highest sequence applied)", example = "3")
            long lastSequence,
            @Schema(required = true, description = "已处理的事件数 (events applied)", example = "3") long applied,
            @Schema(required = true, description = "发现的序号缺口数 (gaps seen in the sequence)", example = "0")
            long gaps,
            @Schema(required = true, description = "乱序到达的事件数 (events that arrived out of order)", example = "0")
            long outOfOrder) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "一个项目事件流的消费位置 Consumer positions for one subject (project id)", description = "管理员"
            + "用于核对事件恰好处理一次；没有消费记录时为空列表 (admin: checks that each event was applied exactly once; an"
            + " empty list when no consumer saw the subject)")
    @APIResponse(responseCode = "200", description = "按消费者、主题排序 (by consumer, then topic)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StreamPosition.class)))
    @APIResponse(responseCode = "400", description = "subject 缺失或不是 UUID (subject missing or not a UUID)")
    public List<StreamPosition> positions(@Parameter(description = "事件主体：项目 ID (the subject: a project id)",
            required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                          @QueryParam("subject") String subject) {
        String id = Params.uuid("subject", subject).toString();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select consumer, topic, subject, last_sequence, applied, gaps,"
                        + " out_of_order from consumed_stream where subject = ?1 order by consumer, topic")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new StreamPosition((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue())).toList();
    }
}
