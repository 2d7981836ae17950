package io.rectify.progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * China's working days: Monday to Friday, less the public holidays, plus the weekend days worked instead (调休上班),
 * read per year from {@code YYYY.txt} — in the folder {@code rectify.calendar.dir} when it has that year, else the
 * shipped {@code calendar/YYYY.txt} on the class path. A year with neither counts Monday to Friday and logs so once.
 */
@Component
public class WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);

    /** The days of one year that differ from Monday–Friday; empty for a year without a calendar. */
    private record Year(Set<LocalDate> holidays, Set<LocalDate> workdays, String source) {}

    private final Path folder;
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    public WorkingDays(@Value("${rectify.calendar.dir:}") String folder) {
        this.folder = folder == null || folder.isBlank() ? null : Path.of(folder);
    }

    /** The shipped calendar only. */
    public static WorkingDays shipped() { return new WorkingDays(""); }

    public boolean isWorkingDay(LocalDate day) {
        Year y = year(day.getYear());
        if (y.holidays().contains(day)) return false;
        if (y.workdays().contains(day)) return true;
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) n++;
        }
        return n;
    }

    /** Where a year's calendar came from (a file, or "Monday–Friday" when there is none). */
    public String source(int year) { return year(year).source(); }

    private Year year(int year) {
        return years.computeIfAbsent(year, this::load);
    }

    private Year load(int year) {
        String name = year + ".txt";
        try {
            if (folder != null && Files.isRegularFile(folder.resolve(name))) {
                try (InputStream in = Files.newInputStream(folder.resolve(name))) {
                    return parse(in, year, folder.resolve(name).toString());
                }
            }
            InputStream shipped = WorkingDays.class.getResourceAsStream("/calendar/" + name);
            if (shipped != null) {
                try (shipped) {
                    return parse(shipped, year, "classpath:calendar/" + name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar of " + year, e);
        }
        log.warn("no working-day calendar for {} ({}{}): counting Monday to Friday, without holidays or 调休",
                year, folder == null ? "" : folder.resolve(name) + ", ", "classpath:calendar/" + name);
        return new Year(Set.of(), Set.of(), "Monday–Friday");
    }

    private static Year parse(InputStream in, int year, String source) throws IOException {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] parts = s.split("\\s+", 3);
            Set<LocalDate> into = parts[0].equals("holiday") ? holidays : parts[0].equals("workday") ? workdays : null;
            if (into == null || parts.length < 2) {
                throw new IllegalStateException(source + " line " + n
                        + ": expected 'holiday|workday DATE[..DATE] name'");
            }
            String[] range = parts[1].split("\\.\\.");
            LocalDate first;
            LocalDate last;
            try {
                first = LocalDate.parse(range[0]);
                last = range.length > 1 ? LocalDate.parse(range[1]) : first;
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(source + " line " + n + ": " + parts[1]
                        + " is not a date (YYYY-MM-DD)");
            }
            if (first.getYear() != year || last.getYear() != year || last.isBefore(first)) {
                throw new IllegalStateException(source + " line " + n + ": " + parts[1] + " is not a range of days in "
                        + year);
            }
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) into.add(d);
        }
        return new Year(Set.copyOf(holidays), Set.copyOf(workdays), source);
    }
}
