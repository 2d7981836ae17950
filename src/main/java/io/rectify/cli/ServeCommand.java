package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve [--port N]}: the secretaries' web page (package {@code io.rectify.portal}), until the process is
 * stopped. The port and the web application type reach Spring as command-line properties:
 * {@code application.properties} says {@code spring.main.web-application-type=none} for every other command,
 * and a command-line property outranks it.
 */
@Command(name = "serve")
class ServeCommand implements Cli.Command {

    static final int DEFAULT_PORT = 8080;
    /** Only this machine, unless --address says otherwise: the page is plain HTTP, meant behind an HTTPS proxy. */
    static final String DEFAULT_ADDRESS = "127.0.0.1";

    @Option(names = "--port")
    String portText;

    @Option(names = "--address")
    String address = DEFAULT_ADDRESS;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar serve [--port 8080] [--address 127.0.0.1]

                Starts the secretaries' web page (in Chinese): log in, find the generated bulletins and briefs, preview
                their first page, download them; see the run history and the delivery ledger. Administrators can
                run the nightly job for one round and read who downloaded what. Stops with Ctrl-C (or SIGTERM).

                It listens on 127.0.0.1 (this machine only) unless --address names another interface
                (0.0.0.0 for all). Serve it behind an HTTPS reverse proxy when it is reachable from other machines.
                Nobody can log in until an account exists: java -jar target/rectify.jar user add NAME --role ADMIN

                Exit codes: 0 stopped, 2 bad arguments, a port in use or a database that cannot be reached.""";
    }

    @Override
    public void check(List<String> springArgs) {
        int port = DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new UsageException("serve: --port " + portText
                        + " is not a port number (0-65535, 0 = any free port)");
            }
        }
        if (address == null || address.isBlank()) throw new UsageException("serve: --address needs a value");
        springArgs.add("--spring.main.web-application-type=servlet");
        Cli.springDefault(springArgs, "server.port", Integer.toString(port));
        Cli.springDefault(springArgs, "server.address", address);
    }

    @Override
    public WebApplicationType webApplicationType() { return WebApplicationType.SERVLET; }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
            throws InterruptedException {
        if (!(context instanceof WebServerApplicationContext web)) {
            err.println("rectify: serve: the web server did not start");
            return Cli.FAILED;
        }
        // a 签发 killed before its commit left a version's file without its record: gone before anyone sees the list
        int swept = context.getBean(io.rectify.bulletins.Signing.class).recover();
        if (swept > 0) err.println("rectify: serve: removed " + swept
                + " unrecorded file(s) of an interrupted publish");
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) closed.countDown();
        });
        out.println("Rectify 整改文档: " + url(address, web.getWebServer().getPort()) + "  (Ctrl-C to stop)");
        out.flush();
        while (context.isActive()) {
            if (closed.await(1, java.util.concurrent.TimeUnit.SECONDS)) break;
        }
        return Cli.OK;
    }

    /** The address people type: the host itself, or this machine's name when listening on every interface. */
    static String url(String address, int port) {
        String host = address;
        String note = "";
        if (address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "localhost";
            }
            note = " (listening on every interface)";
        }
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        return "http://" + host + ":" + port + "/" + note;
    }
}
