package io.rectify.jobs;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.rectify.archive.GeneratedDocument;
import io.rectify.bulletins.BulletinMaker;

/** The nightly job's processor and writer: each hands its rounds to the {@link BulletinMaker} and logs. */
final class NightlyItems {

    private static final Logger log = LoggerFactory.getLogger("rectify.nightly");

    private NightlyItems() {}

    /** Makes a round's bulletin; filters the round out (returns null) when nothing changed since the last run. */
    static class BulletinProcessor implements ItemProcessor<Long, BulletinMaker.Bulletin> {
        private final BulletinMaker maker;
        private final LocalDate asOf;
        private final StepExecution step;
        private final RoundsDone done;

        BulletinProcessor(BulletinMaker maker, LocalDate asOf, StepExecution step, RoundsDone done) {
            this.maker = maker;
            this.asOf = asOf;
            this.step = step;
            this.done = done;
        }

        @Override
        public BulletinMaker.Bulletin process(Long roundId) {
            BulletinMaker.Bulletin bulletin = maker.make(roundId, asOf).orElse(null);
            if (bulletin == null) {
                log.info("[{}] round {}: unchanged since the last run, nothing written", done.next(step), roundId);
            }
            return bulletin;
        }
    }

    /** Stores each bulletin, recording the job execution that made it, and logs it. */
    static class BulletinWriter implements ItemWriter<BulletinMaker.Bulletin>, StepExecutionListener {
        private final BulletinMaker maker;
        private final RoundsDone done;
        private StepExecution step;

        BulletinWriter(BulletinMaker maker, RoundsDone done) {
            this.maker = maker;
            this.done = done;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) { this.step = stepExecution; }

        @Override
        public void write(Chunk<? extends BulletinMaker.Bulletin> chunk) {
            for (BulletinMaker.Bulletin b : chunk) {
                GeneratedDocument doc = maker.store(b, step.getJobExecutionId());
                log.info("[{}] {}: wrote {} ({} pages, {} KB){}", done.next(step), b.roundCode(), doc.path(),
                        doc.pageCount(), (doc.sizeBytes() + 1023) / 1024,
                        b.findings().isEmpty() ? "" : ", incomplete: " + b.findings().size() + " finding(s)");
                for (var f : b.findings()) log.warn("{}", f.line(b.roundCode()));
            }
        }
    }
}
