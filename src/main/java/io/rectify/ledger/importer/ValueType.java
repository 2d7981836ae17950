package io.rectify.ledger.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import io.rectify.ledger.CoarseDates.CoarseDate;
import io.rectify.ledger.CoarseDates;
import io.rectify.ledger.EmailAddress;

/**
 * What a column holds: how its cell is read and checked (with the Chinese wording of a blank or bad cell), and how a
 * value is written back (the export's cell, the template's drop-down list, date style and width). The parsers, the
 * template and the export all go through it, so a column's meaning is said once. Below them, cell text to values:
 * dates in the forms people type, yes/no, counts.
 *
 * @param max     longest text; 0: a date, read from the cell as stored (its text is not checked)
 * @param blank   the value of a blank cell
 * @param missing why a blank cell is a problem; null: it may be blank
 * @param written the cell the export writes: a String, a Number or a LocalDate
 * @param choices the template's drop-down list (empty: none); {@code strict}: nothing else may be typed
 * @param dated   the template gives the column's cells the date style
 */
public record ValueType<T>(int max, Reader<T> reader, T blank, String missing, Function<T, Object> written,
                           List<String> choices, boolean strict, int width, boolean dated) {

    /** Reads a cell (its text checked and capped) into a value, or says why it cannot and gives null. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Cell cell, Consumer<String> problem);
    }

    private ValueType(int max, Reader<T> reader, T blank, Function<T, Object> written, List<String> choices,
                      boolean strict, int width) {
        this(max, reader, blank, null, written, choices, strict, width, max == 0);
    }

    ValueType<T> missing(String why) {
        return new ValueType<>(max, reader, blank, why, written, choices, strict, width, dated);
    }

    ValueType<T> blank(T value) {
        return new ValueType<>(max, reader, value, missing, written, choices, strict, width, dated);
    }

    ValueType<T> width(int w) {
        return new ValueType<>(max, reader, blank, missing, written, choices, strict, w, dated);
    }

    /** A drop-down list; {@code strict}: nothing else may be typed, otherwise it only suggests. */
    ValueType<T> choices(List<String> words, boolean only) {
        return new ValueType<>(max, reader, blank, missing, written, words, only, width, dated);
    }

    /** The value written in the export for a value read (null: no cell). */
    Object write(Object value) {
        @SuppressWarnings("unchecked") T v = (T) value;
        return v == null ? null : written.apply(v);
    }

    static ValueType<String> text(int max) {
        return new ValueType<>(max, (c, p) -> c.value(), null, s -> s, List.of(), false, 11);
    }

    /** Text that must pass {@code check} (null: fine; else why not). */
    static ValueType<String> text(int max, Function<String, String> check) { return text(max, s -> s, check, s -> s); }

    /** Text taken as {@code convert} makes it, which must pass {@code check}; {@code written} back in the export. */
    static <T> ValueType<T> text(int max, Function<String, T> convert, Function<T, String> check,
                                 Function<T, Object> written) {
        return new ValueType<>(max, (c, p) -> {
            T v = convert.apply(c.value());
            String why = check.apply(v);
            if (why == null) return v;
            p.accept(why);
            return null;
        }, null, written, List.of(), false, 11);
    }

    static ValueType<String> email(int max) {
        return text(max, e -> EmailAddress.valid(e) ? null : "“" + e + "”不是电子邮箱地址");
    }

    /** Words read by {@code parse}; {@code bad} says why other text is not ({@code %s}: the text). */
    static <T> ValueType<T> words(int max, Function<String, Optional<T>> parse, String bad, Function<T, String> label,
                                  List<String> choices) {
        return new ValueType<>(max, parsed(parse, bad), null, label::apply, choices, !choices.isEmpty(), 11);
    }

    static ValueType<Integer> positive(int max) {
        return new ValueType<>(max, parsed(ValueType::positive, "“%s”不是正整数"), null, n -> n, List.of(), false, 6);
    }

    static ValueType<Boolean> yesNo() {
        return new ValueType<>(10, parsed(ValueType::yesNo, "“%s”应为是或否"), null, b -> b ? "是" : "否",
                List.of("是", "否"), true, 11);
    }

    static ValueType<BigDecimal> amount() {
        return new ValueType<>(24, parsed(ValueType::amount, "“%s”不是次数或数额(0或正数,最多4位小数,如3、7.132)"),
                BigDecimal.ONE, BigDecimal::doubleValue, List.of(), false, 6);
    }

    static ValueType<LocalDate> date() {
        return new ValueType<>(0, (c, p) -> {
            Optional<LocalDate> d = date(c);
            String why = d.isEmpty() ? notADate(c.value()) : implausible(d.get());
            if (why == null) return d.get();
            p.accept(why);
            return null;
        }, null, d -> d, List.of(), false, 12);
    }

    /** A date of the 轮次 sheet; an on-site date may also be a part of a month (2022年9月中旬). */
    static ValueType<CoarseDate> roundDate(boolean onsite) {
        return new ValueType<>(255, (c, p) -> {
            Optional<CoarseDate> d = date(c).map(day -> new CoarseDate(day, null))
                    .or(() -> onsite ? CoarseDates.parse(halfWidth(c.value())) : Optional.empty());
            String why = d.isEmpty() ? notADate(c.value()) + (onsite ? ",也可写作2022年9月中旬(上旬、中旬、下旬、初、底)" : "")
                    : implausible(d.get().day());
            if (why == null) return d.get();
            p.accept(why);
            return null;
        }, null, null, CoarseDate::day, List.of(), false, 12, true);
    }

    static String notADate(String text) {
        return "“" + text + "”不是日期(可写2025-03-31、2025年3月31日、2025.3.31或2025/3/31)";
    }

    private static <T> Reader<T> parsed(Function<String, Optional<T>> parse, String bad) {
        return (c, p) -> {
            Optional<T> v = parse.apply(c.value());
            if (v.isEmpty()) p.accept(bad.replace("%s", c.value()));
            return v.orElse(null);
        };
    }

    /**
     * A cell read as this type: a problem (through {@code problem}) for an unusable cell, unprintable or too long
     * text, a blank cell that must not be, or a bad value; then null (or, blank, the blank value).
     */
    T read(Cell c, Consumer<String> problem) {
        if (c.type() == Cell.Type.UNUSABLE) {
            problem.accept(c.problem());
            return null;
        }
        String v = c.value();
        if (max > 0) {
            String unprintable = Printable.problem(v);
            if (unprintable != null) problem.accept(unprintable);
            if (v.length() > max) {
                problem.accept("太长:" + v.length() + "个字,最多" + max + "个字");
                v = v.substring(0, max);
            }
        }
        if (v.isEmpty()) {
            if (missing != null) problem.accept(missing);
            return blank;
        }
        return reader.read(max > 0 ? Cell.of(v, c.type()) : c, problem);
    }

    // ---- cell text to values ----


    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                    + "(?:[\\sT]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /** The dates a ledger can mean: a typo such as 2999-12-31 or a placeholder such as 9999-12-31 is refused. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** Why a date read from a cell is not plausible, or null when it is. */
    static String implausible(LocalDate d) {
        return d.isBefore(EARLIEST) || d.isAfter(LATEST)
                ? "日期" + d + "不在合理范围内（" + EARLIEST + "至" + LATEST + "）" : null;
    }

    /** The export's stamp of a 文稿 row (版本), as {@link #STAMP} writes it: 2025-12-20 10:31:05; null if it is not one. */
    static LocalDateTime stamp(String text) {
        try {
            return LocalDateTime.parse(text.strip().replace('T', ' '), STAMP);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** How {@code export} writes the stamp of the 文稿 rows. */
    public static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** Digits and punctuation typed in full width (２０２５．３．３１) made plain. */
    static String halfWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') sb.append((char) (c - '０' + '0'));
            else if (c == '－' || c == '—' || c == '–') sb.append('-');
            else if (c == '／') sb.append('/');
            else if (c == '．' || c == '。') sb.append('.');
            else if (c == '：') sb.append(':');
            else sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A date: an Excel date cell, an Excel serial number, or text such as 2025-03-31, 2025年3月31日, 2025.3.31, 2025/3/31.
     */
    public static Optional<LocalDate> date(Cell cell) {
        String v = halfWidth(cell.value());
        if (v.isEmpty()) return Optional.empty();
        try {
            if (cell.type() == Cell.Type.NUMBER) {
                Matcher compact = COMPACT.matcher(v);
                if (compact.matches()) return Optional.of(ymd(compact));
                BigDecimal serial = new BigDecimal(v);
                if (serial.signum() > 0 && serial.compareTo(BigDecimal.valueOf(2958465)) <= 0) {
                    LocalDateTime dt = DateUtil.getLocalDateTime(serial.doubleValue());
                    return Optional.ofNullable(dt).map(LocalDateTime::toLocalDate);
                }
                return Optional.empty();
            }
            Matcher m = DATE.matcher(v);
            if (m.matches()) return Optional.of(ymd(m));
            Matcher compact = COMPACT.matcher(v);
            if (compact.matches()) return Optional.of(ymd(compact));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static LocalDate ymd(Matcher m) {
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** 是/否 and the usual variants; empty when the cell says neither. */
    public static Optional<Boolean> yesNo(String text) {
        String v = Cells.strip(text).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "是", "y", "yes", "true", "1", "√", "✓", "已复核" -> Optional.of(true);
            case "否", "n", "no", "false", "0", "×", "未复核" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** A count or an amount of 工作情况: 0 or more, at most 4 decimals (3, 7.132 万元), below 10^14; empty otherwise. */
    public static Optional<BigDecimal> amount(String text) {
        String v = halfWidth(Cells.strip(text));
        if (v.isEmpty() || v.length() > 24) return Optional.empty();
        try {
            BigDecimal n = new BigDecimal(v).stripTrailingZeros();
            if (n.signum() < 0 || n.scale() > 4 || n.compareTo(BigDecimal.TEN.pow(14)) >= 0) return Optional.empty();
            return Optional.of(n.scale() < 0 ? n.setScale(0) : n);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A positive whole number (1, 12, 12.0), empty otherwise. */
    public static Optional<Integer> positive(String text) {
        String v = halfWidth(Cells.strip(text));
        if (v.isEmpty() || v.length() > 12) return Optional.empty();
        try {
            BigDecimal n = new BigDecimal(v);
            if (n.signum() <= 0 || n.stripTrailingZeros().scale() > 0
                    || n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                return Optional.empty();
            }
            return Optional.of(n.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
