package io.rectify.ledger.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import io.rectify.ledger.WorkEventCategory;
import io.rectify.ledger.EmailAddress;

import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.importer.Layout.EventColumn;
import io.rectify.ledger.importer.Layout.LeaderColumn;
import io.rectify.ledger.importer.Layout.LedgerColumn;
import io.rectify.ledger.importer.Layout.TextColumn;
import io.rectify.ledger.importer.LedgerRows.EventRow;
import io.rectify.ledger.importer.LedgerRows.LeaderRow;
import io.rectify.ledger.importer.LedgerRows.MeasureRow;

/**
 * Turns the sheets' rows into typed rows, checking each cell and each row on its own (the checks across
 * rows are {@link LedgerValidator}'s; the 轮次 sheet of items is {@link RoundSheetParser}'s). Every problem goes
 * to the {@link ImportProblems}; a row with a problem is not handed on.
 */
final class LedgerParser {

    private static final int TEXT = Cells.MAX_CELL;

    private final ImportProblems problems;
    private final LocalDate today;
    /** Why a named 佐证材料 file cannot be taken (null: a page upload, whose files come later). */
    private final java.util.function.UnaryOperator<String> evidence;

    LedgerParser(ImportProblems problems, LocalDate today) { this(problems, today, null); }

    LedgerParser(ImportProblems problems, LocalDate today, java.util.function.UnaryOperator<String> evidence) {
        this.problems = problems;
        this.today = today;
        this.evidence = evidence;
    }

    static String notADate(String text) {
        return "“" + text + "”不是日期(可写2025-03-31、2025年3月31日、2025.3.31或2025/3/31)";
    }

    // ---- 台账 -------------------------------------------------------------------------------------------

    /** Reads 台账, handing on each row (see {@link MeasureRow#valid()}); returns the reader (for its counts), or null. */
    SheetReader<LedgerColumn> measures(LedgerSource source, String sheetName, LocalDate feedback, Consumer<MeasureRow> out) {
        SheetReader<LedgerColumn> reader = new SheetReader<>(LedgerColumn.class, Layout.LEDGER, problems);
        String[] above = {null, null}; // 方面 and 反馈问题 of the row above: a blank cell repeats them
        boolean ok = reader.read(source, sheetName, row -> {
            MeasureRow m = measure(row, feedback, above);
            if (m != null) out.accept(m);
        });
        return ok ? reader : null;
    }

