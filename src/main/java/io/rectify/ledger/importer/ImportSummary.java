package io.rectify.ledger.importer;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * What an import changed, for the secretary (terminal and upload page, in Chinese): counts per kind of change,
 * and the first lines of each (新增整改措施, 状态变更 from → to, 整改时限调整, 措施完成 …).
 */
public final class ImportSummary {

    /** Detail lines kept per kind; the rest are counted. */
    static final int DETAILS = 20;

    /** The kinds of change, in the order they are listed, each with the name the secretary reads. */
    public enum Kind {
        ROUND_ADDED("新增轮次"), ROUND_CHANGED("轮次信息变更"),
        SECTIONS_ADDED("新增方面"),
        PROBLEMS_ADDED("新增反馈问题"), PROBLEMS_CHANGED("反馈问题变更"),
        MEASURES_ADDED("新增整改措施"), STATUSES_CHANGED("状态变更"),
        DEADLINES_MOVED("整改时限调整"), MEASURES_CLOSED("措施完成"),
        MEASURES_CHANGED("措施内容变更（文字、责任领导、责任单位、类型或所属问题）"),
        REPORTS_ADDED("新增进展"),
        REPORTS_CORRECTED("进展更正（同一日期、内容不同）"),
        // dated before the measure's latest report: history filled in, the current status stays
        REPORTS_BACKDATED("补录的早期进展（当前状态不变）"),
        EVENTS_ADDED("新增工作情况"), EVENTS_CHANGED("工作情况变更"),
        LEADERS_ADDED("新增领导"), LEADERS_CHANGED("领导信息变更"), UNITS_CHANGED("责任单位变更"),
        TEXTS_CHANGED("文稿变更"),
        EVIDENCE_ADDED("新增佐证材料（待审核销号）"), EVIDENCE_WAITING("佐证材料待上传（请在措施的销号页面上传）"),
        // a part changed on the page after the workbook was exported: nothing changes, the page's text stays
        TEXTS_KEPT("文稿冲突：页面修改较新，保留页面文稿"),
        TEXTS_REPLACED("文稿冲突：以工作簿文稿替换页面修改");

        final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() { return chinese; }
    }

    /** One kind of change as the web page lists it: its Chinese name, how many, and the first lines. */
    public record Group(Kind kind, String label, int count, List<String> details) {
        public int more() { return count - details.size(); }
    }

    /** Always printed, even when zero: the figures the issue asks for. */
    private static final List<Kind> HEADLINE = List.of(Kind.MEASURES_ADDED, Kind.STATUSES_CHANGED, Kind.DEADLINES_MOVED,
            Kind.MEASURES_CLOSED);

    private final String file;
    private final String round;
    private final Map<Kind, Integer> counts = new LinkedHashMap<>();
    private final Map<Kind, List<String>> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final MessageDigest digest = DigestUtils.getSha256Digest();
    private int rows;
    private long untouched;
    private boolean dryRun;
    private boolean stale;

    public ImportSummary(String file, String round) {
        this.file = file;
        this.round = round;
    }

    public void count(Kind kind, String detail) {
        counts.merge(kind, 1, Integer::sum);
        digest(kind, detail);
        if (detail != null) {
            List<String> d = details.computeIfAbsent(kind, k -> new ArrayList<>());
            if (d.size() < DETAILS) d.add(detail);
        }
    }

    /** Counts a change shown as a number only; {@code key} names it for the fingerprint. */
    public void countKeyed(Kind kind, String key) {
        counts.merge(kind, 1, Integer::sum);
        digest(kind, key);
    }

    private void digest(Kind kind, String detail) {
        DigestUtils.updateDigest(digest, kind.name() + "\u0000" + (detail == null ? "" : detail) + "\n");
    }

