package vn.bantin.agent.clock;

import java.nio.file.Path;

/** Picks the time source from the configuration: the system's, or the test-only skew file's. */
public final class TimeSources {

    private TimeSources() {
    }

    public static TimeSource of(Path skewFile) {
        return skewFile == null ? TimeSource.system() : new SkewFileTimeSource(skewFile);
    }
}
