package vn.bantin.config;

import vn.bantin.media.MediaLimits;
import vn.bantin.media.MediaProfile;
import vn.bantin.media.RenditionSettings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Looks each key up in the properties file, then in the environment, then takes its default (the
 * agent reads its configuration the same way). A key {@code http.port} is the environment variable
 * {@code BANTIN_HTTP_PORT}; {@code PORT} is accepted as a shorthand for the HTTP port.
 */
public final class ConfigLoader {

    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String DATA_DIR = "data.dir";
    public static final String JDBC_URL = "db.url";
    public static final String JDBC_USER = "db.user";
    public static final String JDBC_PASSWORD = "db.password";
    public static final String MAX_UPLOAD_BYTES = "upload.max.bytes";
    public static final String ADMIN_TOKEN = "admin.token";
    public static final String HORIZON_DAYS = "timeline.horizon.days";
    public static final String DEFAULT_ZONE = "default.zone";
    public static final String ADMIN_TOKEN_FILE = "admin.token.file";
    public static final String SESSION_IDLE_SECONDS = "session.idle.seconds";
    public static final String SESSION_ABSOLUTE_SECONDS = "session.absolute.seconds";
    public static final String LOGIN_FAILURES_ACCOUNT = "login.failures.per.account";
    public static final String LOGIN_FAILURES_ADDRESS = "login.failures.per.address";
    public static final String LOGIN_WINDOW_SECONDS = "login.window.seconds";
    public static final String ARGON2_MEMORY_KIB = "password.argon2.memory.kib";
    public static final String ARGON2_ITERATIONS = "password.argon2.iterations";
    public static final String ENROLLMENT_PENDING_MAX = "enrollment.pending.max";
    public static final String ENROLLMENT_PER_MINUTE = "enrollment.calls.per.minute";
    public static final String ENROLLMENT_NEW_PER_HOUR = "enrollment.new.per.hour";
    public static final String TLS_CERT_FILE = "tls.cert.file";
    public static final String TLS_KEY_FILE = "tls.key.file";
    public static final String HTTP_PLAIN = "http.plain";
    /** {@code files} (tls.cert.file/tls.key.file, or plain HTTP without them) or {@code local-ca}. */
    public static final String TLS_MODE = "tls.mode";
    /** Host names and IP addresses the local CA's server certificate names, comma-separated. */
    public static final String TLS_LOCAL_CA_NAMES = "tls.local-ca.names";
    public static final String PLAN_REFRESH_SECONDS = "evidence.plan.refresh.seconds";
    public static final String CLASSIFY_SECONDS = "evidence.classify.seconds";
    public static final String OFFLINE_AFTER_SECONDS = "endpoint.offline.after.seconds";
    public static final String PUSH_PING_SECONDS = "push.ping.seconds";
    public static final String COMMAND_TTL_SECONDS = "command.ttl.seconds";
    public static final String IMAGE_MAX_BYTES = "media.image.max.bytes";
    public static final String IMAGE_MAX_PIXELS = "media.image.max.pixels";
    public static final String VIDEO_MAX_BYTES = "media.video.max.bytes";
    public static final String VIDEO_MAX_PIXELS = "media.video.max.pixels";
    public static final String VIDEO_MAX_SECONDS = "media.video.max.seconds";
    public static final String AUDIO_MAX_BYTES = "media.audio.max.bytes";
    public static final String AUDIO_MAX_SECONDS = "media.audio.max.seconds";
    public static final String LOUDNESS_TARGET_LUFS = "media.loudness.target.lufs";
    /** media.profile.&lt;profile id&gt;.sound: true or false, for each {@link MediaProfile}. */
    public static final String PROFILE_SOUND_PREFIX = "media.profile.";
    public static final String MAP_TILE_URL = "ui.map.tiles.url";
    public static final String MAP_ATTRIBUTION = "ui.map.tiles.attribution";
    public static final String MAP_MAX_ZOOM = "ui.map.max.zoom";
    public static final String ICECAST_MODE = "icecast.mode";
    public static final String ICECAST_BINARY = "icecast.binary";
    public static final String ICECAST_HOST = "icecast.host";
    public static final String ICECAST_PORT = "icecast.port";
    public static final String ICECAST_PUBLIC_URL = "icecast.public.url";
    public static final String ICECAST_CREDENTIALS_FILE = "icecast.credentials.file";
    public static final String LIVE_MAX_MINUTES = "live.max.minutes";

    private final Properties file;
    private final Map<String, String> env;

    private ConfigLoader(Properties file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    public static BantinConfig load(Path configFile, Map<String, String> env) {
        Properties props = new Properties();
        if (configFile != null) {
            try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read config file " + configFile + ": " + e.getMessage(), e);
            }
        }
        return new ConfigLoader(props, env).build();
    }

