package io.rectify.ledger.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.function.UnaryOperator;
import java.util.function.BiFunction;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.MessageDigestAlgorithms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rectify.ledger.ChineseNumerals;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.UnitContacts;
import io.rectify.ledger.importer.LedgerRows.EventRow;
import io.rectify.ledger.importer.LedgerRows.LeaderRow;
import io.rectify.ledger.importer.LedgerRows.MeasureRow;

/**
 * The first pass over a ledger file: reads every sheet, streaming, and finds every problem, cell by cell and
 * across rows (duplicate 序号, one problem under two 方面, conflicting problem-level columns …). It keeps
 * only what is small — the sections and problems, the work events and leaders — for the second pass.
 */
public final class LedgerValidator {

    private static final Logger log = LoggerFactory.getLogger("rectify.import");

    /** What the validator needs to know about the database. */
    public interface Existing {
        Optional<RoundFacts> round(String code);

        /** seq → title of the round's sections. */
        Map<Integer, String> sections(long roundId);

        /** The categories of the round's 工作情况 so far (as stored), which its texts may cite. */
        default Set<String> eventCategories(long roundId) { return Set.of(); }
    }

    public static final class SectionDraft {
        public final String title;
        public Integer seq;
        public final int firstRow;

        SectionDraft(String title, Integer seq, int firstRow) {
            this.title = title;
            this.seq = seq;
            this.firstRow = firstRow;
        }
    }

    public static final class ProblemDraft {
        public final String summary;
        public final String section;
        public final int firstRow;
        public String statement;
        public String leadLeader;
        public Boolean bySecretary;
        /** The row that first gave each of the problem's columns. */
        final Map<Layout.LedgerColumn, Integer> rows = new java.util.EnumMap<>(Layout.LedgerColumn.class);

        ProblemDraft(String summary, String section, int firstRow) {
            this.summary = summary;
            this.section = section;
            this.firstRow = firstRow;
        }
    }

    /** The outcome of the first pass. */
    public record Result(ImportProblems problems, LedgerSources.Format format, String sha256, String roundCode,
                         RoundFacts round, RoundFacts existing, String ledgerSheet, int measureRows,
                         List<SectionDraft> sections, Map<String, ProblemDraft> problemDrafts,
                         List<EventRow> events, List<LeaderRow> leaders, List<String> notes,
                         List<LedgerRows.TextRow> texts, List<UnitContacts.Unit> units, Path evidence) {
        public boolean ok() { return !problems.any(); }

        /** The round's facts: the file's, or (a CSV file has none) the round's as stored. */
        public RoundFacts facts() { return round != null ? round : existing; }
    }

    private final Existing existing;
    private final LocalDate today;

    private Path evidenceDir;
    private UnaryOperator<String> evidenceCheck;

    public LedgerValidator(Existing existing, LocalDate today) {
        this.existing = existing;
        this.today = today;
    }

    /** The 佐证材料 the file names are taken from {@code dir} (the command line), each checked; else they wait. */
    public LedgerValidator evidence(Path dir, NamedEvidence evidence) {
        this.evidenceDir = dir;
        this.evidenceCheck = dir == null ? null : evidence.check(dir);
        return this;
    }

    /**
     * @param roundCode the round named on the command line: required for CSV, checked against 轮次编码 for a workbook
     */
    public Result validate(Path file, String roundCode) {
        ImportProblems problems = new ImportProblems(file.getFileName().toString());
        List<String> notes = new ArrayList<>();
        String sha = null;
        LedgerSources.Format format = null;
        try {
            format = LedgerSources.format(file);
            sha = sha256(file);
            try (LedgerSource source = LedgerSources.open(file)) {
                return validate(source, format, sha, roundCode, problems, notes);
            }
        } catch (LedgerFileException e) {
            // the secretary reads the refusal in words; what the library said, for whoever helps them, goes to the log
            problems.file(e.getMessage());
            if (e.getCause() != null) {
                log.info("import {}: file refused; cause: {}", file, Cells.firstLine(XlsxSource.rootCause(e)));
            }
            return new Result(problems, format, sha, roundCode, null, null, null, 0, List.of(), Map.of(), null, null,
                    notes, null, null, evidenceDir);
        }
    }

