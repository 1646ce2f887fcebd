package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.project.Uploads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses an oversized ledger upload by its Content-Length before it is read ({@link Uploads}). */
@ApplicationScoped
public class UploadLimit {

    void install(@Observes Router router, LedgerImport importer, ObjectMapper mapper) throws JsonProcessingException {
        Uploads.refuseOversized(router, "/api/projects/import", importer.maxBytes(), mapper.writeValueAsString(
                XlsxUpload.tooLarge(importer.maxBytes()).toProblem("/api/projects/import")));
    }
}
