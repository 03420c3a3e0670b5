package vn.bantin.agent.sync;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * What arrives on the push stream, by type: a signed command goes to the executor, a heartbeat answer to
 * the heartbeat waiting for it; anything else (timeline-changed, alert) only makes the agent pull now.
 */
public final class StreamInbox implements java.util.function.Consumer<String> {

    private static final Logger LOG = Logger.getLogger(StreamInbox.class.getName());

    private final Runnable pull;
    private final BiConsumer<String, String> commands;
    private final Heartbeat heartbeat;

    public StreamInbox(Runnable pull, BiConsumer<String, String> commands, Heartbeat heartbeat) {
        this.pull = pull;
        this.commands = commands;
        this.heartbeat = heartbeat;
    }

    @Override
    public void accept(String text) {
        Map<String, Object> m;
        try {
            m = JSON.std.mapFrom(text);
        } catch (IOException e) {
            LOG.warning("push stream message is not JSON; pulling anyway");
            pull.run();
            return;
        }
        switch (String.valueOf(m.get("type"))) {
            case "command" -> commands.accept((String) m.get("payload"), (String) m.get("sig"));
            case "heartbeat-answer" -> heartbeat.answeredOnStream(m);
            default -> pull.run();
        }
    }
}
