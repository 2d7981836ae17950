package io.rectify.ledger.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.time.LocalDateTime;
import java.util.function.Consumer;

import io.rectify.ledger.FigureNames;
import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.TextPart;
import io.rectify.ledger.UnitContacts;
import io.rectify.ledger.importer.Layout.EventColumn;
import io.rectify.ledger.importer.Layout.LeaderColumn;
import io.rectify.ledger.importer.Layout.LedgerColumn;
import io.rectify.ledger.importer.Layout.TextColumn;
import io.rectify.ledger.importer.Layout.UnitColumn;
import io.rectify.ledger.importer.LedgerRows.EventRow;
import io.rectify.ledger.importer.LedgerRows.LeaderRow;
import io.rectify.ledger.importer.LedgerRows.MeasureRow;

/**
 * Turns the sheets' rows into typed rows, checking each cell and each row on its own (the checks across
 * rows are {@link LedgerValidator}'s; the 轮次 sheet of items is {@link RoundSheetParser}'s). Every problem goes
 * to the {@link ImportProblems}; a row with a problem is not handed on.
 */
final class LedgerParser {

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

    // ---- 台账 -------------------------------------------------------------------------------------------

    /** Reads 台账, handing on each row (see {@link MeasureRow#valid()}); returns the reader (for its counts), or null. */
    SheetReader<LedgerColumn> measures(LedgerSource source, String sheetName, LocalDate feedback,
            Consumer<MeasureRow> out) {
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
        Integer seq = row.get(LedgerColumn.SEQ);
        String section = orAbove(row, LedgerColumn.SECTION, above, 0);
        String problem = orAbove(row, LedgerColumn.PROBLEM, above, 1);
        String content = row.get(LedgerColumn.MEASURE);
        String leader = row.get(LedgerColumn.LEADER);
        String unit = row.get(LedgerColumn.UNIT);
        LocalDate deadline = row.get(LedgerColumn.DEADLINE);
        notBefore(row, LedgerColumn.DEADLINE, deadline, feedback);
        MeasureKind kind = row.get(LedgerColumn.KIND);
        MeasureStatus status = row.get(LedgerColumn.STATUS);
        String note = row.get(LedgerColumn.NOTE);
        LocalDate reportDate = row.get(LedgerColumn.REPORT_DATE);
        LocalDate completion = row.get(LedgerColumn.COMPLETION_DATE);
        boolean reportDateGiven = !row.cell(LedgerColumn.REPORT_DATE).blank();
        boolean completionGiven = !row.cell(LedgerColumn.COMPLETION_DATE).blank();
        notAfterToday(row, LedgerColumn.REPORT_DATE, reportDate);
        notBefore(row, LedgerColumn.REPORT_DATE, reportDate, feedback);
        notAfterToday(row, LedgerColumn.COMPLETION_DATE, completion);
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
        if (note != null && !reportDateGiven && !(status == MeasureStatus.COMPLETED && completionGiven)
                && (status == null || status == MeasureStatus.NOT_STARTED)) {
            row.problem(LedgerColumn.REPORT_DATE, "缺少进展日期:填了" + row.header(LedgerColumn.NOTE) + "就要写汇报日期");
        }
        boolean rechecked = Boolean.TRUE.equals(row.get(LedgerColumn.RECHECKED));
        String leadLeader = row.get(LedgerColumn.LEAD_LEADER);
        Boolean bySecretary = row.get(LedgerColumn.BY_SECRETARY);
        String statement = row.get(LedgerColumn.STATEMENT);
        LocalDate rescheduled = row.get(LedgerColumn.RESCHEDULED);
        notAfterToday(row, LedgerColumn.RESCHEDULED, rescheduled);
        String reason = row.get(LedgerColumn.RESCHEDULE_REASON);
        List<String> files = evidence(row, status);
        LedgerRows.SectionName name = section == null ? new LedgerRows.SectionName(null, null)
                : LedgerRows.SectionName.parse(section);
        return new MeasureRow(row.number(), seq == null ? 0 : seq, name.seq(), name.title(), problem, content, leader,
                unit, deadline, kind, status, note, reportDate, completion, rechecked, leadLeader, bySecretary,
                statement, rescheduled, reason, files, problems.count() == before);
    }

    /** 方面 and 反馈问题: a blank cell repeats the row above (as merged cells read). */
    private static String orAbove(SheetReader<LedgerColumn>.Row row, LedgerColumn column, String[] above, int i) {
        String v = row.get(column);
        if (v != null) above[i] = v;
        else if (above[i] == null) row.problem(column, "缺少(空白表示同上一行,但这是第一行)");
        return above[i];
    }

    private <C extends Enum<C> & Layout.Column> void notAfterToday(SheetReader<C>.Row row, C column, LocalDate d) {
        if (d != null && d.isAfter(today)) row.problem(column, d + "晚于今天(" + today + ")");
    }

