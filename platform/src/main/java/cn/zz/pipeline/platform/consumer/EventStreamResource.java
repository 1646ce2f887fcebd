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

import java.util.List;

/**
 * What this service's consumers have applied of one project's event stream: applied count, last sequence, and any
 * gaps or reordering seen. For operators checking that an event arrived exactly once.
 */
@Path("/api/admin/event-streams")
@Produces(MediaType.APPLICATION_JSON)
public class EventStreamResource {

    @Inject
    EntityManager em;

    public record StreamPosition(String consumer, String topic, String subject, long lastSequence, long applied,
                                 long gaps, long outOfOrder) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Consumer positions for one subject (project id)")
    public List<StreamPosition> positions(@QueryParam("subject") String subject) {
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
