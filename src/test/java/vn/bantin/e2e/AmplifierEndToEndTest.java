package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.TestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The amplifier relay driven by real commands (a script logging its calls) around real playback. */
@DisplayName("End to end: the agent switches the amplifier on before the first sound and off after the hold,"
        + " and a hung command never delays an emergency alert")
class AmplifierEndToEndTest {

    private static final long WARMUP_MS = 1_000;
    private static final long HOLD_MS = 4_000;

    @TempDir
    Path dir;

    record Switch(long at, String to) {
    }

    @Test
    @DisplayName("on ≥ warm-up before the first of two close bulletins, one on/off pair for both, off a hold after;"
            + " with the on command hanging the alert starts on time, amp_failed is reported, and the relay recovers")
    void amplifierAroundPlayback() throws Exception {
        Path log = dir.resolve("amp.log");
        Path hang = dir.resolve("hang");
        Path script = dir.resolve("amp.sh");
        Files.writeString(script, """
                #!/bin/sh
                # $1 on|off, $2 the log, $3 a flag file: while it exists, "on" hangs
                if [ "$1" = on ] && [ -e "$3" ]; then sleep 60; fi
                echo "$(date +%s%3N) $1" >> "$2"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        try (TestController controller = TestController.start(dir.resolve("controller"))) {
            Scenario world = Scenario.speakerInCommune(controller.api());
            long asset = world.toneAsset(dir, 2);
            long siren = world.api.upload(Ffmpeg.tone(dir, "coi.wav", 3), "coi.wav").json().getLong("id");
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(),
                    TestController.controllerKeyFingerprint(controller.baseUrl()), "SPEAKER", world.enrollmentCode,
                    Map.of("poll.seconds", "1", "heartbeat.seconds", "1",
                            "amp.on.command", script + " on " + log + " " + hang,
                            "amp.off.command", script + " off " + log + " " + hang,
                            "amp.warmup.ms", Long.toString(WARMUP_MS), "amp.hold.ms", Long.toString(HOLD_MS),
                            "amp.timeout.ms", "2000")).start()) {
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(switches(log)).as(agent.log())
                        .as("switched off at start: the relay's state after a power cut is unknown")
                        .extracting(Switch::to).containsExactly("off"));

                long campaign = world.bulletinAt("Hai bản tin sát nhau", asset,
                        List.of(Scenario.secondsAhead(14), Scenario.secondsAhead(17)));
                Eventually.within(Duration.ofSeconds(40), () -> assertThat(world.playsOf(campaign)).as(agent.log())
                        .hasSize(2));
                List<JsonObject> plays = world.playsOf(campaign).stream()
                        .sorted(Comparator.comparing(p -> p.getLong("actualStart"))).toList();
                assertThat(plays).allSatisfy(p -> assertThat(p.getString("outcome")).isEqualTo("PLAYED"));
                Eventually.within(Duration.ofSeconds(15), () -> assertThat(switches(log)).hasSize(3));
                List<Switch> pair = switches(log).subList(1, 3);
                assertThat(pair).extracting(Switch::to).as("one on/off pair for both bulletins").containsExactly("on", "off");
                assertThat(pair.get(0).at()).as("on at least the warm-up before the first sound")
                        .isLessThanOrEqualTo(plays.get(0).getLong("actualStart") - WARMUP_MS);
                assertThat(pair.get(1).at()).as("off only after the hold")
                        .isGreaterThanOrEqualTo(plays.get(1).getLong("actualEnd") + HOLD_MS - 200);

                Files.writeString(hang, "");
                JsonObject alert = world.api.post("/api/v1/alerts", new JsonObject().put("title", "Lũ: sơ tán")
                        .put("audioAssetId", siren)
                        .put("targets", new JsonObject().put("areas", new JsonArray().add(world.areaId)))).json();
                long alertStart = alert.getLong("start");
                Eventually.within(Duration.ofSeconds(20), () -> assertThat(emergencies(world)).as(agent.log())
                        .isNotEmpty());
                JsonObject played = emergencies(world).get(0);
                assertThat(played.getString("outcome")).as(agent.log()).isEqualTo("PLAYED");
                assertThat(Math.abs(played.getLong("actualStart") - alertStart)).as(agent.log()).isLessThan(1000L);
                Eventually.within(Duration.ofSeconds(20), () -> assertThat(faultCodes(world)).as(agent.log())
                        .contains("amp_failed"));
                assertThat(agent.log()).contains("fault amp_failed: switching the amplifier on failed: "
                        + script + " did not finish within 2000 ms; killed");

                Files.delete(hang);
                Eventually.within(Duration.ofSeconds(30), () -> {
                    assertThat(agent.log()).contains("fault amp_failed cleared");
                    assertThat(switches(log).get(switches(log).size() - 1).to()).as("off again after the alert")
                            .isEqualTo("off");
                });
            }
        }
    }

    private static List<Switch> switches(Path log) throws Exception {
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream().map(l -> l.split(" "))
                .map(w -> new Switch(Long.parseLong(w[0]), w[1])).toList();
    }

    private static List<String> faultCodes(Scenario world) {
        JsonObject heartbeat = world.endpoint().getJsonObject("heartbeat");
        JsonArray faults = heartbeat == null ? null : heartbeat.getJsonArray("faults");
        return faults == null ? List.of() : faults.stream().map(o -> ((JsonObject) o).getString("code")).toList();
    }

    private static List<JsonObject> emergencies(Scenario world) {
        return world.api.get("/api/v1/plays?limit=1000").array().stream().map(o -> (JsonObject) o)
                .filter(p -> "EMERGENCY".equals(p.getString("class"))).toList();
    }
}
