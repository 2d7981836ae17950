package io.rectify.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;

/**
 * {@code user add|passwd|rounds|disable|enable|list}: who may log in to the web page. Passwords are read from
 * the terminal (not echoed, asked twice) or, when stdin is not a terminal, as one line from stdin; never from the
 * command line, where other users of the machine could read them.
 */
@Command(name = "user")
class UserCommand implements Cli.Command {

    private static final Set<String> ACTIONS = Set.of("add", "passwd", "rounds", "disable", "enable", "list");

    @Parameters(arity = "0..*")
    List<String> positional = new ArrayList<>();

    @Option(names = "--role")
    String roleText;

    @Option(names = "--unit")
    String unit;

    /** May be given more than once, or as codes separated by commas. */
    @Option(names = "--round", split = ",")
    List<String> roundsGiven;

    String action;
    String name;
    Role role;
    final List<String> rounds = new ArrayList<>();
    char[] password;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar user add NAME --role SECRETARY|LEADER|ADMIN|UNIT [--unit NAME] \
                [--round CODE]…
                       java -jar target/rectify.jar user passwd NAME
                       java -jar target/rectify.jar user rounds NAME [--round CODE]…
                       java -jar target/rectify.jar user disable|enable NAME
                       java -jar target/rectify.jar user list

                Who may log in to the web page (rectify serve). A secretary (SECRETARY) or leader (LEADER) sees the
                documents of the rounds given with --round (repeat it, or separate codes with commas); an
                administrator (ADMIN) sees every round, the download record, and may run the nightly job.
                There is no built-in account and no default password.

                The password is read from the terminal, or as one line from stdin when stdin is not a terminal
                (echo "$PASS" | rectify user add …). At least 12 characters. Stored as a BCrypt hash.
                passwd and disable end the user's open sessions on the web page at once.

