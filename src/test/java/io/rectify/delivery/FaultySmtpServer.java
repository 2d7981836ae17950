package io.rectify.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server that misbehaves on purpose, on a raw socket: it accepts the connection and then stops answering at
 * a chosen point (before the greeting, at MAIL FROM, after the final dot), or closes the connection after the final
 * dot without a reply, or behaves (ANSWER). It records the Message-ID of every message whose data arrived complete,
 * and counts the connections.
 */
final class FaultySmtpServer implements AutoCloseable {

    /** Where it stops answering; ANSWER: nowhere, it accepts every message (250 after the final dot). */
    enum Fault { SILENT, HANG_AT_MAIL, HANG_AFTER_DOT, DROP_AFTER_DOT, ANSWER, CRAWL }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    /** Connections accepted so far. */
    final AtomicInteger connections = new AtomicInteger();
    volatile Fault fault;

    FaultySmtpServer(Fault fault) throws IOException {
        this.fault = fault;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "faulty-smtp");
        t.setDaemon(true);
        t.start();
    }

    int port() { return server.getLocalPort(); }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "faulty-smtp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            if (fault == Fault.SILENT) {
                hang(s);
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            reply(out, "220 faulty.example ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.toUpperCase();
                if (cmd.startsWith("EHLO")) {
                    reply(out, "250-faulty.example\r\n250 8BITMIME");
                } else if (cmd.startsWith("HELO")) {
                    reply(out, "250 faulty.example");
                } else if (cmd.startsWith("MAIL")) {
                    if (fault == Fault.HANG_AT_MAIL) {
                        hang(s);
                        return;
                    }
                    reply(out, "250 ok");
                } else if (cmd.startsWith("RCPT")) {
                    reply(out, "250 ok");
                } else if (cmd.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) data.append(line).append('\n');
                    if (line == null) return;
                    Matcher m = MESSAGE_ID.matcher(data);
                    if (m.find()) received.add(m.group(1));
                    if (fault == Fault.ANSWER || fault == Fault.CRAWL) {
                        reply(out, "250 ok: queued");
                        continue;
                    }
                    if (fault == Fault.DROP_AFTER_DOT) return;
                    hang(s);
                    return;
                } else if (cmd.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException ignored) {
            // the client gave up: that is the point
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Keeps the connection open without a word until the client closes it or the server stops. */
    private static void hang(Socket s) throws IOException {
        while (s.getInputStream().read() >= 0) {
            // swallow whatever the client still sends
        }
    }

    private void reply(OutputStream out, String text) throws IOException {
        if (fault == Fault.CRAWL) pause(); // each reply late, but within the client's read time-out
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Spring properties that point Rectify at this server with short time-outs and a single attempt per run. */
    String[] springArgs() { return springArgs(1); }

    /** The same with {@code attempts} attempts per delivery, 50 ms apart (then 100 ms, …). */
    String[] springArgs(int attempts) {
        return new String[] {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port(),
                "--rectify.mail.timeout.connect=PT1S", "--rectify.mail.timeout.read=PT0.4S",
                "--rectify.mail.timeout.write=PT1S", "--rectify.delivery.max-attempts=" + attempts,
                "--rectify.delivery.backoff=PT0.05S", "--rectify.mail.from=巡视整改办 <zhenggaiban@luojiang.example.net>"};
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) s.close();
    }
}
