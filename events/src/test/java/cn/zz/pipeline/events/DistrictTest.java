package cn.zz.pipeline.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one district table: the city's 15 regions, the six urban districts as the 六区 ranking group. */
class DistrictTest {

    @Test
    void theTableHoldsTheCityWithItsSixUrbanDistricts() {
        assertThat(District.all()).hasSize(15).allSatisfy(d -> assertThat(d.code()).startsWith(District.CITY));
        assertThat(District.group("urban")).extracting(District::name)
                .containsExactly("中原区", "二七区", "管城回族区", "金水区", "上街区", "惠济区");
        assertThat(District.group("urban")).extracting(District::groupLabel).containsOnly("六区");
        assertThat(District.byCode("410184")).map(District::group).isEmpty();
        assertThat(District.label("410173")).isEqualTo("郑州航空港经济综合实验区");
        assertThat(District.label("419999")).isEqualTo("419999");
        assertThat(District.known("4101")).isFalse();
    }
}
