package vn.bantin.agent.command;

import java.io.IOException;
import java.nio.file.Path;

/** What the rest of the agent does for a command. */
public interface Actions {

    /** Sets the master volume in percent, applied at once to what plays. */
    void masterVolume(int percent) throws IOException;

    /** Kills and restarts mpv; what was playing is recorded INTERRUPTED with this reason. */
    void restartPlayback(String reason);

    /** Pulls the timeline and sends a heartbeat now. */
    void resync();

    /** A PNG of what the screen shows now, written to {@code target}; throws when there is nothing to show. */
    void screenshot(Path target) throws IOException;

    boolean hasScreen();
}