    private static void notBefore(SheetReader<LedgerColumn>.Row row, LedgerColumn column, LocalDate d,
                                  LocalDate feedback) {
        if (d != null && feedback != null && d.isBefore(feedback)) row.problem(column, d + "早于反馈日期" + feedback);
    }

    /** The 佐证材料 a row names: only for a measure reported 已完成, each file there and fit to keep. */
    private List<String> evidence(SheetReader<LedgerColumn>.Row row, MeasureStatus status) {
        List<String> names = io.rectify.ledger.EvidenceFile.names(
                Objects.requireNonNullElse(row.get(LedgerColumn.EVIDENCE), ""));
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

    // ---- 工作情况 and 领导 ----------------------------------------------------------------------------------

    /** Reads a sheet's rows with {@code row}; each row without problems is kept, up to {@code max}. */
    private <C extends Enum<C> & Layout.Column, R> List<R> rows(Class<C> columns, String sheet, LedgerSource source,
            String sheetName, int max, java.util.function.Function<SheetReader<C>.Row, R> row) {
        List<R> rows = new ArrayList<>();
        new SheetReader<>(columns, sheet, problems).read(source, sheetName, r -> {
            int before = problems.count();
            R read = row.apply(r);
            if (problems.count() == before && rows.size() < max) rows.add(read);
        });
        return rows;
    }

    List<EventRow> events(LedgerSource source, String sheetName) {
        return rows(EventColumn.class, Layout.EVENTS, source, sheetName, 100_000, row -> {
            LocalDate date = row.get(EventColumn.DATE);
            notAfterToday(row, EventColumn.DATE, date);
            return new EventRow(row.number(), date, row.get(EventColumn.CATEGORY), row.get(EventColumn.COUNT),
                    row.get(EventColumn.DESCRIPTION));
        });
    }

    /** 文稿: each row a paragraph of a part; figure names are checked here, so an unknown one stops the import. */
    List<LedgerRows.TextRow> texts(LedgerSource source, String sheetName, Set<String> categories) {
        Map<TextPart, Integer> last = new EnumMap<>(TextPart.class);
        Map<String, Integer> seen = new HashMap<>();
        return rows(TextColumn.class, Layout.TEXTS, source, sheetName, 10_000, row -> {
            int before = problems.count();
            TextPart part = row.get(TextColumn.PART);
            Integer seq = row.get(TextColumn.SEQ);
            String body = row.get(TextColumn.BODY);
            for (FigureNames.Reference ref : FigureNames.references(Objects.requireNonNullElse(body, ""))) {
                String wrong = FigureNames.problem(ref, categories);
                if (wrong != null) row.problem(TextColumn.BODY, wrong);
            }
            Integer level = row.get(TextColumn.LEVEL);
            LocalDateTime stamp = row.get(TextColumn.VERSION);
            if (part != null && seq == null && problems.count() == before) seq = last.getOrDefault(part, 0) + 1;
            if (part != null && seq != null) {
                last.merge(part, seq, Math::max);
                Integer first = seen.putIfAbsent(part + "/" + seq, row.number());
                if (first != null) row.problem(TextColumn.SEQ, part.label() + "第" + seq + "段重复(第" + first + "行已有)");
            }
            if (problems.count() > before) return null;
            return new LedgerRows.TextRow(row.number(), part, seq, body, level, stamp);
        });
    }

    List<UnitContacts.Unit> units(LedgerSource source, String sheetName) {
        Map<String, Integer> names = new HashMap<>();
        return rows(UnitColumn.class, Layout.UNITS, source, sheetName, 10_000, row -> {
            String name = row.get(UnitColumn.NAME);
            if (name != null) unique(row, UnitColumn.NAME, names, name, name);
            return new UnitContacts.Unit(name, row.get(UnitColumn.CONTACT), row.get(UnitColumn.EMAIL),
                    row.get(UnitColumn.LEADER_EMAIL));
        });
    }

    List<LeaderRow> leaders(LedgerSource source, String sheetName) {
        Map<String, Integer> emails = new HashMap<>();
        return rows(LeaderColumn.class, Layout.LEADERS, source, sheetName, 10_000, row -> {
            String name = row.get(LeaderColumn.NAME);
            String title = row.get(LeaderColumn.TITLE);
            String email = row.get(LeaderColumn.EMAIL);
            if (email != null) unique(row, LeaderColumn.EMAIL, emails, email.toLowerCase(Locale.ROOT), email);
            return new LeaderRow(row.number(), name, title, email);
        });
    }

    /** A value a sheet has once: a second row with it is a problem. */
    private static <C extends Enum<C> & Layout.Column> void unique(SheetReader<C>.Row row, C column,
                                                                   Map<String, Integer> seen, String key, String v) {
        Integer first = seen.putIfAbsent(key, row.number());
        if (first != null) row.problem(column, "重复:" + v + "在第" + first + "行已有");
    }
}
