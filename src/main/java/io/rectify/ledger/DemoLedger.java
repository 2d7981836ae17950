package io.rectify.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference round (洛江区委, bulletin of 2025-12-25) as shipped in {@code demo/luojiang/*.tsv}. Replacing an
 * earlier copy, and the leaders who receive its brief, are {@code system.DemoRound}'s part.
 */
@Component
public class DemoLedger {

    public static final String CODE = "luojiang-2024";
    public static final LocalDate BULLETIN_DATE = LocalDate.of(2025, 12, 25);
    private static final String FOLDER = "/demo/luojiang/";

    /** A leader who receives the demo round's brief: positions only, example.org addresses. */
    public record Recipient(String name, String title, String email) {}

    private final LedgerWriter writer;
    private final RoundTexts texts;

    public DemoLedger(LedgerWriter writer, RoundTexts texts) {
        this.writer = writer;
        this.texts = texts;
    }

    /** Writes the reference round's ledger (the round must not be there) and returns its id. */
    @Transactional
    public long insert() {
        Map<String, String> facts = new HashMap<>();
        for (Map<String, String> row : read("round.tsv")) facts.put(row.get("key"), row.get("value"));
        long roundId = writer.insertRound(new RoundFacts(0, facts.get("code"), facts.get("inspection_kind"),
                facts.get("deployed_by"), facts.get("inspecting_body"), facts.get("inspected_org"), facts.get("short_name"),
                LocalDate.parse(facts.get("onsite_start")), LocalDate.parse(facts.get("onsite_end")),
                LocalDate.parse(facts.get("feedback_date")), facts.get("issuing_organ"), facts.get("contact_phone"),
                facts.get("contact_address"), facts.get("contact_email"), true));

        Map<Integer, Long> sectionIds = new HashMap<>();
        for (Map<String, String> row : read("sections.tsv")) {
            int seq = Integer.parseInt(row.get("seq"));
            sectionIds.put(seq, writer.insertSection(roundId, seq, row.get("title")));
        }
        Map<Integer, Long> problemIds = new HashMap<>();
        for (Map<String, String> row : read("problems.tsv")) {
            int seq = Integer.parseInt(row.get("seq"));
            long sectionId = sectionIds.get(Integer.parseInt(row.get("section_seq")));
            problemIds.put(seq, writer.insertProblem(sectionId, seq, row.get("summary"), row.get("public_statement"),
                    row.get("lead_leader"), "1".equals(row.get("led_by_secretary"))));
        }
        Map<Integer, Long> measureIds = new HashMap<>();
        for (Map<String, String> row : read("measures.tsv")) {
            int seq = Integer.parseInt(row.get("seq"));
            long problemId = problemIds.get(Integer.parseInt(row.get("problem_seq")));
            measureIds.put(seq, writer.insertMeasure(problemId, seq, row.get("content"), row.get("responsible_leader"),
                    row.get("responsible_unit"), LocalDate.parse(row.get("deadline")), MeasureKind.valueOf(row.get("kind"))));
        }
        List<LedgerWriter.Report> reports = new ArrayList<>();
        for (Map<String, String> row : read("progress.tsv")) {
            String completion = row.get("completion_date");
            reports.add(new LedgerWriter.Report(measureIds.get(Integer.parseInt(row.get("measure_seq"))),
                    LocalDate.parse(row.get("report_date")), MeasureStatus.valueOf(row.get("status")),
                    completion.isEmpty() ? null : LocalDate.parse(completion), "1".equals(row.get("rechecked")),
                    row.get("note")));
        }
        writer.insertReports(reports);
        for (Map<String, String> row : read("work_events.tsv")) {
            writer.insertWorkEvent(roundId, LocalDate.parse(row.get("event_date")), row.get("category"),
                    new java.math.BigDecimal(row.get("event_count")), row.get("description"));
        }
        for (Map<String, String> row : read("texts.tsv")) {
            texts.insert(roundId, new RoundTexts.Text(TextPart.valueOf(row.get("part")), Integer.parseInt(row.get("seq")),
                    row.get("body")));
        }
        return roundId;
    }

    /** The leaders who receive the quarterly brief, in file order. */
    public List<Recipient> recipients() {
        return read("recipients.tsv").stream()
                .map(row -> new Recipient(row.get("name"), row.get("title").isEmpty() ? null : row.get("title"),
                        row.get("email")))
                .toList();
    }

    private static List<Map<String, String>> read(String file) {
        try (InputStream in = DemoLedger.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) throw new IllegalStateException("demo data missing from the build: " + FOLDER + file);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], i < cells.length ? cells[i] : "");
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo data " + file, e);
        }
    }
}
