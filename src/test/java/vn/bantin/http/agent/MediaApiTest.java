package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.security.Sha256;
import vn.bantin.support.SignedAgent;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Agent API: GET /agent/v1/media/{sha256} on a real controller")
class MediaApiTest {

    @TempDir
    Path dir;
    Commune commune;
    SignedAgent agent;
    String sha;
    long size;
    String path;

    @BeforeEach
    void start() throws Exception {
        commune = Commune.start(dir);
        agent = commune.enrolledSpeaker().agent();
        JsonObject asset = commune.toneAsset(1);
        commune.bulletinAt(asset.getLong("id"), java.time.Instant.now().plusSeconds(3600));
        JsonObject item = agent.get("/agent/v1/timeline").json().getJsonArray("entries").getJsonObject(0)
                .getJsonArray("items").getJsonObject(0);
        sha = item.getString("sha256");
        size = item.getLong("size");
        path = "/agent/v1/media/" + sha;
    }

    @AfterEach
    void stop() {
        commune.close();
    }

    @Test
    @DisplayName("the whole file is served with 200 and hashes to its name")
    void wholeFile() {
        SignedAgent.Reply reply = agent.get(path);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize((int) size);
        assertThat(Sha256.hex(reply.body())).isEqualTo(sha);
        assertThat(reply.header("Accept-Ranges")).isEqualTo("bytes");
    }

    @Test
    @DisplayName("bytes=100- resumes a download: 206, Content-Range and exactly the tail")
    void openRange() {
        byte[] whole = agent.get(path).body();

        SignedAgent.Reply tail = agent.get(path, "Range", "bytes=100-");

        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.header("Content-Range")).isEqualTo("bytes 100-" + (size - 1) + "/" + size);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, 100, whole.length));
    }

    @Test
    @DisplayName("bytes=0-99 answers the first 100 bytes")
    void closedRange() {
        byte[] whole = agent.get(path).body();

        SignedAgent.Reply head = agent.get(path, "Range", "bytes=0-99");

        assertThat(head.status()).isEqualTo(206);
        assertThat(head.header("Content-Range")).isEqualTo("bytes 0-99/" + size);
        assertThat(head.body()).isEqualTo(Arrays.copyOf(whole, 100));
    }

    @Test
    @DisplayName("a suffix range bytes=-50 answers the last 50 bytes")
    void suffixRange() {
        byte[] whole = agent.get(path).body();

        SignedAgent.Reply last = agent.get(path, "Range", "bytes=-50");

        assertThat(last.status()).isEqualTo(206);
        assertThat(last.header("Content-Range")).isEqualTo("bytes " + (size - 50) + "-" + (size - 1) + "/" + size);
        assertThat(last.body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 50, whole.length));
    }

    @Test
    @DisplayName("a range starting at or past the end answers 416 with the size")
    void unsatisfiable() {
        for (String range : new String[] {"bytes=" + size + "-", "bytes=" + (size + 10) + "-" + (size + 20)}) {
            SignedAgent.Reply reply = agent.get(path, "Range", range);
            assertThat(reply.status()).as(range).isEqualTo(416);
            assertThat(reply.header("Content-Range")).isEqualTo("bytes */" + size);
        }
    }

    @Test
    @DisplayName("an unknown hash answers 404")
    void unknown() {
        SignedAgent.Reply reply = agent.get("/agent/v1/media/" + "0".repeat(64));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
    }

    @Test
    @DisplayName("a name that is not a hash, path traversal included, answers 404 and never a file outside the store")
    void notAHash() {
        for (String name : new String[] {"..%2F..%2Fetc%2Fpasswd", "..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                sha.toUpperCase(), sha.substring(1), "%2E%2E%2Fdb%2Fbantin.script"}) {
            SignedAgent.Reply reply = agent.get("/agent/v1/media/" + name);
            assertThat(reply.status()).as(name).isEqualTo(404);
            assertThat(reply.code()).as(name).isEqualTo("not_found");
        }
    }

    @Test
    @DisplayName("media are only for signed devices")
    void unsigned() {
        SignedAgent.Reply reply = agent.send("GET", path, new byte[0], Map.of());

        assertThat(reply.status()).isEqualTo(401);
    }
}
