package vn.bantin.stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.stream.icecast.IcecastCredentials;
import vn.bantin.stream.icecast.IcecastServer;
import vn.bantin.support.Icecast;
import vn.bantin.support.StationFeed;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Icecast2 the live features stand on: started with generated secrets, fed by ffmpeg, listened to. */
class IcecastServerTest {

    @TempDir
    Path dir;

    @Test
    void aFedMountIsHeardByAListenerAndTheSecretsStayPrivate() throws Exception {
        try (IcecastServer server = Icecast.start(dir);
             StationFeed station = StationFeed.tone(server, "tinh.ogg", 440, StationFeed.Codec.OPUS_OGG)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(station.url()))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(answer.statusCode()).isEqualTo(200);
            byte[] head;
            try (InputStream in = answer.body()) {
                head = in.readNBytes(4);
                assertThat(server.listeners("tinh.ogg")).isEqualTo(1);
            }
            assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("OggS");

            Path secrets = dir.resolve("icecast/credentials.properties");
            assertThat(Files.getPosixFilePermissions(secrets))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(secrets)).contains(server.credentials().sourcePassword());
            assertThat(server.credentials().toString()).doesNotContain(server.credentials().sourcePassword());
        }
    }

    @Test
    void aSourceWithoutThePasswordIsRefused() throws Exception {
        try (IcecastServer server = Icecast.start(dir)) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/forged.ogg"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString("source:guess".getBytes()))
                    .header("Content-Type", "application/ogg")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1024])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(server.mounted("forged.ogg")).isFalse();
        }
    }

    @Test
    void aCutStationTakesItsMountAwayAndARestoredOneBringsItBack() throws Exception {
        try (IcecastServer server = Icecast.start(dir);
             StationFeed station = StationFeed.tone(server, "tinh.mp3", 660, StationFeed.Codec.MP3)) {
            assertThat(server.mounted("tinh.mp3")).isTrue();
            station.cut();
            assertThat(server.mounted("tinh.mp3")).isFalse();
            station.restore();
            assertThat(server.mounted("tinh.mp3")).isTrue();
        }
    }

    @Test
    void aRestartKeepsTheGeneratedCredentials() throws Exception {
        IcecastCredentials first;
        try (IcecastServer server = Icecast.start(dir)) {
            first = server.credentials();
        }
        try (IcecastServer again = Icecast.start(dir)) {
            assertThat(again.credentials()).isEqualTo(first);
            assertThat(again.alive()).isTrue();
        }
    }
}
