package io.rectify.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped working-day calendar: weekends, holidays, 调休 make-up days, a folder that overrides it. */
class WorkingDaysTest {

    final WorkingDays days = WorkingDays.shipped();

    @Test
    void aWeekendIsNotAWorkingDayAndAWeekdayIs() {
        assertThat(days.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();  // Saturday
        assertThat(days.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse();  // Sunday
        assertThat(days.isWorkingDay(LocalDate.of(2026, 3, 9))).isTrue();   // Monday
    }

    @Test
    void aPublicHolidayOnAWeekdayIsNotAWorkingDay() {
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();  // 元旦, Thursday
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse(); // 春节, Monday
        assertThat(days.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse(); // 国庆节、中秋节, Wednesday
    }

    @Test
    void a调休DayOnAWeekendIsAWorkingDay() {
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();   // Sunday worked for 元旦
        assertThat(days.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue(); // Saturday worked for 国庆节
    }

    @Test
    void countsTheWorkingDaysAfterADay() {
        // 2025-12-31 → 2026-01-09: Jan 1–3 holiday, Jan 4 (Sunday) worked, Jan 5–9 Monday to Friday
        assertThat(days.between(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 9))).isEqualTo(6);
        assertThat(days.between(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 9))).isZero();
        assertThat(days.between(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 1))).isZero();
    }

    @Test
    void aYearWithoutACalendarCountsMondayToFridayAndTheLogSaysSoOnce() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(WorkingDays.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            assertThat(days.isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue();   // a Wednesday: no holidays known
            assertThat(days.isWorkingDay(LocalDate.of(2031, 1, 4))).isFalse();  // Saturday
            assertThat(days.source(2031)).isEqualTo("Monday–Friday");
            assertThat(days.source(2026)).isEqualTo("classpath:calendar/2026.txt");
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).singleElement().extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .asString().startsWith("no working-day calendar for 2031").contains("counting Monday to Friday");
    }

    @Test
    void aFolderOverridesTheShippedYearAndAddsNewOnes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2031.txt"), "# test\nholiday 2031-01-01 元旦\nworkday 2031-01-04 调休\n");
        WorkingDays custom = new WorkingDays(dir.toString());
        assertThat(custom.isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
        assertThat(custom.isWorkingDay(LocalDate.of(2031, 1, 4))).isTrue();
        assertThat(custom.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse(); // the shipped 2026 still holds

        Files.writeString(dir.resolve("2032.txt"), "holiday 2032-13-01 元旦\n");
        assertThatThrownBy(() -> custom.isWorkingDay(LocalDate.of(2032, 1, 1)))
                .hasMessageEndingWith("2032.txt line 1: 2032-13-01 is not a date (YYYY-MM-DD)");
    }
}
