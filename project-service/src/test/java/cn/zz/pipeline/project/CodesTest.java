package cn.zz.pipeline.project;

import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.project.lifecycle.CreditCode;
import cn.zz.pipeline.project.lifecycle.IndustryCode;
import cn.zz.pipeline.project.lifecycle.ProjectCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check-character algorithms against published examples (plain unit tests, no server). */
class CodesTest {

    @Test
    void creditCodeCheckCharacter() {
        // published example codes of GB 32100-2015
        assertThat(CreditCode.check("c", "91350100M000100Y43")).isEmpty();
        assertThat(CreditCode.checkCharacter("91110108551385082")).isEqualTo('Q'); // 91110108551385082Q
        assertThat(CreditCode.check("c", "91350100M000100Y44")).get()
                .satisfies(v -> assertThat(v.code()).isEqualTo("check-character"));
        assertThat(CreditCode.check("c", "91350100M000100Y4")).get()
                .satisfies(v -> assertThat(v.code()).isEqualTo("invalid-format"));
    }

    @Test
    void projectCodeCheckCharacterIsIso7064Mod112() {
        // the same algorithm as the ID card: 11010519491231002 → X
        assertThat(ProjectCode.checkCharacter("0011010519491231002")).isEqualTo('X');
        String code = ProjectCode.of(2025, "410106", "01", "02", 42);
        assertThat(code).startsWith("2025-410106-01-02-00042");
        assertThat(ProjectCode.check("code", code)).isEmpty();
        assertThat(ProjectCode.check("code", "2025-410106-01-05-00042" + code.charAt(23))).isPresent();
    }

    @Test
    void industrySectors() {
        assertThat(IndustryCode.sector("A0511")).isEqualTo(Sector.TERTIARY);
        assertThat(IndustryCode.sector("A01")).isEqualTo(Sector.PRIMARY);
        assertThat(IndustryCode.sector("B1120")).isEqualTo(Sector.TERTIARY);
        assertThat(IndustryCode.sector("B0610")).isEqualTo(Sector.SECONDARY);
        assertThat(IndustryCode.sector("C4320")).isEqualTo(Sector.TERTIARY);
        assertThat(IndustryCode.sector("E4811")).isEqualTo(Sector.SECONDARY);
        assertThat(IndustryCode.sector("G5411")).isEqualTo(Sector.TERTIARY);
        assertThat(IndustryCode.industrial("D4411")).isTrue();
        assertThat(IndustryCode.industrial("E4811")).isFalse();
        assertThat(IndustryCode.check("i", "T98")).isEmpty();
        assertThat(IndustryCode.check("i", "T97")).isPresent();
        assertThat(IndustryCode.check("i", "K7010")).isEmpty();
    }
}
