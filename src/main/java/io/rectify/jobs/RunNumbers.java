package io.rectify.jobs;

import java.util.function.LongPredicate;

/**
 * The highest run number of a job's instances with the other parameters fixed, asked of the job repository by
 * parameters ({@code getJobInstance(job, parameters)}): runs are numbered 1, 2, 3 … without gaps, so doubling and
 * then halving finds the last one in a few look-ups, however many instances the repository holds.
 */
final class RunNumbers {

    private RunNumbers() {}

    /** The last run for which {@code exists} holds, 0 when there is none. */
    static long last(LongPredicate exists) {
        if (!exists.test(1)) return 0;
        long found = 1;
        long missing = 2;
        while (exists.test(missing)) {
            found = missing;
            missing *= 2;
        }
        while (missing - found > 1) {
            long mid = found + (missing - found) / 2;
            if (exists.test(mid)) found = mid; else missing = mid;
        }
        return found;
    }
}
