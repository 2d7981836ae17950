package io.rectify.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a line must not break although 禁则 would allow it: inside an e-mail address, a URL or a phone number (in
 * any text), and inside a word of a title (GB/T 9704 7.3.1: 回行时词意完整). A title's words are those of the
 * shipped list {@code title-words.txt} (委员会, 关于, 巡察, 党组, 体育 …), matched wherever they occur, overlaps
 * included (区委员会 stays whole), and an organ's one-character suffix (局, 委, 厅 …) never starts a title's line.
 */
final class WordBounds {

    private static final Set<String> WORDS = new HashSet<>();
    private static int longest;
    /** One-character suffixes of organs: 体育|局, 党|委, 办公|厅 … */
    private static final String SUFFIXES = "局厅委办院组部会处室";
    private static final Pattern CONTACT = Pattern.compile(
            "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}"            // e-mail
            + "|(?:https?://|www\\.)[A-Za-z0-9._~:/?#\\[\\]@!$&'*+,;=%\\-]+"   // URL
            + "|[（(]?\\d{3,4}[）)]?[-－—]?\\d{7,8}(?:[-－转]\\d{1,6})?"        // phone with its area code
            + "|1\\d{10}");                                                  // mobile

    static {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                WordBounds.class.getResourceAsStream("title-words.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String w = line.strip();
                if (w.isEmpty() || w.startsWith("#")) continue;
                WORDS.add(w);
                longest = Math.max(longest, w.length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WordBounds() {}

    /** {@code glued[i]}: no break before glyph i, for it is inside an e-mail address, a URL or a phone number. */
    static boolean[] contacts(int[] cps) {
        boolean[] glued = new boolean[cps.length + 1];
        Matcher m = CONTACT.matcher(plain(cps));
        while (m.find()) {
            for (int i = m.start() + 1; i < m.end(); i++) glued[i] = true;
        }
        return glued;
    }

    /** {@code glued[i]}: no break before glyph i of a title: inside a word, a contact, or before an organ's suffix. */
    static boolean[] title(int[] cps) {
        boolean[] glued = contacts(cps);
        String s = plain(cps);
        for (int start = 0; start < s.length(); start++) {
            for (int len = 2; len <= longest && start + len <= s.length(); len++) {
                if (!WORDS.contains(s.substring(start, start + len))) continue;
                for (int i = start + 1; i < start + len; i++) glued[i] = true;
            }
        }
        for (int i = 1; i < cps.length; i++) {
            if (SUFFIXES.indexOf(cps[i]) >= 0 && Character.isIdeographic(cps[i - 1])) glued[i] = true;
        }
        return glued;
    }

    /** One char per glyph (outside the BMP: a placeholder), so that string indices are glyph indices. */
    private static String plain(int[] cps) {
        StringBuilder b = new StringBuilder(cps.length);
        for (int cp : cps) b.append(Character.isBmpCodePoint(cp) ? (char) cp : '\uFFFD');
        return b.toString();
    }
}
