package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.command.Actions;
import vn.bantin.agent.command.CommandExecutor;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.RequestSigner;
import vn.bantin.agent.status.Faults;
import vn.bantin.agent.sync.ControllerClient;
import vn.bantin.agent.sync.StreamInbox;

/**
 * examples/push-command.json through the agent's stream inbox and command executor: carried out once, answered
 * with examples/command-result.json's shape; refused when not signed for this device, tampered or replayed.
 */
class PushCommandContractTest {

    @TempDir
    Path state;
    private HttpServer server;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final List<Integer> volumes = new CopyOnWriteArrayList<>();
    private CommandExecutor executor;
    private Thread thread;
    private Faults faults;
    private final Map<String, Object> command = Contract.json("push-command.json");
    private final Map<String, Object> payload = Contract.parse(((String) command.get("payload"))
            .getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void start() throws Exception {
        DeviceKeys keys = Contract.deviceKeys(state);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/agent/v1/commands/", ex -> {
            answers.add(ex.getRequestURI().getPath() + " " + new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            byte[] ok = "{\"commandId\":17}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        server.start();
        AgentClock clock = new AgentClock(state);
        faults = new Faults(clock::now);
        ControllerClient client = new ControllerClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new RequestSigner(keys), clock, Contract::controllerPublicKey, ControllerClient.Link.NONE);
        long issued = ((Number) payload.get("issuedAt")).longValue();
        executor = new CommandExecutor(state, Contract::controllerPublicKey, Contract.deviceId(), actions(), client,
                faults, () -> issued + 1_000);
        thread = new Thread(executor, "commands");
        thread.start();
    }

    @AfterEach
    void stop() throws Exception {
        executor.stop();
        thread.join(5_000);
        server.stop(0);
    }

    @Test
    void theExampleIsCarriedOutOnceAndAnsweredAgainWhenPushedAgain() throws Exception {
        StreamInbox inbox = new StreamInbox(() -> { }, executor::receive, null);
        inbox.accept(Contract.text("push-command.json"));
        String answer = answers.poll(10, TimeUnit.SECONDS);
        assertThat(answer).startsWith("/agent/v1/commands/17/result ");
        Map<String, Object> body = Contract.parse(answer.substring(answer.indexOf(' ') + 1).getBytes(StandardCharsets.UTF_8));
        assertThat(body.keySet()).containsExactlyInAnyOrderElementsOf(Contract.json("command-result.json").keySet());
        assertThat(Contract.violations("command-result.schema.json", body)).isEmpty();
        assertThat(body).containsEntry("outcome", "DONE");
        assertThat(volumes).containsExactly(60);

        inbox.accept(Contract.text("push-command.json"));
        assertThat(answers.poll(10, TimeUnit.SECONDS)).as("answered again").isEqualTo(answer);
        assertThat(volumes).as("not carried out twice").containsExactly(60);
        assertThat(Files.readString(state.resolve("commands.json"))).contains("\"highest\":17");
    }

    @Test
    void aCommandNotSignedForThisDeviceIsRefusedAndNothingHappens() throws Exception {
        String text = ((String) command.get("payload")).replace("\"volume\":60", "\"volume\":99");
        executor.receive(text, (String) command.get("sig"));
        String forOther = ((String) command.get("payload")).replace(Contract.deviceId(), "0".repeat(32));
        executor.receive(forOther, Contract.signAsController(forOther.getBytes(StandardCharsets.UTF_8)));
        assertThat(answers.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(volumes).isEmpty();
        assertThat(faults.snapshot()).extracting(Faults.Fault::code).containsExactly("command_refused", "command_refused");
    }

    private Actions actions() {
        return new Actions() {
            @Override
            public void masterVolume(int percent) {
                volumes.add(percent);
            }

            @Override
            public void restartPlayback(String reason) {
            }

            @Override
            public void resync() {
            }

            @Override
            public void screenshot(Path target) throws IOException {
                throw new IOException("no screen in this test");
            }

            @Override
            public boolean hasScreen() {
                return false;
            }
        };
    }
}
