package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.project.Uploads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses an oversized material upload by its Content-Length before it is read ({@link Uploads}). */
@ApplicationScoped
public class UploadLimit {

    void install(@Observes Router router, MaterialsConfig config, ObjectMapper mapper) throws JsonProcessingException {
        Uploads.refuseOversized(router, "/api/projects/[^/]+/materials/?", config.maxBytes(), mapper.writeValueAsString(
                MaterialService.tooLarge(config.maxBytes()).toProblem("/api/projects/{id}/materials")));
    }
}
