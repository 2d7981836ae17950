package io.rectify.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.archive.DocumentArchive;

/**
 * The one way from a request to a file: a document's database id, checked against the viewer's rounds, resolved
 * to a regular file inside the output folder (after following links). Nothing a request sends ever becomes part
 * of a path.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DocumentAccess {

    /**
     * No document has this id, or it belongs to a round the viewer was not given: the same 404 either way, so ids
     * cannot be probed.
     */
    static class NoSuchDocument extends RuntimeException {
        NoSuchDocument(long id) { super("no document " + id + " for this viewer"); }
    }

    /** The record is there but its file is not (404). */
    static class FileGone extends RuntimeException {
        final DocumentCatalog.Entry entry;

        FileGone(DocumentCatalog.Entry entry) {
            super("the file of document " + entry.doc().id() + " is gone");
            this.entry = entry;
        }
    }

    record Opened(DocumentCatalog.Entry entry, Path file) {}

    private final DocumentCatalog catalog;
    private final DocumentArchive archive;

    DocumentAccess(DocumentCatalog catalog, DocumentArchive archive) {
        this.catalog = catalog;
        this.archive = archive;
    }

    /** The document if the viewer may see it, whether or not its file is still there. */
    DocumentCatalog.Entry entry(Viewer viewer, long id) {
        DocumentCatalog.Entry entry = catalog.find(id).orElseThrow(() -> new NoSuchDocument(id));
        if (!viewer.canSee(entry.doc().roundId())) throw new NoSuchDocument(id);
        return entry;
    }

    /** The document and its file, if the viewer may see it and the file is where the record says. */
    Opened open(Viewer viewer, long id) {
        DocumentCatalog.Entry entry = entry(viewer, id);
        return new Opened(entry, file(entry));
    }

    /** Whether the document's file is where its record says (for the list, which shows missing files as such). */
    boolean fileExists(DocumentCatalog.Entry entry) {
        try {
            file(entry);
            return true;
        } catch (FileGone e) {
            return false;
        }
    }

    /** The document's .docx beside its PDF, if it is there (a brief mailed before Word files were made has none). */
    Optional<Path> word(DocumentCatalog.Entry entry) {
        try {
            return Optional.of(file(entry, DocumentArchive.wordPath(entry.doc().path())));
        } catch (FileGone e) {
            return Optional.empty();
        }
    }

    private Path file(DocumentCatalog.Entry entry) {
        return file(entry, entry.doc().path());
    }

    private Path file(DocumentCatalog.Entry entry, String path) {
        Path root = archive.outputDir();
        Path relative = Path.of(path);
        Path file = root.resolve(relative).normalize();
        if (relative.isAbsolute() || !file.startsWith(root)) throw new FileGone(entry); // a record that points outside
        try {
            if (!Files.isRegularFile(file)) throw new FileGone(entry);
            if (!file.toRealPath().startsWith(root.toRealPath())) throw new FileGone(entry);
        } catch (IOException e) {
            throw new FileGone(entry);
        }
        return file;
    }
}