    private Result validate(LedgerSource source, LedgerSources.Format format, String sha, String roundArg,
                            ImportProblems problems, List<String> notes) {
        LedgerParser parser = new LedgerParser(problems, today, evidenceCheck);
        RoundFacts round = null;
        String code = roundArg;
        LocalDate feedback = null;
        Optional<String> ledgerSheet = source.findSheet(Layout.LEDGER);
        if (format == LedgerSources.Format.XLSX) {
            Optional<String> roundSheet = source.findSheet(Layout.ROUND);
            String missing = "缺少工作表:工作簿要有“" + Layout.ROUND + "”和“" + Layout.LEDGER + "”两表(现有:"
                    + String.join("、", source.sheetNames()) + ")";
            if (roundSheet.isEmpty()) {
                problems.add(Layout.ROUND, 0, null, missing);
            } else {
                round = new RoundSheetParser(problems).read(source, roundSheet.get()).orElse(null);
                if (round != null && round.code() != null) {
                    if (roundArg != null && !roundArg.equals(round.code())) {
                        // the same words on the page and the command line: the page has no --round
                        problems.add(Layout.ROUND, 0, Layout.RoundItem.CODE.label(), "“" + round.code()
                                + "”是另一轮次的台账,不是要导入的轮次(" + roundArg + "):请选择该轮次的文件");
                    }
                    code = round.code();
                }
                if (round != null) feedback = round.feedbackDate();
            }
            if (ledgerSheet.isEmpty()) problems.add(Layout.LEDGER, 0, null, missing);
        }
        RoundFacts known = code == null ? null : existing.round(code).orElse(null);
        if (code != null) {
            if (known == null && format == LedgerSources.Format.CSV) {
                problems.file("未知的轮次“" + code + "”:CSV 文件只能更新已有的轮次,请先导入该轮次的工作簿");
            }
            if (known != null && feedback == null) feedback = known.feedbackDate();
        } else if (format == LedgerSources.Format.CSV) {
            problems.file("CSV 文件只含“台账”一表:请用 --round 编码 指定轮次");
        }
        Map<Integer, String> knownSections = known == null ? Map.of() : existing.sections(known.id());

        Map<Integer, Integer> seqs = new HashMap<>();
        Map<String, SectionDraft> sections = new LinkedHashMap<>();
        Map<Integer, SectionDraft> sectionsBySeq = new HashMap<>();
        Map<String, ProblemDraft> drafts = new LinkedHashMap<>();
        int rows = 0;
        if (ledgerSheet.isPresent()) {
            SheetReader<Layout.LedgerColumn> reader = parser.measures(source, ledgerSheet.get(), feedback, m -> {
                Integer first = m.seq() > 0 ? seqs.putIfAbsent(m.seq(), m.row()) : null;
                if (first != null) {
                    problems.add(Layout.LEDGER, m.row(), Layout.LedgerColumn.SEQ.label(), "序号" + m.seq()
                            + "重复(第" + first + "行已有)");
                }
                if (m.sectionTitle() == null || m.problem() == null) return;
                section(m, sections, sectionsBySeq, problems);
                problem(m, drafts, problems);
            });
            if (reader != null) {
                rows = reader.dataRows();
                if (rows == 0) {
                    problems.add(Layout.LEDGER, reader.headerRow(), null, "没有整改措施:只有表头,没有数据行");
                }
                if (!reader.unusedHeaders().isEmpty()) {
                    notes.add("以下列未使用：" + String.join("、", reader.unusedHeaders()));
                }
            }
        }
        for (SectionDraft s : sections.values()) {
            if (s.seq == null || knownSections.containsValue(s.title)) continue;
            String other = knownSections.get(s.seq);
            if (other != null) {
                problems.add(Layout.LEDGER, s.firstRow, Layout.LedgerColumn.SECTION.label(),
                        "（" + ChineseNumerals.of(s.seq) + "）在本轮次中已是“" + other + "”;请用原标题或换一个序号");
            }
        }
        // a CSV file has only 台账
        List<EventRow> events = source.findSheet(Layout.EVENTS).map(s -> parser.events(source, s)).orElse(null);
        List<LeaderRow> leaders = source.findSheet(Layout.LEADERS).map(s -> parser.leaders(source, s)).orElse(null);
        List<LedgerRows.TextRow> texts = source.findSheet(Layout.TEXTS)
                .map(s -> parser.texts(source, s, categories(known, events))).orElse(null);
        List<UnitContacts.Unit> units = source.findSheet(Layout.UNITS).map(s -> parser.units(source, s)).orElse(null);
        return new Result(problems, format, sha, code, round, known, ledgerSheet.orElse(null), rows,
                new ArrayList<>(sections.values()), drafts, events, leaders, notes, texts, units, evidenceDir);
    }

