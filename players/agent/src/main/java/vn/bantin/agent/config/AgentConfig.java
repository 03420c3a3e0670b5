package vn.bantin.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import vn.bantin.agent.amp.AmpSettings;

/**
 * Typed agent configuration, looked up in a properties file ({@code --config FILE}), then in environment
 * variables ({@code controller.url} as {@code BANTIN_CONTROLLER_URL}), then defaults.
 */
public record AgentConfig(
        URI controllerUrl,
        Path controllerCaFile,
        boolean controllerPlainHttp,
        Path stateDir,
        String kind,
        String name,
        String enrollmentCode,
        String controllerKey,
        String controllerKeyFingerprint,
        String mpvPath,
        List<String> mpvArgs,
        Duration pollInterval,
        Duration heartbeatInterval,
        Duration missGrace,
        Duration preload,
        Duration loopMinJoin,
        long clockMaxStepMs,
        Path clockSkewFile,
        Duration pushSilence,
        AmpSettings amp,
        String controllerCaFingerprint) {

    public static final String CONTROLLER_URL = "controller.url";
    public static final String CONTROLLER_CA_FILE = "controller.ca.file";
    public static final String CONTROLLER_PLAIN_HTTP = "controller.plain.http";
    /** SHA-256 (hex) of the controller's own CA certificate (its tls.mode=local-ca), from the installer text. */
    public static final String CONTROLLER_CA_FINGERPRINT = "controller.ca.fingerprint";
    public static final String STATE_DIR = "state.dir";
    public static final String KIND = "kind";
    public static final String NAME = "name";
    public static final String ENROLLMENT_CODE = "enrollment.code";
    public static final String CONTROLLER_KEY = "controller.key";
    public static final String CONTROLLER_KEY_FINGERPRINT = "controller.key.fingerprint";
    public static final String MPV_PATH = "mpv.path";
    public static final String MPV_ARGS = "mpv.args";
    public static final String POLL_SECONDS = "poll.seconds";
    public static final String HEARTBEAT_SECONDS = "heartbeat.seconds";
    public static final String MISS_GRACE_SECONDS = "miss.grace.seconds";
    public static final String PRELOAD_MS = "preload.ms";
    public static final String LOOP_MIN_JOIN_MS = "loop.min.join.ms";
    public static final String CLOCK_MAX_STEP_MS = "clock.max.step.ms";
    public static final String CLOCK_SKEW_FILE = "clock.skew.file";
    public static final String PUSH_SILENCE_SECONDS = "push.silence.seconds";
    public static final String AMP_ON_COMMAND = "amp.on.command";
    public static final String AMP_OFF_COMMAND = "amp.off.command";
    public static final String AMP_WARMUP_MS = "amp.warmup.ms";
    public static final String AMP_HOLD_MS = "amp.hold.ms";
    public static final String AMP_TIMEOUT_MS = "amp.timeout.ms";

    public static AgentConfig load(String[] args, Map<String, String> env) throws IOException {
        Properties file = new Properties();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                try (Reader in = Files.newBufferedReader(Path.of(args[++i]), StandardCharsets.UTF_8)) {
                    file.load(in);
                }
            } else {
                throw new IllegalArgumentException("usage: bantin-agent [--config FILE]; unknown argument " + args[i]);
            }
        }
        Source src = new Source(file, env);
        String kind = src.get(KIND, "SPEAKER").toUpperCase(Locale.ROOT);
        if (!kind.equals("SCREEN") && !kind.equals("SPEAKER")) {
            throw new IllegalArgumentException(KIND + " must be SCREEN or SPEAKER, got " + kind);
        }
        String host = env.getOrDefault("HOSTNAME", "bantin-agent");
        String code = src.get(ENROLLMENT_CODE, "");
        List<String> mpvArgs = words(src.get(MPV_ARGS, ""));
        String skewFile = src.get(CLOCK_SKEW_FILE, "");
        String caFile = src.get(CONTROLLER_CA_FILE, "");
        return new AgentConfig(
                URI.create(src.get(CONTROLLER_URL, "https://127.0.0.1:8443")),
                caFile.isBlank() ? null : Path.of(caFile.trim()),
                Boolean.parseBoolean(src.get(CONTROLLER_PLAIN_HTTP, "false").trim()),
                Path.of(src.get(STATE_DIR, "/var/lib/bantin-agent")),
                kind,
                src.get(NAME, host),
                code.isBlank() ? null : code.trim(),
                src.get(CONTROLLER_KEY, ""),
                src.get(CONTROLLER_KEY_FINGERPRINT, ""),
                src.get(MPV_PATH, "mpv"),
                mpvArgs,
                Duration.ofSeconds(src.getLong(POLL_SECONDS, 300)),
                Duration.ofSeconds(src.getLong(HEARTBEAT_SECONDS, 1800)),
                Duration.ofSeconds(src.getLong(MISS_GRACE_SECONDS, 30)),
                Duration.ofMillis(src.getLong(PRELOAD_MS, 3000)),
                Duration.ofMillis(src.getLong(LOOP_MIN_JOIN_MS, 3000)),
                src.getLong(CLOCK_MAX_STEP_MS, 1000),
                skewFile.isBlank() ? null : Path.of(skewFile.trim()),
                Duration.ofSeconds(src.getLong(PUSH_SILENCE_SECONDS, 900)),
                new AmpSettings(words(src.get(AMP_ON_COMMAND, "")), words(src.get(AMP_OFF_COMMAND, "")),
                        Duration.ofMillis(src.getLong(AMP_WARMUP_MS, 1500)),
                        Duration.ofMillis(src.getLong(AMP_HOLD_MS, 10_000)),
                        Duration.ofMillis(src.getLong(AMP_TIMEOUT_MS, 3000))),
                src.get(CONTROLLER_CA_FINGERPRINT, "").trim());
    }

    /** An argument list written as space-separated words (run as it is, never through a shell). */
    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }

    private record Source(Properties file, Map<String, String> env) {

        String get(String key, String fallback) {
            String fromFile = file.getProperty(key);
            if (fromFile != null) {
                return fromFile;
            }
            return env.getOrDefault("BANTIN_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), fallback);
        }

        long getLong(String key, long fallback) {
            String value = get(key, Long.toString(fallback)).trim();
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, got " + value, e);
            }
        }
    }
}
