package io.rectify.cli;

import picocli.CommandLine.Option;

/** The options {@code quarterly} and {@code remind} share: which round, whether to send, whether to send again. */
final class SendOptions {

    @Option(names = "--round")
    String round;

    @Option(names = "--send")
    boolean send;

    @Option(names = "--resend-uncertain")
    boolean resendUncertain;

    /** {@code resendNeedsSend}: whether {@code --resend-uncertain} alone is a usage error. */
    void check(String command, boolean resendNeedsSend) {
        Options.roundCode(command, round);
        if (resendNeedsSend && resendUncertain && !send) {
            throw new UsageException(command + ": --resend-uncertain needs --send");
        }
    }
}