                Exit codes: 0 done, 2 bad arguments, unknown role, unknown round or user, or a weak password.""";
    }

    @Override
    public void check(List<String> springArgs) {
        if (positional.isEmpty()) throw new UsageException(
                "user: say what to do: add, passwd, rounds, disable, enable or list (see: rectify user --help)");
        action = positional.get(0);
        if (!ACTIONS.contains(action)) throw new UsageException("user: unknown action '" + action
                + "' (add, passwd, rounds, disable, enable, list)");
        checkName();
        checkRounds();
        if (action.equals("add")) {
            checkRole();
        } else if (roleText != null) {
            throw new UsageException("user " + action + ": --role is only for user add");
        } else if (unit != null) {
            throw new UsageException("user " + action + ": --unit is only for user add");
        }
        if (roundsGiven != null && !action.equals("add") && !action.equals("rounds")) {
            throw new UsageException("user " + action + ": --round is only for user add and user rounds");
        }
        if (action.equals("add") || action.equals("passwd")) checkPassword();
    }

    private void checkName() {
        if (action.equals("list")) {
            if (positional.size() > 1) throw new UsageException("user list: unexpected argument " + positional.get(1));
            return;
        }
        if (positional.size() < 2) throw new UsageException("user " + action + ": which user? (user " + action
                + " NAME)");
        if (positional.size() > 2) throw new UsageException("user " + action + ": unexpected argument "
                + positional.get(2));
        name = positional.get(1);
        try {
            PortalAccounts.checkName(name);
        } catch (PortalAccounts.AccountException e) {
            throw new UsageException("user " + action + ": " + e.getMessage());
        }
    }

    private void checkRounds() {
        if (roundsGiven == null) return;
        for (String code : roundsGiven) {
            if (code.isBlank()) throw new UsageException("user: --round needs a round code");
            rounds.add(code.strip());
        }
    }

    private void checkRole() {
        if (roleText == null) throw new UsageException("user add: --role SECRETARY, LEADER or ADMIN is required");
        try {
            role = Role.valueOf(roleText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("user add: unknown role '" + roleText + "' (SECRETARY, LEADER, ADMIN or UNIT)");
        }
        if (role == Role.UNIT && (unit == null || unit.isBlank())) {
            throw new UsageException("user add: --role UNIT needs --unit NAME (the 责任单位 as the ledger writes it)");
        }
        if (role != Role.UNIT && unit != null) throw new UsageException("user add: --unit is only for --role UNIT");
    }

    /** Read and checked before the application starts, so a weak password costs no database connection. */
    private void checkPassword() {
        try {
            password = readPassword();
        } catch (java.io.IOException e) {
            throw new UsageException("user " + action + ": cannot read the password: " + e.getMessage());
        }
        String weakness = PortalAccounts.weakness(name, password).orElse(null);
        if (weakness != null) {
            Arrays.fill(password, '\0');
            throw new UsageException("user " + action + ": " + weakness);
        }
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws IOException {
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        try {
            switch (action) {
                case "list" -> list(accounts, out);
                case "add" -> {
                    if (role == Role.ADMIN && !rounds.isEmpty()) {
                        err.println("rectify: note: an administrator sees every round; --round is recorded but not"
                                + " needed");
                    }
                    if (role != Role.ADMIN && rounds.isEmpty()) {
                        err.println("rectify: note: " + name + " is given no round and will see no documents until"
                                + " 'user rounds " + name + " --round CODE'");
                    }
                    try {
                        accounts.add(name, role, rounds, password);
                        if (unit != null) accounts.setUnit(name, unit.strip());
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                    out.println("user " + name + " added (" + role
                            + (rounds.isEmpty() ? "" : ", rounds " + String.join(", ", rounds)) + ")");
                }
                case "passwd" -> {
                    if (accounts.find(name).isEmpty()) throw new UsageException("user passwd: no user '" + name + "'");
                    try {
                        accounts.changePassword(name, password);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                    out.println("password of " + name + " changed; sessions opened with the old one have ended");
                }
                case "rounds" -> {
                    accounts.setRounds(name, rounds);
                    out.println(name + " now sees " + (rounds.isEmpty() ? "no round" : String.join(", ", rounds)));
                }
                case "disable", "enable" -> {
                    accounts.setEnabled(name, action.equals("enable"));
                    out.println("user " + name + " " + action + "d");
                }
                default -> throw new IllegalStateException(action);
            }
        } catch (PortalAccounts.AccountException e) {
            throw new UsageException("user " + action + ": " + e.getMessage());
        }
        return Cli.OK;
    }

    private static void list(PortalAccounts accounts, PrintStream out) {
        var all = accounts.list();
        if (all.isEmpty()) {
            out.println("no users (add one with: user add NAME --role ADMIN)");
            return;
        }
        out.printf("%-24s %-10s %-8s %s%n", "NAME", "ROLE", "ENABLED", "ROUNDS");
        for (PortalAccounts.Account a : all) {
            out.printf("%-24s %-10s %-8s %s%n", a.username(), a.role(), a.enabled() ? "yes" : "no",
                    a.role() == Role.ADMIN ? "(all)" : String.join(", ", a.rounds()));
        }
    }

    /** From the terminal, twice, not echoed; or the first line of stdin when there is no terminal. */
    static char[] readPassword() throws IOException {
        Console console = System.console();
        char[] password;
        if (console != null) {
            password = console.readPassword("Password (at least %d characters): ", PortalAccounts.MIN_PASSWORD_LENGTH);
            char[] again = console.readPassword("Password again: ");
            if (password == null || again == null) throw new UsageException("user: no password given");
            boolean same = Arrays.equals(password, again);
            Arrays.fill(again, '\0');
            if (!same) throw new UsageException("user: the two passwords differ");
        } else {
            password = firstLine(System.in);
            if (password == null) throw new UsageException("user: no password on stdin (give it as one line)");
        }
        return password;
    }

    /** One line of UTF-8 from {@code in}, without its line end, reading no further than the line end. */
    static char[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') break;
            bytes.write(b);
        }
        if (!any) return null;
        byte[] raw = bytes.toByteArray();
        int len = raw.length;
        if (len > 0 && raw[len - 1] == '\r') len--;
        java.nio.CharBuffer decoded = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(raw, 0, len));
        Arrays.fill(raw, (byte) 0);
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        return chars;
    }
}
