package cn.zz.pipeline.reporting.oc4ids;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.ledger.RowContext;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The projects as an OC4IDS project package (schema 0.9), written with a {@link JsonGenerator} while the rows come
 * from a database cursor. Mapping (docs/domain.md, "OC4IDS export"): 储备 → identification, 申报/入库 → preparation, 开工 →
 * implementation, 投产 → completion, 撤销 → cancelled; {@code id} = the configured prefix + the project code, which
 * {@code identifiers} also carries; budget and metric values in CNY (万元 × 10000); {@code metrics} has
 * financialProgress with one observation per reported period: the year's cumulative completed investment from 1
 * January to the end of the period's month (1-N月).
 */
@ApplicationScoped
public class Oc4idsExport {

    /** The OC4IDS version (major.minor) the package declares; the schema files of the tests are 0.9.3. */
    public static final String VERSION = "0.9";
    public static final String PROJECT_CODE_SCHEME = "CN-PROJECT-CODE";
    static final String INDUSTRY_SCHEME = "GB/T 4754-2017";
    static final String SECTOR_SCHEME = "CN-THREE-SECTORS";
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @Inject
    Db db;

    @Inject
    ReportingConfig config;

    @Inject
    Today today;

    @Inject
    ObjectMapper mapper;

    /**
     * Writes the package of the projects within {@code region} (a district prefix, null for all), optionally of one
     * stage. {@code packageUri} identifies the package (the request's URI).
     */
    public int write(OutputStream out, String region, Stage stage, String packageUri) throws IOException {
        ZoneId zone = today.zone();
        return db.read(s -> {
            Instant lastChange = Oc4idsProjects.lastChange(s, region, stage);
            try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
                g.writeStartObject();
                g.writeStringField("uri", packageUri);
                g.writeStringField("version", VERSION);
                g.writeStringField("publishedDate",
                        dateTime((lastChange == null ? today.now() : lastChange).atZone(zone).toOffsetDateTime()));
                g.writeObjectFieldStart("publisher");
                g.writeStringField("name", config.oc4ids().publisherName());
                g.writeEndObject();
                if (config.oc4ids().license().isPresent()) {
                    g.writeStringField("license", config.oc4ids().license().get());
                }
                g.writeArrayFieldStart("projects");
                int[] count = new int[1];
                Oc4idsProjects.each(s, region, stage, p -> {
                    project(g, p, zone);
                    count[0]++;
                });
                g.writeEndArray();
                g.writeEndObject();
                return count[0];
            }
        });
    }

    private void project(JsonGenerator g, Oc4idsProjects.Project p, ZoneId zone) throws IOException {
        String districtLabel = config.districtLabel(p.district());
        String authorityId = "district-" + p.district();
        String authorityName = Oc4idsCodes.authority(districtLabel);
        g.writeStartObject();
        g.writeStringField("id", config.oc4ids().prefix() + p.code());
        g.writeArrayFieldStart("identifiers");
        g.writeStartObject();
        g.writeStringField("id", p.code());
        g.writeStringField("scheme", PROJECT_CODE_SCHEME);
        g.writeEndObject();
        g.writeEndArray();
        if (p.updatedAt() != null) {
            g.writeStringField("updated", dateTime(p.updatedAt().atZoneSameInstant(zone).toOffsetDateTime()));
        }
        g.writeStringField("title", p.name());
        g.writeStringField("status", Oc4idsCodes.status(p.stage()));
        String type = Oc4idsCodes.type(p.constructionType());
        if (type != null) {
            g.writeStringField("type", type);
        }
        List<String> sectors = Oc4idsCodes.sectors(p.industry());
        if (!sectors.isEmpty()) {
            g.writeArrayFieldStart("sector");
            for (String s : sectors) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("additionalClassifications");
        classification(g, INDUSTRY_SCHEME, p.industry(), null);
        if (p.sector() != null) {
            classification(g, SECTOR_SCHEME, p.sector(), Oc4idsCodes.sectorLabel(p.sector()));
        }
        g.writeEndArray();
        if (p.plannedStart() != null || p.plannedProduction() != null) {
            g.writeObjectFieldStart("period");
            if (p.plannedStart() != null) {
                g.writeStringField("startDate", startOfDay(p.plannedStart(), zone));
            }
            if (p.plannedProduction() != null) {
                g.writeStringField("endDate", startOfDay(p.plannedProduction(), zone));
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeStringField("id", "1");
        g.writeStringField("description", p.park() == null || p.park().isBlank() ? districtLabel
                : districtLabel + " " + p.park());
        g.writeObjectFieldStart("address");
        g.writeStringField("locality", districtLabel);
        g.writeStringField("countryName", "中国");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("budget");
        g.writeFieldName("amount");
        value(g, p.totalInvestment());
        g.writeEndObject();
        g.writeArrayFieldStart("parties");
        g.writeStartObject();
        g.writeStringField("id", authorityId);
        g.writeStringField("name", authorityName);
        g.writeArrayFieldStart("roles");
        g.writeString("publicAuthority");
        g.writeEndArray();
        g.writeEndObject();
        if (p.ownerName() != null && !p.ownerName().isBlank()) {
            g.writeStartObject();
            g.writeStringField("id", "owner");
            g.writeStringField("name", p.ownerName());
            // The owner (建设单位) invests in and pays for the project: the partyRole codelist's funder.
            g.writeArrayFieldStart("roles");
            g.writeString("funder");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("publicAuthority");
        g.writeStringField("id", authorityId);
        g.writeStringField("name", authorityName);
        g.writeEndObject();
        if (!p.figures().isEmpty()) {
            g.writeArrayFieldStart("metrics");
            g.writeStartObject();
            g.writeStringField("id", "financialProgress");
            g.writeStringField("title", "完成投资（本年累计）");
            g.writeStringField("description", "本年 1 月至统计月末累计完成的固定资产投资（1-N月累计，1 月并入 1-2 月）");
            g.writeArrayFieldStart("observations");
            for (Oc4idsProjects.Figure f : p.figures()) {
                g.writeStartObject();
                g.writeStringField("id", YearMonth.of(f.year(), f.month()).toString());
                g.writeObjectFieldStart("period");
                g.writeStringField("startDate", startOfDay(LocalDate.of(f.year(), 1, 1), zone));
                g.writeStringField("endDate", dateTime(YearMonth.of(f.year(), f.month()).atEndOfMonth()
                        .atTime(23, 59, 59).atZone(zone).toOffsetDateTime()));
                g.writeEndObject();
                g.writeFieldName("value");
                value(g, f.amount());
                g.writeStringField("notes", f.year() + "年1-" + f.month() + "月累计完成投资");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
        }
        if (p.stage() == Stage.IN_PRODUCTION && p.productionOn() != null) {
            g.writeObjectFieldStart("completion");
            g.writeStringField("endDate", startOfDay(p.productionOn(), zone));
            g.writeEndObject();
        }
        g.writeStringField("language", "zh");
        g.writeEndObject();
    }

    private static void classification(JsonGenerator g, String scheme, String id, String description)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("scheme", scheme);
        g.writeStringField("id", id);
        if (description != null) {
            g.writeStringField("description", description);
        }
        g.writeEndObject();
    }

    /** A 万元 amount as an OC4IDS Value in CNY. */
    private static void value(JsonGenerator g, BigDecimal wan) throws IOException {
        g.writeStartObject();
        g.writeNumberField("amount", cny(wan));
        g.writeStringField("currency", "CNY");
        g.writeEndObject();
    }

    static BigDecimal cny(BigDecimal wan) {
        return RowContext.plain(wan.multiply(WAN));
    }

    private static String startOfDay(LocalDate d, ZoneId zone) {
        return dateTime(d.atStartOfDay(zone).toOffsetDateTime());
    }

    private static String dateTime(OffsetDateTime t) {
        return DATE_TIME.format(t);
    }
}