    /**
     * A configuration from keys as written in the properties file (e.g. {@code http.port}), every other
     * key at its default; the environment is not consulted. Tests and tools build configs this way, so
     * adding a key never changes their code.
     */
    public static BantinConfig fromProperties(Map<String, String> keys) {
        Properties props = new Properties();
        props.putAll(keys);
        return new ConfigLoader(props, Map.of()).build();
    }

    private BantinConfig build() {
        Path dataDir = Path.of(get(DATA_DIR, "./var")).toAbsolutePath().normalize();
        String defaultUrl = "jdbc:hsqldb:file:" + dataDir.resolve("db/bantin") + ";hsqldb.tx=mvcc";
        String port = env.containsKey("PORT") && !has(HTTP_PORT) ? env.get("PORT") : get(HTTP_PORT, "8080");
        return new BantinConfig(
                get(HTTP_HOST, "0.0.0.0"),
                parseInt(HTTP_PORT, port),
                dataDir,
                get(JDBC_URL, defaultUrl),
                get(JDBC_USER, "SA"),
                get(JDBC_PASSWORD, ""),
                parseLong(MAX_UPLOAD_BYTES, get(MAX_UPLOAD_BYTES, String.valueOf(2L << 30))),
                blankToNull(get(ADMIN_TOKEN, "")),
                parseLong(HORIZON_DAYS, get(HORIZON_DAYS, "7")),
                get(DEFAULT_ZONE, "Asia/Ho_Chi_Minh"),
                access(),
                trust(dataDir, get(HTTP_HOST, "0.0.0.0").trim()),
                evidence(),
                agentLink(),
                mediaLimits(),
                new MapConfig(blankToNull(get(MAP_TILE_URL, "")), blankToNull(get(MAP_ATTRIBUTION, "")),
                        parseInt(MAP_MAX_ZOOM, get(MAP_MAX_ZOOM, "18"))),
                live(),
                renditionSettings());
    }

