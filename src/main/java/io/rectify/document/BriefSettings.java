package io.rectify.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the quarterly brief lets an office choose without touching a template, bound from {@code rectify.brief.*}:
 * <ul>
 *   <li>{@code rectify.brief.status.COMPLETED|IN_PROGRESS|OVERDUE|LONG_TERM|NOT_STARTED|ONGOING}: the
 *       status words (default 已完成, 推进中, 超期, 长期坚持, 未启动, 持续推进);</li>
 *   <li>{@code rectify.brief.warning-days} and {@code rectify.brief.warning-labels}: the overdue warning levels, a
 *       measure overdue by at least {@code warning-days[i]} days gets {@code warning-labels[i]} (default 1, 31, 91 →
 *       超期提醒, 黄色预警, 红色预警);</li>
 *   <li>{@code rectify.brief.recheck-after-days}: a completed measure not yet confirmed on site is due a 回头看 this
 *       many days after its completion (default 180);</li>
 *   <li>{@code rectify.brief.marking}: the marking top left of page 1 (default 内部资料);</li>
 *   <li>{@code rectify.brief.list-limit}: the most rows a list shows (the overdue and next quarter's measures in the
 *       main part; the per-problem tables, 长期坚持, 回头看 and unit ranking in the 附件), the rest summed up as
 *       其余N项见台账 (default 10).</li>
 * </ul>
 */
public class BriefSettings {

    private final Map<String, String> status = new LinkedHashMap<>(Map.of(
            "COMPLETED", "已完成", "IN_PROGRESS", "推进中", "OVERDUE", "超期", "LONG_TERM", "长期坚持",
            "NOT_STARTED", "未启动", "ONGOING", "持续推进"));
    private List<Integer> warningDays = List.of(1, 31, 91);
    private List<String> warningLabels = List.of("超期提醒", "黄色预警", "红色预警");
    private int recheckAfterDays = 180;
    private String marking = "内部资料";
    private int listLimit = 10;

    public int getListLimit() { return listLimit; }

    public void setListLimit(int listLimit) { this.listLimit = listLimit; }

    public Map<String, String> getStatus() { return status; }

    /** Merges: a status not named keeps its default word. */
    public void setStatus(Map<String, String> words) { status.putAll(words); }

    public List<Integer> getWarningDays() { return warningDays; }

    public void setWarningDays(List<Integer> days) { this.warningDays = new ArrayList<>(days); }

    public List<String> getWarningLabels() { return warningLabels; }

    public void setWarningLabels(List<String> labels) { this.warningLabels = new ArrayList<>(labels); }

    public int getRecheckAfterDays() { return recheckAfterDays; }

    public void setRecheckAfterDays(int days) { this.recheckAfterDays = days; }

    public String getMarking() { return marking; }

    public void setMarking(String marking) { this.marking = marking; }

    /** The status word for a key; the key itself when none is configured. */
    public String word(String key) { return status.getOrDefault(key, key); }

    /** The warning label for a measure overdue by {@code days}: the highest level reached, "" below the first. */
    public String warning(long days) {
        check();
        String label = "";
        for (int i = 0; i < warningDays.size(); i++) {
            if (days >= warningDays.get(i)) label = warningLabels.get(i);
        }
        return label;
    }

    /** Throws when the warning levels are inconsistent (different lengths, not ascending). */
    public void check() {
        if (warningDays.size() != warningLabels.size()) {
            throw new IllegalStateException("rectify.brief.warning-days has " + warningDays.size()
                    + " values but rectify.brief.warning-labels " + warningLabels.size());
        }
        for (int i = 1; i < warningDays.size(); i++) {
            if (warningDays.get(i) <= warningDays.get(i - 1)) {
                throw new IllegalStateException("rectify.brief.warning-days must ascend: " + warningDays);
            }
        }
        if (recheckAfterDays < 0) throw new IllegalStateException("rectify.brief.recheck-after-days must be >= 0");
        if (listLimit < 1) throw new IllegalStateException("rectify.brief.list-limit must be >= 1");
    }
}
