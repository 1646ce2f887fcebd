package cn.zz.pipeline.platform;

import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.platform.outbox.Outbox;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tiny business API on top of the platform: one row plus its events in one transaction. */
@Path("/test/business")
public class TestBusinessResource {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CurrentUser user;

    public record Body(@NotBlank @Size(max = 50) String name, @NotNull @DecimalMin("500") BigDecimal amount,
                       @Valid List<@NotBlank String> tags) {
    }

    /** Writes the row and {@code events} outbox rows (sequence 1..n); fails after writing when asked to. */
    @POST
    @Path("/{id}")
    @RolesAllowed("staff")
    @Transactional
    public Response write(@PathParam("id") UUID id, @QueryParam("events") int events, @QueryParam("fail") boolean fail,
                          @Valid Body body) {
        user.requireWrite("410106");
        em.createNativeQuery("insert into test_business (id, name) values (?1, ?2)")
                .setParameter(1, id).setParameter(2, body.name()).executeUpdate();
        outbox.publish(id.toString(), 1, Instant.now(), new ProjectRegistered(TestFixtures.snapshot(id, body.name()),
                user.name()));
        for (int i = 2; i <= events; i++) {
            outbox.publish(id.toString(), i, Instant.now(), new ProjectUpdated(TestFixtures.snapshot(id, body.name()),
                    List.of("name"), user.name()));
        }
        if (fail) {
            throw ApiException.unprocessable("test-refused", "拒绝 Refused", "refused after writing",
                    List.of(new Violation("name", "test", "测试", body.name(), null)));
        }
        return Response.status(201).build();
    }

    /** The database ends this request's connection (as a restart of PostgreSQL does). */
    @POST
    @Path("/database-gone")
    @RolesAllowed("staff")
    @Transactional
    public Response databaseGone() {
        em.createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getResultList();
        return Response.ok().build();
    }

    @POST
    @Path("/boom")
    @RolesAllowed("staff")
    public Response boom() {
        throw new IllegalStateException("secret internal detail com.example.Secret");
    }
}
