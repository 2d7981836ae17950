package io.rectify.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rectify.ledger.importer.ImportStore;
import io.rectify.ledger.importer.LedgerLoader;
import io.rectify.ledger.importer.LedgerValidator;

/**
 * The reference round (洛江区委, bulletin of 2025-12-25) as the office keeps it: the ledger workbook it filled in at
 * the end of each month from March 2025 to January 2026 ({@code demo/luojiang/DATE.xlsx}), imported in order as the
 * office imports them, so each month's progress is a report of its own date. Replacing an earlier copy is
 * {@code system.DemoRound}'s part.
 */
@Component
public class DemoLedger {

    public static final String CODE = "luojiang-2024";
    public static final LocalDate BULLETIN_DATE = LocalDate.of(2025, 12, 25);
    private static final String FOLDER = "/demo/luojiang/";
    /** The month ends the office sent a workbook; files are checked as of the last, whatever today is. */
    static final List<LocalDate> MONTHS = Stream.iterate(LocalDate.of(2025, 3, 31),
            d -> !d.isAfter(LocalDate.of(2026, 1, 31)), d -> d.plusDays(1).plusMonths(1).minusDays(1)).toList();

    private final ImportStore store;
    private final LedgerLoader loader;

    public DemoLedger(ImportStore store, LedgerLoader loader) {
        this.store = store;
        this.loader = loader;
    }

    /** Imports the reference round's workbooks (the round must not be there) and returns its id. */
    @Transactional
    public long insert() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rectify-demo");
            LedgerValidator validator = new LedgerValidator(store, MONTHS.get(MONTHS.size() - 1));
            for (LocalDate month : MONTHS) {
                Path file = copy(month + ".xlsx", dir);
                LedgerValidator.Result result = validator.validate(file, CODE);
                if (!result.ok()) {
                    throw new IllegalStateException("demo workbook refused: " + result.problems().lines());
                }
                loader.loadWithin(file, result);
                Files.delete(file);
            }
            return store.round(CODE).orElseThrow().id();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo workbooks: " + e.getMessage(), e);
        } finally {
            if (dir != null) dir.toFile().delete();
        }
    }

    private static Path copy(String name, Path dir) throws IOException {
        try (InputStream in = DemoLedger.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("demo data missing from the build: " + FOLDER + name);
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }
}
