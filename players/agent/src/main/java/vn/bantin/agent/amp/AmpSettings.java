package vn.bantin.agent.amp;

import java.time.Duration;
import java.util.List;

/**
 * @param onCommand  switches the amplifier on (argument list, no shell); empty: no amplifier control
 * @param offCommand switches it off
 * @param warmup     the amplifier must be on this long before the first sound (relay settle, amplifier un-mute)
 * @param hold       it stays on this long after the last sound, so items close together don't click the relay
 * @param timeout    a command still running after this is killed and reported
 */
public record AmpSettings(List<String> onCommand, List<String> offCommand, Duration warmup, Duration hold,
                          Duration timeout) {

    public AmpSettings {
        onCommand = List.copyOf(onCommand);
        offCommand = List.copyOf(offCommand);
        if (onCommand.isEmpty() != offCommand.isEmpty()) {
            throw new IllegalArgumentException("amp.on.command and amp.off.command go together: set both or neither");
        }
    }

    public boolean configured() {
        return !onCommand.isEmpty();
    }

    /** How long before a start the on command is run: the warm-up plus the longest the command may take. */
    long leadMs() {
        return warmup.toMillis() + timeout.toMillis();
    }
}
