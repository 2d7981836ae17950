package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.rectify.progress.Counts;

/** A change of rate is computed from the exact rates, then rounded once. */
class RateChangeTest {

    @Test
    void theChangeOfRateIsRoundedOnce() {
        Counts now = new Counts(2000, 1649, 351, 0, 0, 0);   // 82.45 %, printed 82.5
        Counts then = new Counts(2500, 2001, 499, 0, 0, 0);  // 80.04 %, printed 80.0
        assertThat(now.completionRate()).hasToString("82.5");
        assertThat(then.completionRate()).hasToString("80.0");
        assertThat(BriefComposer.change(now, then)).containsEntry("ratePoints", "2.4").containsEntry("rateSign", 1);
    }
}
