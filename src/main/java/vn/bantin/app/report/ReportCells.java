package vn.bantin.app.report;

import vn.bantin.store.AreaRepository;

/** The two ways to a report's cells: the rollups (always, for users) and the full scan (baseline, checks). */
public final class ReportCells {

    private final CellSource rollups = new RollupReader();
    private final CellSource fullScan;

    public ReportCells(AreaRepository areas) {
        this.fullScan = new FullScan(areas);
    }

    public CellSource source(boolean byFullScan) {
        return byFullScan ? fullScan : rollups;
    }
}
