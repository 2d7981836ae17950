package io.rectify.cli;

/** Bad arguments or configuration: exit code 2, one line saying what is wrong. */
public class UsageException extends RuntimeException {
    public UsageException(String message) { super(message); }
}
