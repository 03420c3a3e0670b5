package vn.bantin.media;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.process.ExternalProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ffprobe's JSON about a file (-of json), through {@link ExternalProcess}. What a header says, nothing decoded:
 * durations from here are claims, to be checked by {@link DecodeCheck}.
 */
final class Ffprobe {

    private static final Logger log = LoggerFactory.getLogger(Ffprobe.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** ffprobe's warning when a file carries no duration and it guessed one from the first frames' bitrate. */
    private static final String ESTIMATED = "Estimating duration from bitrate";

    private final Path binary;

    Ffprobe(Path binary) {
        this.binary = binary;
    }

    /** The JSON ffprobe printed, and whether its duration is only an estimate (no header gave one). */
    record Answer(JsonObject json, boolean durationEstimated) {
        JsonArray streams() {
            return json.getJsonArray("streams", new JsonArray());
        }

        JsonObject format() {
            return json.getJsonObject("format", new JsonObject());
        }
    }

    /** Runs ffprobe -v warning with args before the file; an unreadable file is refused, a missing tool is not. */
    Answer run(Path file, String... args) throws MediaRejected {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-v", "warning", "-of", "json"));
        cmd.addAll(List.of(args));
        cmd.addAll(InputGuard.OPTIONS);
        cmd.add(file.toString());
        ExternalProcess.Result r;
        try {
            r = ExternalProcess.of(cmd).timeout(TIMEOUT).keep(1 << 20).run();
        } catch (IOException e) {
            throw new IllegalStateException("ffprobe could not be run: " + binary, e);
        } catch (ExternalProcess.TimedOut | InterruptedException e) {
            throw MediaRejected.timeout();
        }
        if (!r.ok()) {
            log.info("ffprobe refused {}: {}", file, r.stderr().strip());
            throw MediaRejected.unreadable();
        }
        try {
            return new Answer(new JsonObject(r.stdout()), r.stderr().contains(ESTIMATED));
        } catch (DecodeException e) {
            throw MediaRejected.unreadable();
        }
    }

    static double seconds(String v) {
        try {
            return v == null ? 0 : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean isCover(JsonObject stream) {
        JsonObject d = stream.getJsonObject("disposition");
        return d != null && Integer.valueOf(1).equals(d.getInteger("attached_pic"));
    }
}
