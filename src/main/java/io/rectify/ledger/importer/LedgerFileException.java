package io.rectify.ledger.importer;

/** The file as a whole cannot be read (not a workbook, a zip bomb, an empty file …): one line saying why. */
public class LedgerFileException extends RuntimeException {
    public LedgerFileException(String message) { super(message); }

    public LedgerFileException(String message, Throwable cause) { super(message, cause); }
}
