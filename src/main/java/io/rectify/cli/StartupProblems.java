package io.rectify.cli;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;

/** Tells a start that failed on a setting or the database's address (the operator's to fix) from any other. */
final class StartupProblems {

    private StartupProblems() {}

    /** The bad setting or unreachable database, in one line; null when the cause is something else. */
    static String setting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindValidationException invalid) { // inside a BindException: the more precise one
                String prefix = invalid.getValidationErrors().getName().toString();
                return "bad setting: " + invalid.getValidationErrors().getAllErrors().stream()
                        .map(error -> (error instanceof FieldError f ? prefix + "." + kebab(f.getField()) : prefix)
                                + " " + error.getDefaultMessage())
                        .collect(Collectors.joining("; "));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                String what = bind.getProperty() == null ? bind.getName().toString()
                        : bind.getProperty().getName() + "=" + bind.getProperty().getValue();
                return "bad setting " + what + ": " + Cli.firstLine(Cli.rootCause(t));
            }
            if (connection(t)) {
                return "cannot connect to the database: " + Cli.firstLine(Cli.rootCause(t))
                        + " (check SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD)";
            }
        }
        return null;
    }

    private static boolean connection(Throwable t) {
        return t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof java.net.ConnectException
                || (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")));
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