    /** What the texts may cite: every category of 工作情况, the file's and those the round has already. */
    private Set<String> categories(RoundFacts known, List<EventRow> events) {
        Set<String> categories = new HashSet<>();
        if (known != null) categories.addAll(existing.eventCategories(known.id()));
        if (events != null) events.forEach(e -> categories.add(e.category()));
        return categories;
    }

    private static void section(MeasureRow m, Map<String, SectionDraft> sections, Map<Integer, SectionDraft> bySeq,
                                ImportProblems problems) {
        SectionDraft s = sections.get(m.sectionTitle());
        if (s == null) {
            s = new SectionDraft(m.sectionTitle(), null, m.row());
            sections.put(m.sectionTitle(), s);
        }
        if (m.sectionSeq() == null) return;
        if (s.seq == null) {
            SectionDraft other = bySeq.putIfAbsent(m.sectionSeq(), s);
            if (other != null && other != s) {
                problems.add(Layout.LEDGER, m.row(), Layout.LedgerColumn.SECTION.label(), "（"
                        + ChineseNumerals.of(m.sectionSeq()) + "）也是“" + other.title + "”(第"
                        + other.firstRow + "行);每个方面的序号不同");
                return;
            }
            s.seq = m.sectionSeq();
        } else if (!s.seq.equals(m.sectionSeq())) {
            problems.add(Layout.LEDGER, m.row(), Layout.LedgerColumn.SECTION.label(),
                    "“" + s.title + "”在第" + s.firstRow + "行编为（" + ChineseNumerals.of(s.seq) + "）,此处编为（"
                    + ChineseNumerals.of(m.sectionSeq()) + "）");
        }
    }

    private static void problem(MeasureRow m, Map<String, ProblemDraft> drafts, ImportProblems problems) {
        ProblemDraft p = drafts.get(m.problem());
        if (p == null) {
            p = new ProblemDraft(m.problem(), m.sectionTitle(), m.row());
            drafts.put(m.problem(), p);
        } else if (!p.section.equals(m.sectionTitle())) {
            problems.add(Layout.LEDGER, m.row(), Layout.LedgerColumn.PROBLEM.label(),
                    "该反馈问题在第" + p.firstRow + "行属于方面“" + p.section + "”;一个问题只属于一个方面");
            return;
        }
        p.statement = consistent(m, p, Layout.LedgerColumn.STATEMENT, p.statement, m.statement(), problems,
                (was, row) -> "与第" + row + "行同一反馈问题的公开表述不同(一个问题只有一个公开表述)");
        p.leadLeader = consistent(m, p, Layout.LedgerColumn.LEAD_LEADER, p.leadLeader, m.leadLeader(), problems,
                (was, row) -> "'" + m.leadLeader() + "”与第" + row + "行同一反馈问题的“" + was + "”不同");
        p.bySecretary = consistent(m, p, Layout.LedgerColumn.BY_SECRETARY, p.bySecretary, m.bySecretary(), problems,
                (was, row) -> "与第" + row + "行同一反馈问题不同");
    }

    /** A column of the problem, not the measure: the problem's rows give one value (or none); returns it. */
    private static <T> T consistent(MeasureRow m, ProblemDraft p, Layout.LedgerColumn column, T was, T now,
                                    ImportProblems problems, BiFunction<T, Integer, String> differs) {
        if (now == null) return was;
        if (was == null) {
            p.rows.put(column, m.row());
            return now;
        }
        if (!was.equals(now)) {
            problems.add(Layout.LEDGER, m.row(), column.label(), differs.apply(was, p.rows.get(column)));
        }
        return was;
    }

    public static String sha256(Path file) {
        try {
            return new DigestUtils(MessageDigestAlgorithms.SHA_256).digestAsHex(file);
        } catch (IOException e) {
            throw LedgerFileException.unreadable(e);
        }
    }
}
