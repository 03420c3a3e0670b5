package vn.bantin.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.ControllerProcess;
import vn.bantin.support.HttpApi;
import vn.bantin.support.PlayChain;
import vn.bantin.support.SignedAgent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline verifier as an auditor runs it: the packaged jar, in its own JVM, on a bundle exported by a
 * running controller, with the controller stopped. Untouched it exits 0; with one record edited inside
 * bundle.json it exits 1 and names both the record and the bundle.
 */
@DisplayName("Offline verifier from the packaged jar: exported bundle verifies, an edited one is named")
class OfflineVerifierIT {

    @TempDir
    Path dir;

    @Test
    void verifiesWithoutTheController() throws Exception {
        ControllerProcess controller = ControllerProcess.configure(dir, "verifier-" + UUID.randomUUID());
        Path bundle = dir.resolve("bang-chung.zip");
        String controllerKey;
        try {
            controller.start();
            HttpApi api = controller.api();
            long areaId = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")
                    .put("zone", "Asia/Ho_Chi_Minh")).json().getLong("id");
            long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa thôn 1")
                    .put("kind", "SPEAKER").put("areaId", areaId)).json().getLong("id");
            SignedAgent agent = new SignedAgent(controller.baseUrl());
            SignedAgent.Reply enrolled = agent.enroll("SPEAKER", api.post("/api/v1/endpoints/" + endpoint
                    + "/enrollment-code", "{}").json().getString("code"));
            controllerKey = enrolled.json().getString("controllerPublicKey");
            assertThat(agent.postPlays(new PlayChain(agent).nextSigned(10)).status()).isEqualTo(200);
            Files.write(bundle, api.bytes("/api/v1/evidence/bundle?endpointId=" + endpoint
                    + "&from=2025-11-01&to=2025-12-31"));
        } finally {
            controller.close();
        }

        Verdict clean = verify(bundle, controllerKey);
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("10 bản ghi / records, seq 1–10", "ĐÃ XÁC MINH / VERIFIED");

        Path edited = dir.resolve("da-sua.zip");
        rewriteBundle(bundle, edited, json -> json.replaceFirst("\\\\\"PLAYED\\\\\"", "\\\\\"MISSED\\\\\""));
        Verdict tampered = verify(edited, controllerKey);
        assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("BUNDLE_SIGNATURE", "BAD_SIGNATURE", "BROKEN_LINK");
    }

    private record Verdict(int exit, String output) {
    }

    private static Verdict verify(Path bundle, String controllerKey) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ControllerProcess.jar().toAbsolutePath().toString(), "vn.bantin.evidence.bundle.VerifyBundle",
                bundle.toString(), "--controller-key", controllerKey)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Verdict(p.exitValue(), output);
    }

    /** Copies the ZIP with bundle.json changed by {@code edit} and everything else (the signature) as it was. */
    private static void rewriteBundle(Path from, Path to, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("bundle.json")) {
                    String changed = edit.apply(new String(content, StandardCharsets.UTF_8));
                    assertThat(changed).isNotEqualTo(new String(content, StandardCharsets.UTF_8));
                    content = changed.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        Files.write(to, out.toByteArray());
    }
}
