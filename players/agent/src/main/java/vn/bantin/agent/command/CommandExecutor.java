package vn.bantin.agent.command;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import vn.bantin.agent.status.Faults;
import vn.bantin.agent.sync.Backoff;
import vn.bantin.agent.sync.ControllerClient;

/**
 * Carries out remote commands pushed on the stream (contract: push commands), one at a time on its own
 * thread: only signed ones for this device, not expired, each once — a command seen again is answered
 * again from the log — and answers the controller (with the screenshot first, when one was asked for).
 */
public final class CommandExecutor implements Runnable {

    private static final Logger LOG = Logger.getLogger(CommandExecutor.class.getName());
    private static final int ANSWER_ATTEMPTS = 4;

    private final CommandVerifier verifier;
    private final CommandLog log;
    private final Actions actions;
    private final ControllerClient client;
    private final Faults faults;
    private final LongSupplier now;
    private final Path screenshotFile;
    private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;

    public CommandExecutor(Path stateDir, Supplier<byte[]> controllerKey, String deviceId, Actions actions,
                           ControllerClient client, Faults faults, LongSupplier now) {
        this.verifier = new CommandVerifier(controllerKey, deviceId);
        this.log = new CommandLog(stateDir);
        this.actions = actions;
        this.client = client;
        this.faults = faults;
        this.now = now;
        this.screenshotFile = stateDir.resolve("screenshot.png");
    }

    /** A command message from the stream (any thread): checked here, carried out on the executor's thread. */
    public void receive(String payload, String sig) {
        try {
            queue.add(verifier.verify(payload, sig));
        } catch (CommandVerifier.Refused e) {
            faults.event("command_refused", e.getMessage());
        }
    }

    public void stop() {
        running = false;
        queue.add(new Command(-1, "STOP", Map.of(), 0, 0));
    }

    @Override
    public void run() {
        while (running) {
            try {
                Command c = queue.take();
                if (running) {
                    handle(c);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void handle(Command c) throws InterruptedException {
        Answer earlier = log.answerOf(c.id());
        if (c.id() <= log.highest()) {
            if (earlier != null) {
                answer(c, earlier);
            }
            return;
        }
        if (now.getAsLong() >= c.expiresAt()) {
            faults.event("command_refused", "command " + c.id() + " arrived expired");
            return;
        }
        Answer answer;
        try {
            log.started(c.id());
            answer = carryOut(c);
            log.answered(c.id(), answer);
        } catch (IOException e) {
            answer = Answer.failed(e.getMessage());
        }
        LOG.info("command " + c.id() + " " + c.kind() + ": " + answer.outcome() + " " + answer.detail());
        answer(c, answer);
    }

    private Answer carryOut(Command c) {
        try {
            return switch (c.kind()) {
                case "VOLUME" -> volume(c);
                case "RESTART_PLAYBACK" -> {
                    actions.restartPlayback("restarted by remote command " + c.id());
                    yield Answer.done("mpv restarted");
                }
                case "RESYNC" -> {
                    actions.resync();
                    yield Answer.done("timeline pull and heartbeat started");
                }
                case "SCREENSHOT" -> screenshot();
                default -> Answer.refused("unknown command " + c.kind());
            };
        } catch (IOException | RuntimeException e) {
            return Answer.failed(c.kind() + " failed: " + e.getMessage());
        }
    }

    private Answer volume(Command c) throws IOException {
        if (!(c.args().get("volume") instanceof Number v) || v.intValue() < 0 || v.intValue() > 100) {
            return Answer.refused("volume must be 0-100");
        }
        actions.masterVolume(v.intValue());
        return Answer.done("master volume " + v.intValue() + " %");
    }

    private Answer screenshot() throws IOException {
        if (!actions.hasScreen()) {
            return Answer.refused("a loudspeaker has no screen");
        }
        Files.deleteIfExists(screenshotFile);
        actions.screenshot(screenshotFile);
        return new Answer("DONE", Files.size(screenshotFile) + " bytes PNG", screenshotFile);
    }

    /** Sends the answer, retrying a few times with backoff; commands are not evidence, so it gives up after. */
    private void answer(Command c, Answer a) throws InterruptedException {
        Backoff backoff = new Backoff(2_000, 30_000);
        for (int attempt = 1; attempt <= ANSWER_ATTEMPTS; attempt++) {
            try {
                if (a.screenshot() != null && Files.exists(a.screenshot()) && !post(c, "screenshot",
                        Files.readAllBytes(a.screenshot()), "image/png")) {
                    a = Answer.failed("the controller refused the screenshot");
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("outcome", a.outcome());
                body.put("detail", a.detail());
                if (post(c, "result", ControllerClient.json(body), "application/json")) {
                    return;
                }
            } catch (IOException e) {
                LOG.warning("answer to command " + c.id() + " not sent: " + e.getMessage());
            }
            Thread.sleep(backoff.next());
        }
    }

    private boolean post(Command c, String what, byte[] body, String type) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.exchange("POST", "/agent/v1/commands/" + c.id() + "/" + what, body,
                Map.of("Content-Type", type), HttpResponse.BodyHandlers.ofByteArray()).response();
        if (r.statusCode() != 200) {
            LOG.warning("command " + c.id() + " " + what + ": HTTP " + r.statusCode() + " " + ControllerClient.bodyText(r));
        }
        return r.statusCode() == 200;
    }
}
