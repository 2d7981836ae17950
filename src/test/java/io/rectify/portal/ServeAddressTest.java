package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} without {@code --address} listens on this machine only, and prints the address it listens on. */
class ServeAddressTest {

    @TempDir
    Path work;

    @Test
    void withoutAnAddressItListensOnLoopbackOnlyAndSaysSo() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.rectify.cli.Cli", "serve", "--port", "0",
                "--spring.datasource.url=jdbc:h2:mem:serve;MODE=MySQL;DB_CLOSE_DELAY=-1",
                "--rectify.data-dir=" + work.resolve("data"), "--rectify.output-dir=" + work.resolve("output"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher url = null;
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = Pattern.compile("Rectify 整改文档: http://([^/]+):(\\d+)/ ").matcher(line);
                if (m.find()) {
                    url = m;
                    break;
                }
            }
            assertThat(url).as(seen.toString()).isNotNull();
            assertThat(url.group(1)).isEqualTo("127.0.0.1");
            int port = Integer.parseInt(url.group(2));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            }
            Optional<InetAddress> lan = NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
            if (lan.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(lan.get(), port), 5_000);
                    }
                }).as("not reachable on " + lan.get()).isInstanceOf(IOException.class);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }
}