    /**
     * A hash of every change, in order, with every detail (not only the lines kept): two loads of the same file have
     * the same fingerprint exactly when they make the same changes, so a confirmation applies what a dry run showed.
     */
    public String fingerprint() {
        try {
            return Hex.encodeHexString(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kinds of change there were (and the headline ones, even when zero), for the web page. */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            int n = count(k);
            if (n == 0 && !HEADLINE.contains(k)) continue;
            out.add(new Group(k, k.chinese, n, List.copyOf(details.getOrDefault(k, List.of()))));
        }
        return out;
    }

    public long untouched() { return untouched; }

    public List<String> notes() { return List.copyOf(notes); }

    /** Set when a confirmation found other changes than the dry run it confirms: rolled back, to be shown again. */
    void stale(boolean stale) { this.stale = stale; }

    public boolean stale() { return stale; }

    public boolean dryRun() { return dryRun; }

    private Long importId;

    void importId(long id) { this.importId = id; }

    /** The import log's id ({@code ledger_import}) when this load changed something, else null. */
    public Long importId() { return importId; }

    public int count(Kind kind) { return counts.getOrDefault(kind, 0); }

    /** Whether anything changes (a kept page edit is shown, but changes nothing). */
    public boolean changed() {
        return counts.entrySet().stream().anyMatch(e -> e.getKey() != Kind.TEXTS_KEPT && e.getValue() > 0);
    }

    /** Whether the file's 文稿 lost to newer page edits, so the secretary may choose the workbook's instead. */
    public boolean textsKept() { return count(Kind.TEXTS_KEPT) > 0; }

    public void note(String note) { notes.add(NOTE + note); }

    void rows(int rows) { this.rows = rows; }

    public int rows() { return rows; }

    void untouched(long n) { this.untouched = n; }

    void dryRun(boolean dryRun) { this.dryRun = dryRun; }

    public String round() { return round; }

    /** The file's name as the secretary knows it (a page upload's: the name the browser gave). */
    public String file() { return file; }

    // The wording below is the one the secretary reads, on the terminal (lines()) and on the upload page
    // (portal/upload.html, ImportController): one owner, so the two never word the same change differently.

    /** Put before each note ({@link #note}): the notes are for the secretary too. */
    static final String NOTE = "提示：";

    /** Said under a kept page edit: how to have the workbook's text instead (terminal and page alike). */
    public static final String TEXTS_KEPT_NOTE = "文稿冲突：页面上的修改晚于此工作簿，已保留页面文稿。如要以工作簿文稿为准："
            + "命令行导入时加 --replace-texts；上传页面点“以工作簿文稿为准”。";

    /**
     * One paragraph of a text conflict: which, who changed it on the page and when, the page's and the workbook's text.
     */
    static String textConflict(String paragraph, String by, java.time.LocalDateTime at, java.time.LocalDateTime stamp,
                               String page, String workbook) {
        return paragraph + "：页面由 " + by + " 于 " + at.format(ValueType.STAMP) + " 修改，"
                + (stamp == null ? "工作簿未标注导出时间" : "晚于工作簿导出时间 " + stamp.format(ValueType.STAMP))
                + "；页面：" + quote(page) + "；工作簿：" + quote(workbook);
    }

    private static String quote(String text) {
        if (text == null) return "（无此段）";
        return "“" + (text.length() <= 60 ? text : text.substring(0, 60) + "…（共 " + text.length() + " 字）") + "”";
    }

    /** Said when the file matches the ledger (terminal and page). */
    public static final String UNCHANGED = "文件与台账一致，没有需要导入的变化。";

    public String rowsLine() { return "文件中共 " + rows + " 条整改措施。"; }

    public String untouchedLine() { return "本轮次另有 " + untouched + " 条措施不在文件中，保持不变。"; }

    /** Under a kind's first lines, how many more there are. */
    public static String moreLine(int more) { return "另有 " + more + " 项"; }

    /** One line of the kinds that changed, with their counts (the page's notice after a confirmation). */
    public String changesLine() {
        StringBuilder s = new StringBuilder();
        for (Group g : groups()) {
            if (g.count() == 0) continue;
            if (!s.isEmpty()) s.append("，");
            s.append(g.label()).append(' ').append(g.count()).append(" 项");
        }
        return s.isEmpty() ? "没有变化。" : s + "。";
    }

    /** The lines printed on stdout, in Chinese for the secretary who imports her file. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add((dryRun ? "试运行（未写入）：" : "导入：") + file + " → 轮次 " + round + "，" + rowsLine());
        for (Group g : groups()) {
            out.add(g.label() + "：" + g.count() + " 项");
            for (String line : g.details()) out.add("  " + line);
            if (g.more() > 0 && !g.details().isEmpty()) out.add("  " + moreLine(g.more()));
        }
        if (untouched > 0) out.add(untouchedLine());
        out.addAll(notes);
        if (!changed()) out.add(UNCHANGED);
        if (dryRun) out.add("试运行：未写入任何内容。");
        return out;
    }
}
