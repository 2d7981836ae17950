package io.rectify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every table has one owner, by table: the one class whose SQL writes it (INSERT, UPDATE, DELETE, MERGE). Read from
 * the SQL string literals of the main sources, so a new writer fails here, naming the table and both classes.
 * The rounds and the generated documents are also read through their owners only. Spring Batch's and Spring
 * Integration's tables belong to them: no SQL of ours names them.
 */
class TableOwnersTest {

    /** Table → the class (under io.rectify) that writes it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("inspection_round", "ledger.RoundRepository"),
            Map.entry("feedback_section", "ledger.LedgerWriter"),
            Map.entry("problem", "ledger.LedgerWriter"),
            Map.entry("measure", "ledger.LedgerWriter"),
            Map.entry("progress_report", "ledger.LedgerWriter"),
            Map.entry("work_event", "ledger.LedgerWriter"),
            Map.entry("measure_term", "ledger.MeasureTerms"),
            Map.entry("round_text", "ledger.RoundTexts"),
            Map.entry("round_text_edit", "ledger.RoundTexts"),
            Map.entry("round_change", "ledger.RoundChanges"),
            Map.entry("responsible_unit", "ledger.UnitContacts"),
            Map.entry("extension_request", "ledger.Extensions"),
            Map.entry("closure", "ledger.Closures"),
            Map.entry("evidence", "ledger.Closures"),
            Map.entry("ledger_import", "ledger.importer.ImportStore"),
            Map.entry("ledger_import_change", "ledger.importer.ImportStore"),
            Map.entry("ledger_upload", "portal.UploadRecords"),
            Map.entry("generated_document", "archive.DocumentArchive"),
            Map.entry("document_finding", "archive.DocumentArchive"),
            Map.entry("publication", "archive.Publications"),
            Map.entry("reminder", "reminders.ReminderStore"),
            Map.entry("reminder_digest", "reminders.ReminderStore"),
            Map.entry("delivery", "delivery.DeliveryStore"),
            Map.entry("brief_mail", "delivery.DeliveryStore"),
            Map.entry("recipient", "delivery.RecipientRepository"),
            Map.entry("app_user", "accounts.PortalAccounts"),
            Map.entry("user_round", "accounts.PortalAccounts"),
            Map.entry("download_log", "accounts.DownloadLog"),
            Map.entry("run_lock", "jobs.RunLock"),
            Map.entry("unit_report", "ledger.UnitReports"),
            Map.entry("evidence_named", "ledger.Closures"));

    /** Tables that frameworks own through their own API (JobRepository, the JDBC message store). */
    static final Pattern FRAMEWORK_TABLES = Pattern.compile("(?i)(BATCH|INT)_\\w+");

    /** Tables that every other class reads through their owner. */
    static final Set<String> READ_THROUGH_OWNER = Set.of("inspection_round", "generated_document");

    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+(\\w+)");
    private static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+(\\w+)");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Path MAIN = Path.of("src/main/java/io/rectify");

    record Use(String owner, String table, boolean write) {}

    @Test
    void everyTableOfTheMigrationsHasAnOwner() {
        Set<String> unowned = new TreeSet<>(tablesOfTheMigrations());
        unowned.removeAll(OWNERS.keySet());
        unowned.removeIf(t -> FRAMEWORK_TABLES.matcher(t).matches());
        assertThat(unowned).as("tables without an owner in TableOwnersTest.OWNERS").isEmpty();
        assertThat(OWNERS.values()).allSatisfy(c -> assertThat(MAIN.resolve(c.replace('.', '/') + ".java")).exists());
    }

    @Test
    void everyTableIsWrittenByItsOwnerOnly() {
        List<String> wrong = new ArrayList<>();
        for (Use u : uses()) {
            if (!u.write() || u.owner().equals(OWNERS.get(u.table()))) continue;
            if (FRAMEWORK_TABLES.matcher(u.table()).matches()) continue;
            wrong.add(u.table() + " is written by " + u.owner() + ", its owner is " + OWNERS.get(u.table()));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theRoundsAndTheDocumentsAreReadThroughTheirOwners() {
        List<String> wrong = new ArrayList<>();
        for (Use u : uses()) {
            if (!READ_THROUGH_OWNER.contains(u.table()) || u.owner().equals(OWNERS.get(u.table()))) continue;
            wrong.add(u.table() + " is read by " + u.owner() + ": ask " + OWNERS.get(u.table()));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noSqlOfOursNamesTheFrameworksTables() {
        assertThat(uses()).filteredOn(u -> FRAMEWORK_TABLES.matcher(u.table()).matches())
                .as("Spring Batch's run history is read through JobRepository (see jobs.RunRecords)").isEmpty();
    }

    /** The scan itself: it finds the SQL it must find, or the tests above would pass on nothing. */
    @Test
    void theScanSeesWritesAndReads() {
        List<Use> uses = uses();
        assertThat(uses).contains(new Use("ledger.RoundRepository", "inspection_round", true),
                new Use("ledger.RoundRepository", "inspection_round", false),
                new Use("archive.DocumentArchive", "generated_document", true),
                new Use("delivery.DeliveryStore", "delivery", true));
        assertThat(scan("x", "String s = \"SELECT a FROM t JOIN u ON 1\" + \"\"\"\n  DELETE FROM v\"\"\";"))
                .containsExactlyInAnyOrder(new Use("x", "t", false), new Use("x", "u", false), new Use("x", "v", true),
                        new Use("x", "v", false));
        assertThat(scan("x", "log.info(\"update the ledger from the file\");")).isEmpty();
    }

    static List<Use> uses() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                String owner = MAIN.relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", "");
                return scan(owner, read(f)).stream();
            }).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables the SQL literals of one source name; SQL keywords are upper case in this project. */
    static List<Use> scan(String owner, String source) {
        StringBuilder sql = new StringBuilder();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) sql.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
        List<Use> uses = new ArrayList<>();
        for (Pattern p : List.of(WRITE, READ)) {
            Matcher m = p.matcher(sql);
            while (m.find()) {
                String table = m.group(1);
                boolean keyword = table.equals(table.toUpperCase()) && !FRAMEWORK_TABLES.matcher(table).matches();
                if (!keyword) uses.add(new Use(owner, table, p == WRITE));
            }
        }
        return uses.stream().distinct().toList();
    }

    static Set<String> tablesOfTheMigrations() {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher m = create.matcher(read(f));
                while (m.find()) tables.add(m.group(1));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
