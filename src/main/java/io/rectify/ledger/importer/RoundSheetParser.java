package io.rectify.ledger.importer;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.rectify.ledger.CoarseDates.CoarseDate;
import io.rectify.ledger.importer.Layout.RoundItem;
import io.rectify.ledger.RoundFacts;

/**
 * Reads the 轮次 sheet, two columns of “项目 | 内容”, into the round's facts, checking each item on its own and
 * the dates against each other. Every problem goes to the {@link ImportProblems}.
 */
final class RoundSheetParser {


    private final ImportProblems problems;

    RoundSheetParser(ImportProblems problems) {
        this.problems = problems;
    }

    /** The round's facts (items with problems are null), or empty when the sheet is empty. */
    Optional<RoundFacts> read(LedgerSource source, String sheetName) {
        String sheet = Layout.ROUND;
        Map<RoundItem, Cell> cells = new EnumMap<>(RoundItem.class);
        Map<RoundItem, Integer> rows = new EnumMap<>(RoundItem.class);
        int[] nonBlank = {0};
        source.read(sheetName, row -> {
            if (row.blank()) return true;
            nonBlank[0]++;
            String key = row.cell(0).value();
            if (Layout.normalize(key).equals("项目")) return true;
            for (RoundItem item : RoundItem.values()) {
                if (!item.matches(key)) continue;
                if (rows.containsKey(item)) {
                    problems.add(sheet, row.number(), item.label(), "重复填写(第" + rows.get(item) + "行已有)");
                } else {
                    cells.put(item, row.cell(1));
                    rows.put(item, row.number());
                }
                break;
            }
            return nonBlank[0] < 1000;
        });
        if (nonBlank[0] == 0) {
            problems.add(sheet, 0, null, "工作表是空的:应按“项目 | 内容”两列填写轮次的基本情况(轮次编码、巡视类型……)");
            return Optional.empty();
        }
        Map<RoundItem, Object> value = new EnumMap<>(RoundItem.class);
        for (RoundItem item : RoundItem.values()) {
            Cell c = cells.getOrDefault(item, Cell.text(""));
            int row = rows.getOrDefault(item, 0);
            Object v = item.type().read(c, reason -> problems.add(sheet, row, item.label(), reason));
            if (v != null) value.put(item, v);
        }
        CoarseDate startWritten = (CoarseDate) value.get(RoundItem.ONSITE_START);
        CoarseDate endWritten = (CoarseDate) value.get(RoundItem.ONSITE_END);
        LocalDate start = startWritten == null ? null : startWritten.day();
        LocalDate end = endWritten == null ? null : endWritten.day();
        CoarseDate feedbackWritten = (CoarseDate) value.get(RoundItem.FEEDBACK);
        LocalDate feedback = feedbackWritten == null ? null : feedbackWritten.day();
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(sheet, rows.get(RoundItem.ONSITE_END), RoundItem.ONSITE_END.label(),
                    end + "早于进驻开始日期" + start);
        }
        if (end != null && feedback != null && feedback.isBefore(end)) {
            problems.add(sheet, rows.get(RoundItem.FEEDBACK), RoundItem.FEEDBACK.label(),
                    feedback + "早于进驻结束日期" + end);
        }
        String body = (String) value.get(RoundItem.BODY);
        String deployedBy = (String) value.get(RoundItem.DEPLOYED_BY);
        if (deployedBy == null && body != null) {
            deployedBy = deployedBy(body);
            if (deployedBy == null) {
                problems.add(sheet, rows.getOrDefault(RoundItem.DEPLOYED_BY, rows.get(RoundItem.BODY)),
                        RoundItem.DEPLOYED_BY.label(), "缺少部署机关,也无法从巡视组“" + body
                                + "”推出:请加一行“部署机关”(如省委)");
            }
        }
        String org = (String) value.get(RoundItem.ORG);
        String shortName = (String) value.get(RoundItem.SHORT_NAME);
        if (shortName == null && org != null) shortName = shortName(org);
        // handed on even with problems: the feedback date (if it could be read) still checks the deadlines
        return Optional.of(new RoundFacts(0, (String) value.get(RoundItem.CODE), (String) value.get(RoundItem.KIND),
                deployedBy, body, org, shortName, start, end, feedback, (String) value.get(RoundItem.ORGAN),
                (String) value.get(RoundItem.PHONE), (String) value.get(RoundItem.ADDRESS),
                (String) value.get(RoundItem.EMAIL), true, startWritten == null ? null : startWritten.part(),
                endWritten == null ? null : endWritten.part(), (String) value.get(RoundItem.STYLE),
                (String) value.get(RoundItem.TITLE)));
    }

    /** 省委巡视二组 → 省委; 区委第一巡察组 → 区委. */
    static String deployedBy(String body) {
        var m = Pattern.compile("^(.+?委)(?:第.+?)?(?:巡视|巡察)").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** 洛江区委 → 区委; 某某镇党委 → 镇党委; otherwise the name itself. */
    static String shortName(String org) {
        for (String suffix : List.of("街道党工委", "镇党委", "乡党委", "党工委", "区委", "县委", "市委", "州委", "旗委", "省委",
                "党委", "党组")) {
            if (org.endsWith(suffix)) return suffix;
        }
        return org;
    }
}
