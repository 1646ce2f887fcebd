package cn.zz.pipeline.reporting.oc4ids;

import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;

import java.util.List;

/** The OC4IDS codelists' values of the project's stage, construction type and industry, and the public authority. */
final class Oc4idsCodes {

    private Oc4idsCodes() {
    }

    /** projectStatus codelist (closed). */
    static String status(Stage stage) {
        switch (stage) {
            case RESERVE:
                return "identification";
            case DECLARED:
            case ADMITTED:
                return "preparation";
            case STARTED:
                return "implementation";
            case IN_PRODUCTION:
                return "completion";
            case WITHDRAWN:
                return "cancelled";
            default:
                throw new IllegalArgumentException("unmapped stage " + stage);
        }
    }

    /** projectType codelist (closed) from 建设性质; 单纯购置 (buying equipment only) has no counterpart. */
    static String type(String constructionType) {
        if (constructionType == null) {
            return null;
        }
        switch (constructionType) {
            case "NEW":
                return "construction";
            case "EXPANSION":
                return "expansion";
            case "RENOVATION":
                return "rehabilitation";
            default:
                return null;
        }
    }

    /**
     * projectSector codelist from the GB/T 4754 industry, where the industry is one of the codelist's sectors; most
     * industrial projects (C 制造业) are none of them and carry their industry in additionalClassifications only.
     */
    static List<String> sectors(String industry) {
        if (industry == null || industry.isEmpty()) {
            return List.of();
        }
        if (industry.startsWith("D44") || industry.startsWith("D45")) {
            return List.of("energy");
        }
        if (industry.startsWith("D46") || industry.charAt(0) == 'N') {
            return List.of("waterAndWaste");
        }
        if (industry.startsWith("I63") || industry.startsWith("I64") || industry.startsWith("I65")) {
            return List.of("communications");
        }
        switch (industry.charAt(0)) {
            case 'A':
                return List.of("economy");
            case 'G':
                return List.of("transport");
            case 'P':
                return List.of("education");
            case 'Q':
                return List.of("health");
            case 'R':
                return List.of("cultureSportsAndRecreation");
            case 'S':
                return List.of("governance");
            default:
                return List.of();
        }
    }

    static String sectorLabel(String sector) {
        try {
            return Sector.valueOf(sector).label();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The district's government, the public authority of its projects. */
    static String authority(String districtLabel) {
        return districtLabel.endsWith("开发区") || districtLabel.endsWith("实验区") ? districtLabel + "管理委员会"
                : districtLabel + "人民政府";
    }
}
