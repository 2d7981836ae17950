package io.rectify.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A small CJK line breaker with 禁则 (kinsoku): a line may break between any two ideographs, but never before a
 * closing mark (，。、；：？！）」』”’ ...), never after an opening mark (（「『“‘ ...), never inside a run of digits and
 * Latin letters (a number, a word), never inside an e-mail address, a URL or a phone number ({@link WordBounds}),
 * and never inside —— or …….
 * When the character that overflows may not start a line, the characters before it are pushed to the next line
 * (推出) and the shorter line is justified; nothing hangs outside the type area.
 */
final class LineBreaker {

    /** Characters that must not start a line. */
    static final String NO_START = "，。、；：？！）」』”’》〉】〕］｝〗．，,.;:!?)]}%％…·‰℃";
    /** Characters that must not end a line. */
    static final String NO_END = "（「『“‘《〈【〔［｛〖([{";

    private static final float EPS = 0.01f;

    private LineBreaker() {}

    /** A line [start, end) of a text; {@code last} when it is the final line of its block. */
    record Line(int start, int end, boolean last) {}

    static boolean isWordChar(int cp) {
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')
                || (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)
                || (cp >= 0xC0 && cp <= 0x24F) || ".,%-/@_:+#&'~=*°‰".indexOf(cp) >= 0;
    }

    private static boolean isDigit(int cp) {
        return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
    }

    private static boolean noStart(int cp) {
        return NO_START.indexOf(cp) >= 0;
    }

    private static boolean noEnd(int cp) {
        return NO_END.indexOf(cp) >= 0;
    }

    /** Whether a line may end after glyph i-1 and the next start at glyph i. */
    static boolean canBreakBefore(int[] cps, int i) {
        int a = cps[i - 1];
        int b = cps[i];
        if (a == ' ' || b == ' ') {
            return true;
        }
        if (isWordChar(a) && isWordChar(b)) {
            return false;
        }
        if (noStart(b) || noEnd(a)) {
            return false;
        }
        return !(a == b && (a == '—' || a == '…'));
    }

    /** Whether glyphs i-1 and i belong to one unbreakable word, so justification adds no space between them. */
    static boolean sameWord(int[] cps, int i) {
        return isWordChar(cps[i - 1]) && isWordChar(cps[i]);
    }

    /**
     * Breaks a text into lines, first-fit: a line holds glyphs while the sum of (advance + tc) stays within the
     * available width, which is how the 28-per-line grid (16 pt, Tc −0.21 pt) is defined.
     */
    static List<Line> breakLines(StyledText t, float firstWidth, float otherWidth, float tc) {
        List<Line> lines = new ArrayList<>();
        int[] cps = t.cps;
        int n = t.length;
        boolean[] glued = WordBounds.contacts(cps);
        int start = skipSpaces(cps, 0);
        while (start < n) {
            float avail = lines.isEmpty() ? firstWidth : otherWidth;
            float width = 0;
            int lastBreak = -1;
            int i = start;
            int breakAt = n;
            for (; i < n; i++) {
                if (i > start && canBreakBefore(cps, i) && !glued[i]) {
                    lastBreak = i;
                }
                float w = width + t.widths[i] + tc;
                if (w > avail + EPS && i > start) {
                    if (lastBreak > start) {
                        breakAt = lastBreak;
                    } else {
                        breakAt = i; // a word longer than the line: break it where it overflows
                    }
                    break;
                }
                width = w;
            }
            if (i >= n) {
                breakAt = n;
            }
            int end = trimEnd(cps, start, breakAt);
            int next = skipSpaces(cps, breakAt);
            lines.add(new Line(start, end, next >= n));
            start = next;
        }
        return lines;
    }

