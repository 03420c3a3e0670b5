package vn.bantin.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.agent.status.Faults;

@DisplayName("Plain HTTP to a controller off this machine is a standing heartbeat fault, insecure_transport")
class InsecureTransportTest {

    @Test
    @DisplayName("http:// to a LAN address raises it, and it stays in every heartbeat after one is answered")
    void plainHttpOffLoopback() {
        Faults faults = new Faults(() -> 1_000L);

        assertTrue(ControllerTls.reportInsecure(URI.create("http://10.20.0.5:8080"), faults));

        List<Faults.Fault> sent = faults.snapshot();
        Faults.Fault fault = sent.stream().filter(f -> f.code().equals("insecure_transport")).findFirst().orElseThrow();
        assertTrue(fault.active());
        assertTrue(fault.detail().contains("10.20.0.5"), fault.detail());
        faults.delivered(sent);
        assertTrue(faults.isActive("insecure_transport"));
        assertEquals(1, faults.snapshot().stream().filter(f -> f.code().equals("insecure_transport")).count());
    }

    @Test
    @DisplayName("HTTPS anywhere, and plain HTTP on loopback (a lab on one machine), raise nothing")
    void httpsAndLoopbackAreFine() {
        Faults faults = new Faults(() -> 1_000L);

        assertFalse(ControllerTls.reportInsecure(URI.create("https://10.20.0.5:8443"), faults));
        assertFalse(ControllerTls.reportInsecure(URI.create("http://127.0.0.1:8080"), faults));
        assertFalse(ControllerTls.reportInsecure(URI.create("http://localhost:8080"), faults));
        assertFalse(ControllerTls.reportInsecure(URI.create("http://[::1]:8080"), faults));

        assertFalse(faults.isActive("insecure_transport"));
    }
}
