package io.rectify.render;

import io.rectify.document.OfficialDocument;

/** Lays a document out on the GB/T 9704 page and returns the finished PDF. Knows nothing of the database. */
public interface DocumentRenderer {

    RenderedPdf render(OfficialDocument document);

    /** The bytes of a complete PDF file and its number of pages. */
    record RenderedPdf(byte[] bytes, int pageCount) {}
}