    private MeasureRow measure(SheetReader<LedgerColumn>.Row row, LocalDate feedback, String[] above) {
        int before = problems.count();
        Integer seq = null;
        String seqText = row.text(LedgerColumn.SEQ, 40);
        if (seqText.isEmpty()) row.problem(LedgerColumn.SEQ, "缺少序号:每项措施都要有序号");
        else {
            seq = Values.positive(seqText).orElse(null);
            if (seq == null) row.problem(LedgerColumn.SEQ, "“" + seqText + "”不是正整数");
        }
        String section = row.text(LedgerColumn.SECTION, 255);
        if (section.isEmpty()) section = above[0];
        if (section == null) row.problem(LedgerColumn.SECTION, "缺少(空白表示同上一行,但这是第一行)");
        String problem = row.text(LedgerColumn.PROBLEM, 500);
        if (problem.isEmpty()) problem = above[1];
        if (problem == null) row.problem(LedgerColumn.PROBLEM, "缺少(空白表示同上一行,但这是第一行)");
        above[0] = section;
        above[1] = problem;
        String content = required(row, LedgerColumn.MEASURE, TEXT, "整改措施");
        String leader = required(row, LedgerColumn.LEADER, 64, "责任领导");
        String unit = required(row, LedgerColumn.UNIT, 128, "责任单位");
        LocalDate deadline = date(row, LedgerColumn.DEADLINE);
        if (deadline == null && row.cell(LedgerColumn.DEADLINE).blank()) {
            row.problem(LedgerColumn.DEADLINE, "缺少整改时限(长期坚持的措施写第一个节点日期)");
        }
        if (deadline != null && feedback != null && deadline.isBefore(feedback)) {
            row.problem(LedgerColumn.DEADLINE, deadline + "早于反馈日期" + feedback);
        }
        MeasureKind kind = null;
        String kindText = row.text(LedgerColumn.KIND, 40);
        if (kindText.isEmpty()) row.problem(LedgerColumn.KIND, "缺少措施类型:立行立改、限期整改或长期坚持");
        else {
            kind = Values.kind(kindText).orElse(null);
            if (kind == null) row.problem(LedgerColumn.KIND, "未知的措施类型“" + kindText + "”:应为立行立改、限期整改或长期坚持");
        }
        MeasureStatus status = MeasureStatus.NOT_STARTED;
        String statusText = row.text(LedgerColumn.STATUS, 40);
        if (!statusText.isEmpty()) {
            status = Values.status(statusText).orElse(null);
            if (status == null) {
                row.problem(LedgerColumn.STATUS, "未知的完成情况“" + statusText + "”:应为未启动、推进中、已完成或持续推进");
            }
        }
        String note = row.text(LedgerColumn.NOTE, TEXT);
        LocalDate reportDate = date(row, LedgerColumn.REPORT_DATE);
        LocalDate completion = date(row, LedgerColumn.COMPLETION_DATE);
        boolean reportDateGiven = !row.cell(LedgerColumn.REPORT_DATE).blank();
        boolean completionGiven = !row.cell(LedgerColumn.COMPLETION_DATE).blank();
        if (reportDate != null) {
            if (reportDate.isAfter(today)) row.problem(LedgerColumn.REPORT_DATE, reportDate + "晚于今天(" + today + ")");
            if (feedback != null && reportDate.isBefore(feedback)) {
                row.problem(LedgerColumn.REPORT_DATE, reportDate + "早于反馈日期" + feedback);
            }
        }
        if (completion != null && completion.isAfter(today)) {
            row.problem(LedgerColumn.COMPLETION_DATE, completion + "晚于今天(" + today + ")");
        }
        if (status == MeasureStatus.COMPLETED) {
            if (completion == null && !completionGiven) completion = reportDate;
            if (reportDate == null && !reportDateGiven) reportDate = completion;
            if (completion == null && !completionGiven && !reportDateGiven) {
                row.problem(LedgerColumn.STATUS, "已完成但没有完成日期:请填写"
                        + (row.has(LedgerColumn.COMPLETION_DATE) ? row.header(LedgerColumn.COMPLETION_DATE) + "或" : "")
                        + row.header(LedgerColumn.REPORT_DATE));
            }
            if (completion != null && reportDate != null && completion.isAfter(reportDate)) {
                row.problem(LedgerColumn.COMPLETION_DATE, completion + "晚于" + row.header(LedgerColumn.REPORT_DATE)
                        + reportDate);
            }
        } else {
            if (completionGiven && status != null) {
                row.problem(LedgerColumn.COMPLETION_DATE, "填了完成日期,但" + row.header(LedgerColumn.STATUS) + "是"
                        + status.label() + "(只有已完成的措施才有完成日期)");
            }
            completion = null;
            if (status != null && status != MeasureStatus.NOT_STARTED && !reportDateGiven) {
                row.problem(LedgerColumn.REPORT_DATE, "缺少进展日期:" + status.label() + "要写汇报日期");
            }
        }
        if (!note.isEmpty() && !reportDateGiven && !(status == MeasureStatus.COMPLETED && completionGiven)
                && (status == null || status == MeasureStatus.NOT_STARTED)) {
            row.problem(LedgerColumn.REPORT_DATE, "缺少进展日期:填了" + row.header(LedgerColumn.NOTE) + "就要写汇报日期");
        }
        boolean rechecked = false;
        String recheckedText = row.text(LedgerColumn.RECHECKED, 10);
        if (!recheckedText.isEmpty()) {
            Optional<Boolean> b = Values.yesNo(recheckedText);
            if (b.isEmpty()) row.problem(LedgerColumn.RECHECKED, "“" + recheckedText + "”应为是或否");
            rechecked = b.orElse(false);
        }
        String leadLeader = row.text(LedgerColumn.LEAD_LEADER, 64);
        Boolean bySecretary = null;
        String bySecretaryText = row.text(LedgerColumn.BY_SECRETARY, 10);
        if (!bySecretaryText.isEmpty()) {
            bySecretary = Values.yesNo(bySecretaryText).orElse(null);
            if (bySecretary == null) row.problem(LedgerColumn.BY_SECRETARY, "“" + bySecretaryText + "”应为是或否");
        }
        String statement = row.text(LedgerColumn.STATEMENT, TEXT);
        LocalDate rescheduled = date(row, LedgerColumn.RESCHEDULED);
        if (rescheduled != null && rescheduled.isAfter(today)) {
            row.problem(LedgerColumn.RESCHEDULED, rescheduled + "晚于今天(" + today + ")");
        }
        String reason = row.text(LedgerColumn.RESCHEDULE_REASON, 500);
        List<String> files = evidence(row, status);
        LedgerRows.SectionName name = section == null ? new LedgerRows.SectionName(null, null) : LedgerRows.SectionName.parse(section);
        return new MeasureRow(row.number(), seq == null ? 0 : seq, name.seq(), name.title(), problem, content, leader, unit,
                deadline, kind, status, note.isEmpty() ? null : note, reportDate, completion, rechecked,
                leadLeader.isEmpty() ? null : leadLeader, bySecretary, statement.isEmpty() ? null : statement,
                rescheduled, reason.isEmpty() ? null : reason, files, problems.count() == before);
    }

