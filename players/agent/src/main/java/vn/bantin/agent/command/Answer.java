package vn.bantin.agent.command;

import java.nio.file.Path;

/** What the agent answers a command: DONE, FAILED or REFUSED, in words, and a screenshot when it took one. */
public record Answer(String outcome, String detail, Path screenshot) {

    static Answer done(String detail) {
        return new Answer("DONE", detail, null);
    }

    static Answer failed(String detail) {
        return new Answer("FAILED", detail, null);
    }

    static Answer refused(String detail) {
        return new Answer("REFUSED", detail, null);
    }
}
