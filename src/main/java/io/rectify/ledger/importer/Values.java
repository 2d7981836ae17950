package io.rectify.ledger.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;

/** Cell text to values: dates in the forms people type, statuses, measure kinds, yes/no, counts. */
public final class Values {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[\\sT]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private static final Map<String, MeasureStatus> STATUS = Map.ofEntries(
            Map.entry("未启动", MeasureStatus.NOT_STARTED), Map.entry("未开始", MeasureStatus.NOT_STARTED),
            Map.entry("推进中", MeasureStatus.IN_PROGRESS), Map.entry("正在推进", MeasureStatus.IN_PROGRESS),
            Map.entry("进行中", MeasureStatus.IN_PROGRESS), Map.entry("整改中", MeasureStatus.IN_PROGRESS),
            Map.entry("正在整改", MeasureStatus.IN_PROGRESS),
            Map.entry("已完成", MeasureStatus.COMPLETED), Map.entry("完成", MeasureStatus.COMPLETED),
            Map.entry("已整改", MeasureStatus.COMPLETED), Map.entry("已销号", MeasureStatus.COMPLETED),
            Map.entry("已办结", MeasureStatus.COMPLETED),
            Map.entry("持续推进", MeasureStatus.ONGOING), Map.entry("持续整改", MeasureStatus.ONGOING),
            Map.entry("长期推进", MeasureStatus.ONGOING));

    private static final Map<String, MeasureKind> KIND = Map.of(
            "立行立改", MeasureKind.IMMEDIATE, "即知即改", MeasureKind.IMMEDIATE,
            "限期整改", MeasureKind.TIME_BOUND, "限期完成", MeasureKind.TIME_BOUND,
            "长期坚持", MeasureKind.LONG_TERM, "长期整改", MeasureKind.LONG_TERM, "持续整改", MeasureKind.LONG_TERM);

    /** The dates a ledger can mean: a typo such as 2999-12-31 or a placeholder such as 9999-12-31 is refused. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private Values() {}

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
    public static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
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

    /** A date: an Excel date cell, an Excel serial number, or text such as 2025-03-31, 2025年3月31日, 2025.3.31, 2025/3/31. */
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

    public static Optional<MeasureStatus> status(String text) {
        String v = Cells.strip(text).replace(" ", "");
        MeasureStatus s = STATUS.get(v);
        if (s != null) return Optional.of(s);
        for (MeasureStatus st : MeasureStatus.values()) if (st.name().equalsIgnoreCase(v)) return Optional.of(st);
        return Optional.empty();
    }

    public static Optional<MeasureKind> kind(String text) {
        String v = Cells.strip(text).replace(" ", "");
        MeasureKind k = KIND.get(v);
        if (k != null) return Optional.of(k);
        for (MeasureKind kd : MeasureKind.values()) if (kd.name().equalsIgnoreCase(v)) return Optional.of(kd);
        return Optional.empty();
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
            if (n.signum() <= 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                return Optional.empty();
            }
            return Optional.of(n.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
