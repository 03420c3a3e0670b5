package vn.bantin.evidence.bundle;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.bantin.security.Ed25519Keys;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * The command-line verifier (docs/evidence-bundle.md): checks an exported evidence bundle with no controller,
 * no database and no network. Exit status 0 when everything verifies, 1 when anything is wrong (all of it is
 * printed), 2 when the file is not a bundle or the key is unusable.
 */
@Command(name = "verify-evidence", mixinStandardHelpOptions = true,
        description = {"Kiểm tra gói bằng chứng Bantin không cần bộ điều khiển.",
                "Verifies a Bantin evidence bundle without the controller."})
public final class VerifyBundle implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE.zip", description = "the exported bundle")
    Path bundle;

    @Option(names = "--controller-key", paramLabel = "BASE64",
            description = "the controller's public key as published (without it, the bundle's own word is taken)")
    String controllerKey;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the verifier on these arguments, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new VerifyBundle()).setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("Không kiểm được / cannot verify: " + e.getMessage());
                    return 2;
                });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        byte[] expected = controllerKey == null ? null : Ed25519Keys.publicKeyFromBase64(controllerKey);
        BundleZip.Signed signed = BundleZip.read(Files.readAllBytes(bundle));
        VerificationReport report = BundleVerifier.verify(signed.bundle(), signed.signature(), expected);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? VerificationJson.of(report) : text(report, expected == null));
        return report.verified() ? 0 : 1;
    }

    static String text(VerificationReport r, boolean keyNotGiven) {
        StringBuilder s = new StringBuilder();
        s.append("Gói bằng chứng / Evidence bundle, ").append(Instant.ofEpochMilli(r.fromMs())).append(" – ")
                .append(Instant.ofEpochMilli(r.toMs())).append('\n')
                .append("Khóa bộ điều khiển / controller key: ").append(r.controllerPublicKey())
                .append(keyNotGiven ? " (theo gói; dùng --controller-key để đối chiếu / as the bundle says; check"
                        + " it with --controller-key)" : "").append('\n');
        r.bundleFindings().forEach(f -> line(s, "  ", f));
        for (DeviceReport d : r.devices()) {
            s.append("Điểm phát / endpoint ").append(d.endpointId()).append(" «").append(d.endpointName())
                    .append("», thiết bị / device ").append(d.deviceId()).append(": ").append(d.records())
                    .append(" bản ghi / records").append(d.firstSeq() == null ? "" : ", seq " + d.firstSeq() + "–"
                            + d.lastSeq()).append(" — ").append(d.verified() ? "ĐÃ XÁC MINH / VERIFIED"
                            : d.findings().size() + " VẤN ĐỀ / PROBLEMS").append('\n');
            d.findings().forEach(f -> line(s, "    ", f));
        }
        s.append(r.verified() ? "KẾT QUẢ / RESULT: đã xác minh chữ ký, đủ bản ghi / signatures verified, no record"
                + " missing" : "KẾT QUẢ / RESULT: " + r.problems() + " vấn đề / problems found");
        return s.toString();
    }

    private static void line(StringBuilder s, String indent, Finding f) {
        s.append(indent).append(f.kind()).append(": ").append(f.message()).append('\n');
        if (f.explanation() != null) {
            s.append(indent).append("  ↳ ").append(f.explanation()).append('\n');
        }
    }
}
