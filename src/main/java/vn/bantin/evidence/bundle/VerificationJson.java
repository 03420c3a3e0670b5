package vn.bantin.evidence.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A verification report as JSON, the same for the API and the command-line verifier's --json. */
public final class VerificationJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerificationJson() {
    }

    public static String of(VerificationReport r) {
        ObjectNode root = JSON.createObjectNode().put("verified", r.verified()).put("problems", r.problems())
                .put("controllerPublicKey", r.controllerPublicKey());
        root.putObject("period").put("from", r.fromMs()).put("to", r.toMs());
        findings(root.putArray("bundleFindings"), r.bundleFindings());
        ArrayNode devices = root.putArray("devices");
        for (DeviceReport d : r.devices()) {
            ObjectNode node = devices.addObject().put("endpointId", d.endpointId()).put("endpointName", d.endpointName())
                    .put("deviceId", d.deviceId()).put("records", d.records()).put("verified", d.verified());
            node.put("firstSeq", d.firstSeq()).put("lastSeq", d.lastSeq());
            findings(node.putArray("findings"), d.findings());
        }
        return root.toPrettyString();
    }

    private static void findings(ArrayNode out, java.util.List<Finding> findings) {
        for (Finding f : findings) {
            out.addObject().put("kind", f.kind().name()).put("seq", f.seq()).put("lastSeq", f.lastSeq())
                    .put("message", f.message()).put("explanation", f.explanation());
        }
    }
}