    private RenditionSettings renditionSettings() {
        String target = get(LOUDNESS_TARGET_LUFS, String.valueOf(RenditionSettings.DEFAULTS.targetLufs())).trim();
        double lufs;
        try {
            lufs = Double.parseDouble(target);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Config " + LOUDNESS_TARGET_LUFS + " must be a number, got '"
                    + target + "'");
        }
        java.util.Map<String, Boolean> sound = new java.util.HashMap<>();
        for (MediaProfile p : MediaProfile.values()) {
            String key = PROFILE_SOUND_PREFIX + p.id() + ".sound";
            String v = blankToNull(get(key, ""));
            if (v != null) {
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException("Config " + key + " must be true or false, got '" + v + "'");
                }
                sound.put(p.id(), Boolean.parseBoolean(v));
            }
        }
        try {
            return new RenditionSettings(lufs, sound);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Config media.*: " + e.getMessage(), e);
        }
    }

    private LiveConfig live() {
        String mode = get(ICECAST_MODE, "managed").trim();
        if (!mode.equals("managed") && !mode.equals("external")) {
            throw new IllegalArgumentException("Config " + ICECAST_MODE + " must be managed or external, got " + mode);
        }
        String credentials = blankToNull(get(ICECAST_CREDENTIALS_FILE, ""));
        return new LiveConfig(mode.equals("managed"), get(ICECAST_BINARY, "icecast2").trim(),
                get(ICECAST_HOST, "127.0.0.1").trim(), parseInt(ICECAST_PORT, get(ICECAST_PORT, "8000")),
                blankToNull(get(ICECAST_PUBLIC_URL, "")), credentials == null ? null : Path.of(credentials),
                Duration.ofMinutes(parseLong(LIVE_MAX_MINUTES, get(LIVE_MAX_MINUTES, "120"))));
    }

    private TrustConfig trust(Path dataDir, String host) {
        String cert = blankToNull(get(TLS_CERT_FILE, ""));
        String key = blankToNull(get(TLS_KEY_FILE, ""));
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("Config " + TLS_CERT_FILE + " and " + TLS_KEY_FILE
                    + " go together: set both for HTTPS, or neither");
        }
        String mode = get(TLS_MODE, "files").trim();
        if (!mode.equals("files") && !mode.equals("local-ca")) {
            throw new IllegalArgumentException("Config " + TLS_MODE + " must be files or local-ca, got " + mode);
        }
        Path localCa = null;
        java.util.List<String> names = java.util.List.of();
        if (mode.equals("local-ca")) {
            if (cert != null) {
                throw new IllegalArgumentException("Config " + TLS_MODE + "=local-ca makes its own certificate: leave "
                        + TLS_CERT_FILE + " and " + TLS_KEY_FILE + " unset");
            }
            localCa = dataDir.resolve("tls");
            cert = localCa.resolve("server.crt").toString();
            key = localCa.resolve("server.key").toString();
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(java.util.List.of("127.0.0.1",
                    "localhost"));
            if (!host.equals("0.0.0.0") && !host.equals("::") && !host.isEmpty()) {
                all.add(host);
            }
            for (String n : get(TLS_LOCAL_CA_NAMES, "").split(",")) {
                if (!n.isBlank()) {
                    all.add(n.trim());
                }
            }
            names = java.util.List.copyOf(all);
        }
        return new TrustConfig(
                parseInt(ENROLLMENT_PENDING_MAX, get(ENROLLMENT_PENDING_MAX, "200")),
                parseInt(ENROLLMENT_PER_MINUTE, get(ENROLLMENT_PER_MINUTE, "30")),
                parseInt(ENROLLMENT_NEW_PER_HOUR, get(ENROLLMENT_NEW_PER_HOUR, "20")),
                cert == null ? null : Path.of(cert),
                key == null ? null : Path.of(key),
                Boolean.parseBoolean(get(HTTP_PLAIN, "false").trim()),
                localCa, names);
    }

    private EvidenceConfig evidence() {
        return new EvidenceConfig(
                Duration.ofSeconds(parseLong(PLAN_REFRESH_SECONDS, get(PLAN_REFRESH_SECONDS, "3600"))),
                Duration.ofSeconds(parseLong(CLASSIFY_SECONDS, get(CLASSIFY_SECONDS, "60"))));
    }

    private AgentLinkConfig agentLink() {
        return new AgentLinkConfig(
                Duration.ofSeconds(parseLong(OFFLINE_AFTER_SECONDS, get(OFFLINE_AFTER_SECONDS, "600"))),
                Duration.ofSeconds(parseLong(PUSH_PING_SECONDS, get(PUSH_PING_SECONDS, "270"))),
                Duration.ofSeconds(parseLong(COMMAND_TTL_SECONDS, get(COMMAND_TTL_SECONDS, "600"))));
    }

    private MediaLimits mediaLimits() {
        MediaLimits d = MediaLimits.DEFAULTS;
        return new MediaLimits(
                longOr(IMAGE_MAX_BYTES, d.imageMaxBytes()),
                longOr(IMAGE_MAX_PIXELS, d.imageMaxPixels()),
                longOr(VIDEO_MAX_BYTES, d.videoMaxBytes()),
                longOr(VIDEO_MAX_PIXELS, d.videoMaxPixels()),
                Duration.ofSeconds(longOr(VIDEO_MAX_SECONDS, d.videoMaxDuration().toSeconds())),
                longOr(AUDIO_MAX_BYTES, d.audioMaxBytes()),
                Duration.ofSeconds(longOr(AUDIO_MAX_SECONDS, d.audioMaxDuration().toSeconds())));
    }

    private long longOr(String key, long fallback) {
        return parseLong(key, get(key, String.valueOf(fallback)));
    }

    private AccessConfig access() {
        String tokenFile = blankToNull(get(ADMIN_TOKEN_FILE, ""));
        return new AccessConfig(
                Duration.ofSeconds(parseLong(SESSION_IDLE_SECONDS, get(SESSION_IDLE_SECONDS, "1800"))),
                Duration.ofSeconds(parseLong(SESSION_ABSOLUTE_SECONDS, get(SESSION_ABSOLUTE_SECONDS, "43200"))),
                parseInt(LOGIN_FAILURES_ACCOUNT, get(LOGIN_FAILURES_ACCOUNT, "5")),
                parseInt(LOGIN_FAILURES_ADDRESS, get(LOGIN_FAILURES_ADDRESS, "20")),
                Duration.ofSeconds(parseLong(LOGIN_WINDOW_SECONDS, get(LOGIN_WINDOW_SECONDS, "900"))),
                parseInt(ARGON2_MEMORY_KIB, get(ARGON2_MEMORY_KIB, "19456")),
                parseInt(ARGON2_ITERATIONS, get(ARGON2_ITERATIONS, "2")),
                tokenFile == null ? null : Path.of(tokenFile));
    }

    private boolean has(String key) {
        return env.containsKey(envName(key)) || file.containsKey(key);
    }

    private String get(String key, String fallback) {
        String fromFile = file.getProperty(key);
        if (fromFile != null) {
            return fromFile;
        }
        return env.getOrDefault(envName(key), fallback);
    }

    static String envName(String key) {
        return "BANTIN_" + key.toUpperCase().replace('.', '_');
    }

    private static int parseInt(String key, String value) {
        return (int) parseLong(key, value);
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Config " + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
