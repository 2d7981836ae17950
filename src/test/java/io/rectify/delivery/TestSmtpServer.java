package io.rectify.delivery;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server for the tests (GreenMail) on a fixed free port, so it can be stopped and started again at
 * the same address, that requires a login and can be told to refuse recipients (550 or 451 at RCPT TO), which GreenMail
 * alone never does.
 */
public final class TestSmtpServer {

    static final String USER = "rectify";
    static final String PASSWORD = "s3cret";

    /** Addresses refused at RCPT TO; shared by every server started by this class. */
    static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();
    /** Addresses refused for now at RCPT TO (451: try again later). */
    static final Set<String> DEFERRED = ConcurrentHashMap.newKeySet();

    public final int port;
    private GreenMail mail;

    public TestSmtpServer() {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void start() {
        mail = new Refusing(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        mail.getManagers().getUserManager().setAuthRequired(true);
        mail.setUser("rectify@example.org", USER, PASSWORD);
    }

    public void stop() {
        if (mail != null) mail.stop();
        mail = null;
    }

    public GreenMail mail() { return mail; }

    /** The Spring properties that point Rectify at this server (STARTTLS is not offered by GreenMail's SMTP). */
    public String[] springArgs() {
        return new String[] {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port,
                "--spring.mail.username=" + USER, "--spring.mail.password=" + PASSWORD,
                "--spring.mail.properties.mail.smtp.auth=true",
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "--spring.mail.properties.mail.smtp.timeout=5000",
                "--rectify.delivery.backoff=PT0.05S",
                "--rectify.mail.from=巡视整改办 <zhenggaiban@luojiang.example.net>"};
    }

    private static final class Refusing extends GreenMail {
        Refusing(ServerSetup setup) { super(setup); }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            RefusingManagers m = managers instanceof RefusingManagers r ? r : new RefusingManagers();
            this.managers = m;
            return super.createServices(config, m);
        }
    }

    private static final class RefusingManagers extends Managers {
        private volatile SmtpManager smtp;

        @Override
        public SmtpManager getSmtpManager() {
            if (smtp == null) {
                synchronized (this) {
                    if (smtp == null) {
                        smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                            @Override
                            public String checkRecipient(SmtpState state, MailAddress address) {
                                String email = address.getEmail().toLowerCase();
                                return REFUSED.contains(email) ? "550 5.1.1 <" + address.getEmail() + ">: mailbox unavailable"
                                        : DEFERRED.contains(email) ? "451 4.3.0 <" + address.getEmail() + ">: try again later"
                                        : null;
                            }
                        };
                    }
                }
            }
            return smtp;
        }
    }
}
