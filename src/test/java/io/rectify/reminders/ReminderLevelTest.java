package io.rectify.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.rectify.progress.WorkingDays;

/** The three colours counted in working days of the shipped calendar: weekends, holidays and 调休 make-up days. */
class ReminderLevelTest {

    final WorkingDays days = WorkingDays.shipped();

    @Test
    void aWeekendIsNotCounted() {
        LocalDate friday = LocalDate.of(2026, 3, 6);
        // Monday 2026-03-23 is 11 working days after Friday 2026-03-06 (17 calendar days)
        assertThat(ReminderLevel.of(LocalDate.of(2026, 3, 23), friday, days)).isEqualTo(ReminderLevel.GREEN);
        // Friday 2026-03-20 is 10 working days after it: yellow
        assertThat(ReminderLevel.of(LocalDate.of(2026, 3, 20), friday, days)).isEqualTo(ReminderLevel.YELLOW);
        // Tuesday 2026-04-07 is 21 working days after it (清明 4-06 off): no reminder yet
        assertThat(ReminderLevel.of(LocalDate.of(2026, 4, 7), friday, days)).isNull();
    }

    @Test
    void holidaysAreNotCountedAndMakeUpDaysAre() {
        LocalDate asOf = LocalDate.of(2026, 9, 24);
        // 20 calendar days, 14 Monday–Friday, but 9 working days: 中秋 9-25, 国庆 10-01..07 off, Saturday 10-10 worked
        assertThat(days.between(asOf, LocalDate.of(2026, 10, 14))).isEqualTo(9);
        assertThat(ReminderLevel.of(LocalDate.of(2026, 10, 14), asOf, days)).isEqualTo(ReminderLevel.YELLOW);
        assertThat(ReminderLevel.of(LocalDate.of(2026, 10, 27), asOf, days)).isEqualTo(ReminderLevel.GREEN);
    }

    @Test
    void overdueIsRedFromTheDayAfterTheDeadline() {
        LocalDate deadline = LocalDate.of(2026, 9, 1);
        assertThat(ReminderLevel.of(deadline, deadline, days)).isEqualTo(ReminderLevel.YELLOW);
        assertThat(ReminderLevel.of(deadline, deadline.plusDays(1), days)).isEqualTo(ReminderLevel.RED);
    }

    @Test
    void aMeasureNamingSeveralUnitsIsRemindedToEach() {
        assertThat(Reminders.unitsOf("区财政局、区教育局")).containsExactly("区财政局", "区教育局");
        assertThat(Reminders.unitsOf(" 区财政局 ")).containsExactly("区财政局");
    }
}
