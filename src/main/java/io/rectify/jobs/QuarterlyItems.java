package io.rectify.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.rectify.briefs.BriefDeliveries;
import io.rectify.briefs.BriefMaker;
import io.rectify.briefs.Courier;
import io.rectify.delivery.Postman;
import io.rectify.progress.Quarter;

/** The quarterly job's processor, writers and listener: each hands its items to the briefs' services and logs. */
final class QuarterlyItems {

    private static final Logger log = LoggerFactory.getLogger("rectify.quarterly");

    private QuarterlyItems() {}

    /** Before the deliveries due are read, rows left SENDING by a run that died become UNCERTAIN. */
    static StepExecutionListener recoverInterrupted(BriefDeliveries deliveries) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution step) {
                deliveries.recoverInterrupted(QuarterlyJobConfig.scope(step.getJobParameters().getString("quarter"),
                        step.getJobParameters().getString("round")));
            }
        };
    }

    static class BriefProcessor implements ItemProcessor<Long, BriefMaker.Brief> {
        private final BriefMaker maker;
        private final Quarter quarter;

        BriefProcessor(BriefMaker maker, Quarter quarter) {
            this.maker = maker;
            this.quarter = quarter;
        }

        @Override
        public BriefMaker.Brief process(Long roundId) {
            return maker.make(roundId, quarter).orElse(null);
        }
    }

    static class BriefWriter implements ItemWriter<BriefMaker.Brief>, StepExecutionListener {
        private final BriefMaker maker;
        private StepExecution step;

        BriefWriter(BriefMaker maker) { this.maker = maker; }

        @Override
        public void beforeStep(StepExecution stepExecution) { this.step = stepExecution; }

        @Override
        public void write(Chunk<? extends BriefMaker.Brief> chunk) {
            for (BriefMaker.Brief b : chunk) {
                BriefMaker.Stored s = maker.store(b, step.getJobExecutionId());
                if (s.written()) {
                    log.info("{}: wrote {} ({} pages, {} KB)", b.roundCode(), s.document().path(),
                            s.document().pageCount(), (s.document().sizeBytes() + 1023) / 1024);
                } else {
                    log.info("{}: brief {} {}", b.roundCode(), s.document().path(), b.reason());
                }
                if (s.deliveriesAdded() > 0) log.info("{}: {} new delivery(ies) pending", b.roundCode(),
                        s.deliveriesAdded());
            }
        }
    }

    /**
     * Delivers each due row; once the mail server is found not answering (after a delivery's retries), leaves every
     * later row as it is, untouched, for the next run, and ends the step with
     * {@link QuarterlyJobConfig#SERVER_NOT_ANSWERING} and one line saying so: waiting out the time-outs for each
     * remaining recipient would only delay the run by hours.
     */
    static class DeliveryWriter implements ItemWriter<Long>, StepExecutionListener {
        private final Courier courier;
        private String notAnswering;
        private int left;

        DeliveryWriter(Courier courier) { this.courier = courier; }

        @Override
        public void write(Chunk<? extends Long> chunk) {
            for (Long id : chunk) {
                if (notAnswering != null) {
                    left++;
                    continue;
                }
                try {
                    courier.deliver(id);
                } catch (Postman.NotAnswering e) {
                    notAnswering = e.getMessage();
                }
            }
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            if (notAnswering == null) return stepExecution.getExitStatus();
            String line = notAnswering + "; " + left + (left == 1 ? " delivery" : " deliveries")
                    + " left for the next run";
            log.warn(line);
            return new ExitStatus(QuarterlyJobConfig.SERVER_NOT_ANSWERING, line);
        }
    }
}
