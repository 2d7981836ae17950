package io.rectify.ledger.importer;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.rectify.ledger.CoarseDates;
import io.rectify.ledger.CoarseDates.CoarseDate;
import io.rectify.ledger.importer.Layout.RoundItem;
import io.rectify.ledger.importer.LedgerRows.RoundRow;

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
    Optional<RoundRow> read(LedgerSource source, String sheetName) {
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
        Map<RoundItem, String> text = new EnumMap<>(RoundItem.class);
        for (RoundItem item : RoundItem.values()) {
            Cell c = cells.get(item);
            int row = rows.getOrDefault(item, 0);
            if (c != null && c.type() == Cell.Type.UNUSABLE) {
                problems.add(sheet, row, item.label(), c.problem());
                continue;
            }
            String v = c == null ? "" : c.value();
            if (v.isEmpty()) {
                if (item.required()) problems.add(sheet, row, item.label(), "缺少" + item.label() + ":" + item.hint());
                continue;
            }
            if (v.length() > 255) {
                problems.add(sheet, row, item.label(), "太长:" + v.length() + "个字,最多255个字");
                continue;
            }
            String unprintable = Printable.problem(v);
            if (unprintable != null) {
                problems.add(sheet, row, item.label(), unprintable);
                continue;
            }
            text.put(item, v);
        }
        String code = text.get(RoundItem.CODE);
        if (code != null && !io.rectify.ledger.RoundCode.valid(code)) {
            problems.add(sheet, rows.get(RoundItem.CODE), RoundItem.CODE.label(), "“" + code + "”不是轮次编码:"
                    + RoundItem.CODE.hint());
        }
        String kind = text.get(RoundItem.KIND);
        if (kind != null && !kind.equals("巡视") && !kind.equals("巡察")) {
            problems.add(sheet, rows.get(RoundItem.KIND), RoundItem.KIND.label(), "“" + kind + "”既不是巡视也不是巡察");
        }
        CoarseDate startWritten = roundDate(text, rows, cells, RoundItem.ONSITE_START);
        CoarseDate endWritten = roundDate(text, rows, cells, RoundItem.ONSITE_END);
        LocalDate start = startWritten == null ? null : startWritten.day();
        LocalDate end = endWritten == null ? null : endWritten.day();
        CoarseDate feedbackWritten = roundDate(text, rows, cells, RoundItem.FEEDBACK);
        LocalDate feedback = feedbackWritten == null ? null : feedbackWritten.day();
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(sheet, rows.get(RoundItem.ONSITE_END), RoundItem.ONSITE_END.label(),
                    end + "早于进驻开始日期" + start);
        }
        if (end != null && feedback != null && feedback.isBefore(end)) {
            problems.add(sheet, rows.get(RoundItem.FEEDBACK), RoundItem.FEEDBACK.label(),
                    feedback + "早于进驻结束日期" + end);
        }
        String email = text.get(RoundItem.EMAIL);
        if (email != null && !io.rectify.ledger.EmailAddress.valid(email)) {
            problems.add(sheet, rows.get(RoundItem.EMAIL), RoundItem.EMAIL.label(), "“" + email + "”不是电子邮箱地址");
        }
        String body = text.get(RoundItem.BODY);
        String deployedBy = text.get(RoundItem.DEPLOYED_BY);
        if (deployedBy == null && body != null) {
            deployedBy = deployedBy(body);
            if (deployedBy == null) {
                problems.add(sheet, rows.getOrDefault(RoundItem.DEPLOYED_BY, rows.get(RoundItem.BODY)),
                        RoundItem.DEPLOYED_BY.label(), "缺少部署机关,也无法从巡视组“" + body
                                + "”推出:请加一行“部署机关”(如省委)");
            }
        }
        String style = text.get(RoundItem.STYLE);
        if (style != null && io.rectify.ledger.BulletinStyle.folder(style) == null) {
            problems.add(sheet, rows.get(RoundItem.STYLE), RoundItem.STYLE.label(), "“" + style + "”不是通报样式:"
                    + RoundItem.STYLE.hint());
        }
        String org = text.get(RoundItem.ORG);
        String shortName = text.get(RoundItem.SHORT_NAME);
        if (shortName == null && org != null) shortName = shortName(org);
        // handed on even with problems: the feedback date (if it could be read) still checks the deadlines
        return Optional.of(new RoundRow(code, kind, deployedBy, body, org, shortName, start, end, feedback,
                text.get(RoundItem.ORGAN), text.get(RoundItem.PHONE), text.get(RoundItem.ADDRESS), email,
                startWritten == null ? null : startWritten.part(), endWritten == null ? null : endWritten.part(), style,
                text.get(RoundItem.TITLE)));
    }

    /** A date of the round; the on-site dates may also be a part of a month (2022年9月中旬). */
    private CoarseDate roundDate(Map<RoundItem, String> text, Map<RoundItem, Integer> rows, Map<RoundItem, Cell> cells,
                                 RoundItem item) {
        if (!text.containsKey(item)) return null;
        boolean onsite = item == RoundItem.ONSITE_START || item == RoundItem.ONSITE_END;
        Optional<CoarseDate> d = Values.date(cells.get(item)).map(day -> new CoarseDate(day, null))
                .or(() -> onsite ? CoarseDates.parse(Values.halfWidth(text.get(item))) : Optional.empty());
        if (d.isEmpty()) {
            problems.add(Layout.ROUND, rows.get(item), item.label(), LedgerParser.notADate(text.get(item))
                    + (onsite ? ",也可写作2022年9月中旬(上旬、中旬、下旬、初、底)" : ""));
            return null;
        }
        String implausible = Values.implausible(d.get().day());
        if (implausible != null) {
            problems.add(Layout.ROUND, rows.get(item), item.label(), implausible);
            return null;
        }
        return d.get();
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
