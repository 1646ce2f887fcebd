package cn.zz.pipeline.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region of the city (区县, 6-digit code) from the project's one district table ({@code reference/districts.csv}):
 * project-service accepts these codes, reporting-service labels and ranks by them, the seeds and the synthetic
 * generator draw from them.
 *
 * @param group the ranking group's key (e.g. {@code urban}), null when the district is ranked city-wide only
 * @param groupLabel the group's Chinese name shown beside the rank (六区), null without a group
 */
public record District(String code, String name, String group, String groupLabel) {

    /** The city (郑州市): a user whose district claim is this prefix covers every district. */
    public static final String CITY = "4101";

    private static final Map<String, District> BY_CODE = load();

    /** Every district, in code order. */
    public static List<District> all() {
        return List.copyOf(BY_CODE.values());
    }

    public static Optional<District> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static boolean known(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    /** The Chinese name; the code itself for a code the table does not know (null stays null). */
    public static String label(String code) {
        District d = code == null ? null : BY_CODE.get(code);
        return d == null ? code : d.name();
    }

    /** The members of a ranking group, in code order. */
    public static List<District> group(String group) {
        return BY_CODE.values().stream().filter(d -> group.equals(d.group())).toList();
    }

    private static Map<String, District> load() {
        Map<String, District> out = new LinkedHashMap<>();
        try (InputStream in = District.class.getResourceAsStream("/reference/districts.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/districts.csv is missing from the events module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>(reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
            if (lines.isEmpty() || !lines.get(0).equals("code,name,group,groupLabel")) {
                throw new IllegalStateException("reference/districts.csv: header code,name,group,groupLabel expected");
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (f.length != 4 || !f[0].matches("\\d{6}") || f[1].isBlank() || f[2].isBlank() != f[3].isBlank()) {
                    throw new IllegalStateException("reference/districts.csv: bad row: " + line);
                }
                if (out.put(f[0], new District(f[0], f[1], blankToNull(f[2]), blankToNull(f[3]))) != null) {
                    throw new IllegalStateException("reference/districts.csv: code twice: " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
