package cn.zz.pipeline.project.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of project-service (prefix {@code project}); see application.properties for the values. */
@ConfigMapping(prefix = "project")
public interface ProjectConfig {

    Code code();

    Gates gates();

    interface Code {
        /**
         * DD of the project code (项目代码): the 2-digit department code of the registering authority. "01" stands for
         * the district development and reform commission (区发改委), which registers projects in this deployment.
         */
        @WithDefault("01")
        @Pattern(regexp = "\\d{2}")
        String department();
    }

    /** Stage gate thresholds (万元, 万元/亩); defaults per docs/domain.md (亩均 screening), overridable per district. */
    interface Gates {
        /** 申报 needs total investment >= this (万元). */
        @WithDefault("500")
        BigDecimal minTotalInvestment();

        /** 亩均 投资强度: total investment / land area (万元/亩). */
        @WithDefault("400")
        BigDecimal investmentIntensity();

        /** 亩均 产出强度: expected annual output / land area (万元/亩). */
        @WithDefault("500")
        BigDecimal outputIntensity();

        /** 亩均 税收强度: expected annual tax / land area (万元/亩/年). */
        @WithDefault("30")
        BigDecimal taxIntensity();

        /** Per-district overrides, e.g. {@code project.gates.districts."410184".investment-intensity=450}. */
        Map<String, DistrictGates> districts();
    }

    interface DistrictGates {
        Optional<BigDecimal> minTotalInvestment();

        Optional<BigDecimal> investmentIntensity();

        Optional<BigDecimal> outputIntensity();

        Optional<BigDecimal> taxIntensity();
    }
}