    /** The 佐证材料 a row names: only for a measure reported 已完成, each file there and fit to keep. */
    private List<String> evidence(SheetReader<LedgerColumn>.Row row, MeasureStatus status) {
        List<String> names = io.rectify.ledger.EvidenceFile.names(row.text(LedgerColumn.EVIDENCE, 2000));
        if (!names.isEmpty() && status != null && status != MeasureStatus.COMPLETED) {
            row.problem(LedgerColumn.EVIDENCE, "填了佐证材料,但" + row.header(LedgerColumn.STATUS) + "是" + status.label()
                    + "(佐证材料用于已完成措施的销号)");
        }
        for (String name : names) {
            String why = evidence != null ? evidence.apply(name) : io.rectify.ledger.EvidenceFile.nameProblem(name);
            if (why != null) row.problem(LedgerColumn.EVIDENCE, why);
        }
        return names;
    }

    private static <C extends Enum<C> & Layout.Column> String required(SheetReader<C>.Row row, C column, int max, String what) {
        String v = row.text(column, max);
        if (v.isEmpty() && row.cell(column).type() != Cell.Type.UNUSABLE) row.problem(column, "缺少" + what);
        return v;
    }

    private static <C extends Enum<C> & Layout.Column> LocalDate date(SheetReader<C>.Row row, C column) {
        Cell c = row.cell(column);
        if (c.type() == Cell.Type.UNUSABLE) {
            row.problem(column, c.problem());
            return null;
        }
        if (c.blank()) return null;
        Optional<LocalDate> d = Values.date(c);
        if (d.isEmpty()) row.problem(column, notADate(c.value()));
        String implausible = d.map(Values::implausible).orElse(null);
        if (implausible != null) {
            row.problem(column, implausible);
            return null;
        }
        return d.orElse(null);
    }

    // ---- 工作情况 and 领导 ----------------------------------------------------------------------------------

    List<EventRow> events(LedgerSource source, String sheetName) {
        List<EventRow> rows = new ArrayList<>();
        new SheetReader<>(EventColumn.class, Layout.EVENTS, problems).read(source, sheetName, row -> {
            int before = problems.count();
            LocalDate date = date(row, EventColumn.DATE);
            if (date == null && row.cell(EventColumn.DATE).blank()) row.problem(EventColumn.DATE, "缺少日期");
            if (date != null && date.isAfter(today)) row.problem(EventColumn.DATE, date + "晚于今天(" + today + ")");
            String categoryText = row.text(EventColumn.CATEGORY, 40);
            String category = null;
            if (categoryText.isEmpty()) row.problem(EventColumn.CATEGORY, "缺少类别:如" + String.join("、", WorkEventCategory.firstWords())
                    + ",或本单位自己的统计项(处分、组织处理、万元……)");
            else {
                category = WorkEventCategory.stored(categoryText);
                String wrong = WorkEventCategory.problem(category);
                if (wrong != null) row.problem(EventColumn.CATEGORY, wrong);
            }
            java.math.BigDecimal count = java.math.BigDecimal.ONE;
            String countText = row.text(EventColumn.COUNT, 24);
            if (!countText.isEmpty()) {
                count = Values.amount(countText).orElse(null);
                if (count == null) row.problem(EventColumn.COUNT, "“" + countText + "”不是次数或数额(0或正数,最多4位小数,如3、7.132)");
            }
            String description = row.text(EventColumn.DESCRIPTION, 500);
            if (problems.count() == before && rows.size() < 100_000) {
                rows.add(new EventRow(row.number(), date, category, count, description.isEmpty() ? null : description));
            }
        });
        return rows;
    }

