package io.rectify.briefs;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rectify.archive.DocumentArchive;
import io.rectify.delivery.DeliveryStatus;
import io.rectify.delivery.DeliveryStore;
import io.rectify.delivery.MailRoute;
import io.rectify.delivery.MailTransport;
import io.rectify.delivery.Postman;
import io.rectify.progress.Quarter;

/**
 * Which of a quarter's brief deliveries a run makes, and how: through SMTP when asked to send and a server is
 * configured ({@code spring.mail.host}), else into the outbox folder.
 */
public class BriefDeliveries {

    private static final Logger log = LoggerFactory.getLogger("rectify.quarterly");

    private final DeliveryStore store;
    private final Postman postman;
    private final DocumentArchive archive;
    private final InternetAddress mailFrom;
    private final MailRoute route;

    public BriefDeliveries(DeliveryStore store, Postman postman, DocumentArchive archive, InternetAddress mailFrom,
                           MailRoute route) {
        this.store = store;
        this.postman = postman;
        this.archive = archive;
        this.mailFrom = mailFrom;
        this.route = route;
    }

    /** The deliveries of a quarter, of one round or (round null) of all. */
    public static DeliveryStore.Scope scope(Quarter quarter, String round) {
        return new DeliveryStore.Scope(quarter.end(), round);
    }

    /**
     * Rows left SENDING by a run that died become UNCERTAIN: they may have reached the server, so are not sent again.
     */
    public void recoverInterrupted(DeliveryStore.Scope scope) {
        int uncertain = store.markInterruptedUncertain(scope);
        if (uncertain > 0) {
            log.warn("{} delivery(ies) were being sent when an earlier run stopped: UNCERTAIN, not sent again"
                    + " (see 'deliveries --status UNCERTAIN'; --resend-uncertain sends them again)", uncertain);
        }
    }

    /** The deliveries to attempt now, read from the ledger (what is due changes as deliveries are made). */
    public List<Long> due(DeliveryStore.Scope scope, boolean send, boolean resendUncertain) {
        Set<DeliveryStatus> due = EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);
        if (route.smtp(send)) due.add(DeliveryStatus.OUTBOX);
        if (resendUncertain) due.add(DeliveryStatus.UNCERTAIN);
        List<Long> ids = store.due(scope, due);
        log.info("{} delivery(ies) to make", ids.size());
        return ids;
    }

    /** A courier for one run, delivering through SMTP or into the outbox. */
    public Courier courier(boolean send, boolean resendUncertain) {
        MailTransport transport = route.transport(send, archive.outputDir());
        if (send && !route.smtp(send)) {
            log.warn("--send given but no SMTP server is configured (spring.mail.host): writing to the {}",
                    transport.describe());
        }
        log.info("delivering through {}", transport.describe());
        return new Courier(store, postman, archive, transport, mailFrom, resendUncertain);
    }
}
