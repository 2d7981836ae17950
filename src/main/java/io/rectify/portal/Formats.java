package io.rectify.portal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the pages write sizes, durations and times (zh-CN). */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {}

    public static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format("%.1f KB", bytes / 1024.0);
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    public static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) return "—";
        if (end == null) return "进行中";
        Duration d = Duration.between(start, end);
        long s = d.getSeconds();
        if (s < 1) return d.toMillis() + " 毫秒";
        if (s < 60) return s + " 秒";
        if (s < 3600) return s / 60 + " 分 " + s % 60 + " 秒";
        return s / 3600 + " 小时 " + s % 3600 / 60 + " 分";
    }

    public static String time(LocalDateTime t) { return t == null ? "—" : TIME.format(t); }
}
