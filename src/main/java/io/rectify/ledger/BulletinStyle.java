package io.rectify.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bulletin styles a round may choose in its 轮次 sheet (通报样式), and the template folder under
 * {@code templates/styles/} that holds each: the three shipped styles by their Chinese names, or the name of an
 * office's own folder (a copy of one of them). Folder names are ASCII so that a JVM started by cron without a UTF-8
 * locale still finds them.
 */
public final class BulletinStyle {

    /** The style of a round that names none. */
    public static final String DEFAULT = "责任落实式";

    /** The shipped styles and their folders, in the order the 填写说明 lists them. */
    public static final Map<String, String> SHIPPED = shipped();

    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private BulletinStyle() {}

    private static Map<String, String> shipped() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("责任落实式", "responsibility");
        m.put("问题清单式", "problems");
        m.put("汇总式", "summary");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The folder of a style (null or blank: the default), or null when the name can be neither. */
    public static String folder(String style) {
        if (style == null || style.isBlank()) return SHIPPED.get(DEFAULT);
        String s = style.strip();
        if (SHIPPED.containsKey(s)) return SHIPPED.get(s);
        return FOLDER.matcher(s).matches() ? s : null;
    }

    /** The bulletin template of a style, relative to the templates folder. */
    public static String template(String style) {
        String folder = folder(style);
        if (folder == null) throw new IllegalArgumentException("not a bulletin style: " + style);
        return "styles/" + folder + "/bulletin.ftl";
    }

    /** Whether a style prints each problem's 公开表述 (the shipped 问题清单式 and 汇总式 do not; an own folder may). */
    public static boolean printsStatements(String style) {
        String folder = folder(style);
        return !"problems".equals(folder) && !"summary".equals(folder);
    }

    /** What the 填写说明 and an import error say about the allowed values. */
    public static String hint() {
        return String.join(" / ", SHIPPED.keySet()) + "(空白为" + DEFAULT + ");或 templates/styles 下本单位样式文件夹的名称"
                + "(英文字母、数字、- 或 _,如 wenlv-ju)";
    }
}
