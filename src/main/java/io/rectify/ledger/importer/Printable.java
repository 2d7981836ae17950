package io.rectify.ledger.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * The characters the documents can print ({@code fonts/printable.txt}, generated from the renderer's fonts), so
 * that a ledger whose text the nightly could not print is refused at import, with the cell named. Line breaks
 * and tabs are accepted: the documents join the lines.
 */
final class Printable {

    private static final BitSet CHARS = load();

    private Printable() {}

    /** The reason a text cannot be printed, in Chinese, or null when it can. */
    static String problem(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!CHARS.get(cp) && cp != '\n' && cp != '\r' && cp != '\t') {
                return "含有无法排印的字符“" + (Character.isISOControl(cp) || Character.isSurrogate((char) cp) ? ""
                        : new String(Character.toChars(cp))) + "”（" + String.format("U+%04X", cp) + "），请删去或换成常用字";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static BitSet load() {
        BitSet set = new BitSet(Character.MAX_CODE_POINT + 1);
        try (InputStream in = Printable.class.getResourceAsStream("/fonts/printable.txt")) {
            if (in == null) throw new IllegalStateException("fonts/printable.txt is not on the classpath");
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int dash = line.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? line.strip() : line.substring(0, dash), 16);
                int to = dash < 0 ? from : Integer.parseInt(line.substring(dash + 1).strip(), 16);
                set.set(from, to + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fonts/printable.txt", e);
        }
        return set;
    }
}