    /** 文稿: each row a paragraph of a part; figure names are checked here, so an unknown one stops the import. */
    List<LedgerRows.TextRow> texts(LedgerSource source, String sheetName, java.util.Set<String> categories) {
        List<LedgerRows.TextRow> rows = new ArrayList<>();
        Map<io.rectify.ledger.TextPart, Integer> last = new EnumMap<>(io.rectify.ledger.TextPart.class);
        Map<String, Integer> seen = new java.util.HashMap<>();
        new SheetReader<>(TextColumn.class, Layout.TEXTS, problems).read(source, sheetName, row -> {
            int before = problems.count();
            String partText = row.text(TextColumn.PART, 40);
            io.rectify.ledger.TextPart part = null;
            if (partText.isEmpty()) row.problem(TextColumn.PART, "缺少部分:" + TextColumn.PART.hint());
            else {
                part = io.rectify.ledger.TextPart.parse(partText).orElse(null);
                if (part == null) row.problem(TextColumn.PART, "未知的部分“" + partText + "”:" + TextColumn.PART.hint());
            }
            String seqText = row.text(TextColumn.SEQ, 12);
            Integer seq = null;
            if (!seqText.isEmpty()) {
                seq = Values.positive(seqText).orElse(null);
                if (seq == null) row.problem(TextColumn.SEQ, "“" + seqText + "”不是正整数");
            }
            String body = row.text(TextColumn.BODY, TEXT);
            if (body.isEmpty()) row.problem(TextColumn.BODY, "缺少内容");
            for (io.rectify.ledger.FigureNames.Reference ref : io.rectify.ledger.FigureNames.references(body)) {
                String wrong = io.rectify.ledger.FigureNames.problem(ref, categories);
                if (wrong != null) row.problem(TextColumn.BODY, wrong);
            }
            String levelText = row.text(TextColumn.LEVEL, 12);
            Integer level = io.rectify.ledger.TextPart.level(levelText).orElse(null);
            if (level == null) row.problem(TextColumn.LEVEL, "“" + levelText + "”不是层级:" + TextColumn.LEVEL.hint());
            String stampText = row.text(TextColumn.VERSION, 40);
            java.time.LocalDateTime stamp = null;
            if (!stampText.isEmpty()) {
                stamp = Values.stamp(stampText);
                if (stamp == null) row.problem(TextColumn.VERSION, "“" + stampText + "”不是导出时写入的版本:" + TextColumn.VERSION.hint());
            }
            if (part != null && seq == null && problems.count() == before) seq = last.getOrDefault(part, 0) + 1;
            if (part != null && seq != null) {
                last.merge(part, seq, Math::max);
                Integer first = seen.putIfAbsent(part + "/" + seq, row.number());
                if (first != null) {
                    row.problem(TextColumn.SEQ, part.label() + "第" + seq + "段重复(第" + first + "行已有)");
                }
            }
            if (problems.count() == before && rows.size() < 10_000) {
                rows.add(new LedgerRows.TextRow(row.number(), part, seq, body, level, stamp));
            }
        });
        return rows;
    }

    List<LedgerRows.UnitRow> units(LedgerSource source, String sheetName) {
        List<LedgerRows.UnitRow> rows = new ArrayList<>();
        Map<String, Integer> names = new java.util.HashMap<>();
        new SheetReader<>(Layout.UnitColumn.class, Layout.UNITS, problems).read(source, sheetName, row -> {
            int before = problems.count();
            String name = required(row, Layout.UnitColumn.NAME, 128, "单位");
            String contact = row.text(Layout.UnitColumn.CONTACT, 64);
            String email = required(row, Layout.UnitColumn.EMAIL, 255, "电子邮箱(催办邮件发到此邮箱)");
            String leader = row.text(Layout.UnitColumn.LEADER_EMAIL, 255);
            if (!email.isEmpty() && !EmailAddress.valid(email)) {
                row.problem(Layout.UnitColumn.EMAIL, "“" + email + "”不是电子邮箱地址");
            }
            if (!leader.isEmpty() && !EmailAddress.valid(leader)) {
                row.problem(Layout.UnitColumn.LEADER_EMAIL, "“" + leader + "”不是电子邮箱地址");
            }
            if (!name.isEmpty()) {
                Integer first = names.putIfAbsent(name, row.number());
                if (first != null) row.problem(Layout.UnitColumn.NAME, "重复:" + name + "在第" + first + "行已有");
            }
            if (problems.count() == before && rows.size() < 10_000) {
                rows.add(new LedgerRows.UnitRow(row.number(), name, contact.isEmpty() ? null : contact, email,
                        leader.isEmpty() ? null : leader));
            }
        });
        return rows;
    }

    List<LeaderRow> leaders(LedgerSource source, String sheetName) {
        List<LeaderRow> rows = new ArrayList<>();
        Map<String, Integer> emails = new java.util.HashMap<>();
        new SheetReader<>(LeaderColumn.class, Layout.LEADERS, problems).read(source, sheetName, row -> {
            int before = problems.count();
            String name = required(row, LeaderColumn.NAME, 64, "姓名");
            String title = row.text(LeaderColumn.TITLE, 128);
            String email = required(row, LeaderColumn.EMAIL, 255, "电子邮箱(季度汇报材料发到此邮箱)");
            if (!email.isEmpty() && !EmailAddress.valid(email)) {
                row.problem(LeaderColumn.EMAIL, "“" + email + "”不是电子邮箱地址");
            } else if (!email.isEmpty()) {
                Integer first = emails.putIfAbsent(email.toLowerCase(java.util.Locale.ROOT), row.number());
                if (first != null) row.problem(LeaderColumn.EMAIL, "重复:" + email + "在第" + first + "行已有");
            }
            if (problems.count() == before && rows.size() < 10_000) {
                rows.add(new LeaderRow(row.number(), name, title.isEmpty() ? null : title, email));
            }
        });
        return rows;
    }
}
