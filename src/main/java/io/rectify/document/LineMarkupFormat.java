package io.rectify.document;

import java.io.IOException;
import java.io.Writer;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

/**
 * The output format of the document templates: every {@code ${…}} is escaped for {@link DocumentMarkup}'s line
 * format, so text from the ledger (a 公开表述 with Alt-Enter line breaks and "title: …", a "|") stays text inside
 * the element the template wrote and never starts a line or a cell of its own.
 */
final class LineMarkupFormat extends CommonMarkupOutputFormat<LineMarkupFormat.Markup> {

    static final LineMarkupFormat INSTANCE = new LineMarkupFormat();

    private LineMarkupFormat() {}

    @Override
    public String getName() { return "rectifyLines"; }

    @Override
    public String getMimeType() { return null; }

    @Override
    public void output(String textToEsc, Writer out) throws IOException { out.write(escapePlainText(textToEsc)); }

    @Override
    public String escapePlainText(String plainTextContent) { return DocumentMarkup.escape(plainTextContent); }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) { return false; }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markup(plainTextContent, markupContent);
    }

    static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        Markup(String plainTextContent, String markupContent) { super(plainTextContent, markupContent); }

        @Override
        public LineMarkupFormat getOutputFormat() { return INSTANCE; }
    }
}
