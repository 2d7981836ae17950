package io.rectify.ledger.importer;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/** A ledger file opened for streaming: sheets are read row by row, never held whole. */
public interface LedgerSource extends Closeable {

    /** The sheet names in the file, in their order. */
    List<String> sheetNames();

    /** Streams one sheet's rows to the handler, in order; stops early when the handler returns false. */
    void read(String sheet, RowHandler handler);

    @FunctionalInterface
    interface RowHandler {
        /** @return false to stop reading */
        boolean row(SheetRow row);
    }

    /** The sheet with this name, or with a name that contains it (整改台账 for 台账). */
    default Optional<String> findSheet(String name) {
        for (String s : sheetNames()) if (Cells.strip(s).equals(name)) return Optional.of(s);
        for (String s : sheetNames()) if (s.contains(name)) return Optional.of(s);
        return Optional.empty();
    }

    @Override
    void close();
}
