package vn.bantin.bench;

import java.nio.file.Path;

/**
 * The reports benchmark's Java side (ops/bench/reports drives it; see there for what each phase measures):
 * {@code ingest BASE_URL TOKEN}, {@code load DATA_DIR}, {@code migrate}, {@code query BASE_URL TOKEN}, {@code scan DATA_DIR}.
 */
public final class ReportsBench {

    private ReportsBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ingest" -> IngestBench.run(args[1], args[2]);
            case "load" -> ProvinceYear.load(Path.of(args[1]));
            case "migrate" -> ProvinceYear.migrate();
            case "query" -> ReportQueryBench.run(args[1], args[2]);
            case "scan" -> ReportQueryBench.scan(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
    }
}
