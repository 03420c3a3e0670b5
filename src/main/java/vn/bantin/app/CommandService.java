package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.store.CommandRepository;
import vn.bantin.store.CommandRepository.StoredCommand;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EndpointRepository.DeviceRow;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Remote commands (screenshot, volume, restart playback, re-sync now): issued by a person within their area,
 * signed by the controller and pushed to the endpoint's stream — at once, or when it next connects, until
 * they expire — and answered by the agent, whose answer (and screenshot) people read back.
 */
public final class CommandService {

    public static final Set<String> KINDS = Set.of("SCREENSHOT", "VOLUME", "RESTART_PLAYBACK", "RESYNC");
    private static final Set<String> OUTCOMES = Set.of("DONE", "FAILED", "REFUSED");
    private static final int MAX_DETAIL_CHARS = 2000;

    /** A command with its status as of now: EXPIRED once past its time without an answer. */
    public record CommandView(StoredCommand command, String status) {
    }

    private final Database db;
    private final CommandRepository commands;
    private final EndpointRepository endpoints;
    private final VisibleEndpoints visible;
    private final PushHub push;
    private final Screenshots screenshots;
    private final Function<byte[], String> signer;
    private final Clock clock;
    private final Duration ttl;

    public CommandService(Database db, CommandRepository commands, EndpointRepository endpoints, VisibleEndpoints visible,
                          PushHub push, Screenshots screenshots, Function<byte[], String> signer, Clock clock,
                          Duration ttl) {
        this.db = db;
        this.commands = commands;
        this.endpoints = endpoints;
        this.visible = visible;
        this.push = push;
        this.screenshots = screenshots;
        this.signer = signer;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Issues a command; {@code volume} only for VOLUME (0-100). */
    public CommandView issue(Actor actor, long endpointId, String kind, Integer volume) {
        String k = kind == null ? "" : kind.toUpperCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            throw ApiException.badRequest("bad_kind", "Lệnh không hợp lệ / kind must be one of " + KINDS);
        }
        if ("VOLUME".equals(k) && (volume == null || volume < 0 || volume > 100)) {
            throw ApiException.badRequest("bad_volume", "Âm lượng phải từ 0 đến 100 / volume must be 0-100");
        }
        long now = clock.millis();
        long id = db.tx(c -> {
            Endpoint e = visible.require(c, actor, endpointId);
            if (e.status() != EndpointStatus.ACTIVE) {
                throw new ApiException(409, "not_active", "Thiết bị chưa hoạt động / the endpoint is not active");
            }
            if ("SCREENSHOT".equals(k) && e.kind() != EndpointKind.SCREEN) {
                throw ApiException.badRequest("not_a_screen", "Chỉ chụp được màn hình / only screens have a picture");
            }
            String args = "VOLUME".equals(k) ? "{\"volume\":" + volume + "}" : "{}";
            return commands.insert(c, endpointId, k, args, actor.name(), now, now + ttl.toMillis());
        });
        deliver(endpointId);
        return get(actor, endpointId, id);
    }

    /** Pushes every waiting command of the endpoint to its stream, if it has one open. */
    public void deliver(long endpointId) {
        long now = clock.millis();
        db.tx(c -> {
            Optional<DeviceRow> device = endpoints.deviceOf(c, endpointId);
            if (device.isEmpty() || device.get().deviceId() == null) {
                return null;
            }
            for (StoredCommand cmd : commands.waiting(c, endpointId, now)) {
                if (push.sendTo(endpointId, CommandMessage.signed(device.get().deviceId(), cmd, signer))) {
                    commands.sent(c, cmd.id(), now);
                }
            }
            return null;
        });
    }

    public List<CommandView> list(Actor actor, long endpointId, int limit) {
        long now = clock.millis();
        return db.read(c -> {
            visible.require(c, actor, endpointId);
            return commands.ofEndpoint(c, endpointId, limit).stream().map(cmd -> view(cmd, now)).toList();
        });
    }

    public CommandView get(Actor actor, long endpointId, long id) {
        long now = clock.millis();
        return db.read(c -> {
            visible.require(c, actor, endpointId);
            return view(ofEndpoint(c, endpointId, id), now);
        });
    }

    /** The screenshot a SCREENSHOT command brought back. */
    public Path screenshot(Actor actor, long endpointId, long id) {
        StoredCommand cmd = get(actor, endpointId, id).command();
        if (cmd.screenshotBytes() == null) {
            throw ApiException.notFound("ảnh chụp/screenshot", id);
        }
        return screenshots.file(id);
    }

    /** The agent's answer; the first one counts. */
    public void answer(DeviceRow device, long id, String outcome, String detail) {
        if (!OUTCOMES.contains(outcome)) {
            throw ApiException.badRequest("bad_outcome", "outcome must be one of " + OUTCOMES);
        }
        String d = detail == null || detail.length() <= MAX_DETAIL_CHARS ? detail : detail.substring(0, MAX_DETAIL_CHARS);
        db.tx(c -> {
            ofEndpoint(c, device.endpointId(), id);
            commands.answer(c, id, outcome, clock.millis(), d);
            return null;
        });
    }

    /** The picture a SCREENSHOT command asked for, kept as a PNG file. */
    public void screenshotTaken(DeviceRow device, long id, byte[] png) {
        db.tx(c -> {
            StoredCommand cmd = ofEndpoint(c, device.endpointId(), id);
            if (!"SCREENSHOT".equals(cmd.kind())) {
                throw ApiException.badRequest("not_a_screenshot", "command " + id + " is not a screenshot");
            }
            screenshots.save(id, png);
            commands.screenshot(c, id, png.length);
            return null;
        });
    }

    private StoredCommand ofEndpoint(java.sql.Connection c, long endpointId, long id) throws java.sql.SQLException {
        return commands.byId(c, id).filter(cmd -> cmd.endpointId() == endpointId)
                .orElseThrow(() -> ApiException.notFound("lệnh/command", id));
    }

    private static CommandView view(StoredCommand cmd, long now) {
        boolean waiting = "PENDING".equals(cmd.status()) || "SENT".equals(cmd.status());
        return new CommandView(cmd, waiting && now >= cmd.expiresAt() ? "EXPIRED" : cmd.status());
    }
}
