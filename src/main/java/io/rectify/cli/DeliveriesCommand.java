package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.rectify.delivery.DeliveryHistory;
import io.rectify.delivery.DeliveryStatus;
import io.rectify.delivery.DeliveryStore;
import io.rectify.progress.Quarter;

/** {@code deliveries [--round CODE] [--quarter YYYYQn] [--status STATUS]}: the delivery ledger. */
@Command(name = "deliveries")
class DeliveriesCommand implements Cli.Command {

    @Option(names = "--round")
    String round;

    @Option(names = "--quarter")
    String quarterText;

    @Option(names = "--status")
    String statusText;

    Quarter quarter;
    DeliveryStatus status;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar deliveries [--round CODE] [--quarter YYYYQn] [--status STATUS]

                Lists the delivery ledger of the quarterly briefs, one line per brief and recipient, tab-separated:
                quarter, round, status, attempts, last change, recipient, Message-ID, last error; then the reminder
                digests (催办, 'remind --send'), one line per digest: its date, unit, measures per level (red/yellow/
                green), status and address. STATUS is one of
                PENDING, SENDING, SENT, OUTBOX (written to the outbox, not sent), FAILED (tried again by the next run)
                and UNCERTAIN (may have been delivered; sent again only by 'quarterly --resend-uncertain').""";
    }

    @Override
    public void check(List<String> springArgs) {
        quarter = quarterText == null ? null : QuarterlyCommand.quarter("deliveries", quarterText);
        if (statusText != null) {
            try {
                status = DeliveryStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("deliveries: --status " + statusText + " is not one of "
                        + List.of(DeliveryStatus.values()));
            }
        }
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        List<DeliveryStore.Delivery> rows = context.getBean(DeliveryStore.class)
                .list(round, quarter == null ? null : quarter.end(), status);
        out.println("quarter\tround\tstatus\tattempts\tupdated\trecipient\tmessage-id\tlast error");
        for (DeliveryStore.Delivery d : rows) {
            out.println(Quarter.of(d.asOf()) + "\t" + d.roundCode() + "\t" + d.status() + "\t" + d.attempts() + "\t"
                    + d.updatedAt() + "\t" + d.recipient() + (d.active() ? "" : " (removed)") + "\t" + d.messageId()
                    + "\t" + (d.lastError() == null ? "" : d.lastError()));
        }
        out.println(rows.size() + " delivery(ies)");
        digests(context, out);
        return Cli.OK;
    }

    /** The reminder digests (催办) under the same filters: the quarter of their date, their round and status. */
    private void digests(ConfigurableApplicationContext context, PrintStream out) {
        DeliveryHistory history = context.getBean(DeliveryHistory.class);
        List<DeliveryHistory.DigestRow> rows = history.digests(null, round, Integer.MAX_VALUE).stream()
                .filter(d -> quarter == null || quarter.contains(d.asOf()))
                .filter(d -> status == null || status.name().equals(d.status())).toList();
        out.println();
        out.println("kind\tround\tas of\tunit\tred/yellow/green\tstatus\tattempts\tcreated\tupdated\tto\tlast error");
        for (DeliveryHistory.DigestRow d : rows) {
            out.println("digest\t" + d.roundCode() + "\t" + d.asOf() + "\t" + d.unit() + "\t"
                    + d.red() + "/" + d.yellow() + "/" + d.green() + "\t" + d.status() + "\t" + d.attempts() + "\t"
                    + d.createdAt() + "\t"
                    + d.updatedAt() + "\t" + d.email() + (d.cc() == null ? "" : " cc " + d.cc()) + "\t"
                    + (d.lastError() == null ? "" : d.lastError()));
        }
        out.println(rows.size() + " reminder digest(s)");
    }
}