    private static int skipSpaces(int[] cps, int i) {
        while (i < cps.length && cps[i] == ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(int[] cps, int start, int end) {
        while (end > start && cps[end - 1] == ' ') {
            end--;
        }
        return end;
    }

    /**
     * X positions (relative to the line's left edge) of glyphs [start, end). When {@code justify}, the space left
     * over is spread over the gaps between units (ideographs, punctuation, whole words) so that the right edge of
     * the last glyph lies exactly at {@code avail}; gaps inside a word keep {@code tc}. Returns the gap used
     * between units in the last element of the array (index end - start).
     */
    static float[] positions(StyledText t, int start, int end, float avail, float tc, boolean justify) {
        int count = end - start;
        float[] xs = new float[count + 1];
        float gap = tc;
        if (justify && count > 1) {
            float natural = 0;
            int unitGaps = 0;
            int wordGaps = 0;
            for (int i = start; i < end; i++) {
                natural += t.widths[i];
                if (i > start) {
                    if (sameWord(t.cps, i)) {
                        wordGaps++;
                    } else {
                        unitGaps++;
                    }
                }
            }
            if (unitGaps > 0) {
                gap = (avail - natural - wordGaps * tc) / unitGaps;
            }
        }
        float x = 0;
        for (int i = start; i < end; i++) {
            xs[i - start] = x;
            float g = i + 1 < end && sameWord(t.cps, i + 1) ? tc : gap;
            x += t.widths[i] + g;
        }
        xs[count] = gap;
        return xs;
    }

    /**
     * Breaks a title into the fewest lines that fit, balanced so that the lines are as even as possible
     * (the bottom line the longer one when they cannot be equal: a trapezoid), with 禁则, words kept whole and a
     * preference for breaking after 关于 / before 关于 / after punctuation, and against breaking around 的. Words
     * stay whole ({@link WordBounds#title}): no line break inside 委员会, 关于, 巡察, 体育局 ….
     */
    static List<Line> balance(StyledText t, float maxWidth, float tc) {
        int n = t.length;
        if (n == 0) {
            return List.of();
        }
        if (t.width(0, n, tc) <= maxWidth + EPS) {
            return List.of(new Line(0, n, true));
        }
        int[] cps = t.cps;
        boolean[] can = new boolean[n + 1];
        boolean[] betweenWords = new boolean[n + 1];
        can[n] = true;
        betweenWords[n] = true;
        boolean[] glued = WordBounds.title(cps);
        for (int i = 1; i < n; i++) {
            // a title never parts a number from its unit ("2025年", "第四季度" stay whole)
            can[i] = canBreakBefore(cps, i) && !(isDigit(cps[i - 1]) && Character.isIdeographic(cps[i]));
            betweenWords[i] = can[i] && !glued[i];
        }
        int minLines = Math.max(2, (int) Math.ceil(t.width(0, n, tc) / maxWidth));
        // between words (7.3.1: 回行时词意完整) unless that takes more than one extra line, else at least with 禁则
        for (int m = minLines; m <= minLines + 1; m++) {
            List<Line> best = balanceInto(t, m, maxWidth, tc, betweenWords);
            if (best != null) {
                return best;
            }
        }
        for (int m = minLines; m <= n; m++) {
            List<Line> best = balanceInto(t, m, maxWidth, tc, can);
            if (best != null) {
                return best;
            }
        }
        return breakLines(t, maxWidth, maxWidth, tc);
    }

    private static List<Line> balanceInto(StyledText t, int m, float maxWidth, float tc, boolean[] can) {
        int n = t.length;
        float target = t.width(0, n, tc) / m;
        double inf = Double.MAX_VALUE / 4;
        double[][] cost = new double[m + 1][n + 1];
        int[][] from = new int[m + 1][n + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, inf);
        }
        cost[0][0] = 0;
        for (int k = 1; k <= m; k++) {
            for (int j = 1; j <= n; j++) {
                if (!can[j]) {
                    continue;
                }
                for (int i = 0; i < j; i++) {
                    if (cost[k - 1][i] >= inf || (i > 0 && !can[i])) {
                        continue;
                    }
                    int s = skipSpaces(t.cps, i);
                    int e = trimEnd(t.cps, s, j);
                    if (e <= s) {
                        continue;
                    }
                    float w = t.width(s, e, tc);
                    if (w > maxWidth + EPS) {
                        continue;
                    }
                    double d = (w - target) / t.size;
                    double c = cost[k - 1][i] + d * d + (j < n ? breakPenalty(t.cps, j) : 0)
                            + (w > target + EPS && k < m ? 0.01 : 0); // prefer the longer line at the bottom
                    if (c < cost[k][j]) {
                        cost[k][j] = c;
                        from[k][j] = i;
                    }
                }
            }
        }
        if (cost[m][n] >= inf) {
            return null;
        }
        List<Line> lines = new ArrayList<>();
        int j = n;
        for (int k = m; k >= 1; k--) {
            int i = from[k][j];
            int s = skipSpaces(t.cps, i);
            lines.add(0, new Line(s, trimEnd(t.cps, s, j), k == m));
            j = i;
        }
        return lines;
    }

    /** Two-character words that often end a phrase of a title: a good place for a title's line break. */
    private static final java.util.Set<String> PHRASE_ENDS = java.util.Set.of("情况", "工作", "问题", "方面", "整改",
            "推进", "意见", "通知", "通报", "报告", "安排", "决定", "方案", "巡视", "进展", "部署", "要求", "落实");

    private static double breakPenalty(int[] cps, int j) {
        int a = cps[j - 1];
        int b = cps[j];
        if (j >= 2 && cps[j - 2] == '关' && a == '于') {
            return -1.5;
        }
        if (b == '关' && j + 1 < cps.length && cps[j + 1] == '于') {
            return -1.0;
        }
        if ("，、；：）”》".indexOf(a) >= 0 || a == ' ') {
            return -1.0;
        }
        if (a == '的' || b == '的' || b == '之' || a == '之') {
            return 2.0;
        }
        if (isWordChar(a) && !isWordChar(b)) {
            return 3.0; // keep "2025年", "3项" together
        }
        if ("暨及和与".indexOf(b) >= 0) {
            return -0.8;
        }
        if (j >= 2 && PHRASE_ENDS.contains(new String(cps, j - 2, 2))) {
            return -0.8;
        }
        return 0;
    }
}
