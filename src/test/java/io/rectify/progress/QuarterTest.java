package io.rectify.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void parsesOnlyTheStrictForm() {
        assertThat(Quarter.parse("2025Q4")).isEqualTo(new Quarter(2025, 4));
        for (String bad : new String[] {"2025Q5", "2025Q0", "25Q4", "2025q4", " 2025Q4", "2025-Q4", ""}) {
            assertThatThrownBy(() -> Quarter.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a quarter");
        }
        assertThatThrownBy(() -> Quarter.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startEndAndNeighbours() {
        Quarter q = Quarter.parse("2024Q1");
        assertThat(q.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(q.previous()).isEqualTo(new Quarter(2023, 4));
        assertThat(q.next()).isEqualTo(new Quarter(2024, 2));
        assertThat(new Quarter(2024, 4).next()).isEqualTo(new Quarter(2025, 1));
        assertThat(Quarter.parse("2024Q4").end()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void theQuarterOfADayAndTheLastCompletedOne() {
        assertThat(Quarter.of(LocalDate.of(2025, 12, 25))).isEqualTo(new Quarter(2025, 4));
        assertThat(Quarter.of(LocalDate.of(2025, 4, 1))).isEqualTo(new Quarter(2025, 2));
        assertThat(Quarter.lastCompleted(LocalDate.of(2026, 1, 1))).isEqualTo(new Quarter(2025, 4));
        assertThat(Quarter.lastCompleted(LocalDate.of(2025, 12, 31))).isEqualTo(new Quarter(2025, 3));
        assertThat(new Quarter(2025, 4).contains(LocalDate.of(2025, 10, 1))).isTrue();
        assertThat(new Quarter(2025, 4).contains(LocalDate.of(2025, 9, 30))).isFalse();
    }

    @Test
    void writtenInChineseAndOrdered() {
        assertThat(new Quarter(2025, 4).chinese()).isEqualTo("2025年第四季度");
        assertThat(new Quarter(2025, 1).chinese()).isEqualTo("2025年第一季度");
        assertThat(new Quarter(2024, 4)).isLessThan(new Quarter(2025, 1));
        assertThat(new Quarter(2025, 4).toString()).isEqualTo("2025Q4");
    }
}
