package vn.bantin.http.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.bantin.evidence.export.ExceptionWords;
import vn.bantin.evidence.report.ExceptionPage;
import vn.bantin.evidence.report.BroadcastStatus;
import vn.bantin.evidence.report.Coverage;
import vn.bantin.evidence.report.EvidenceStatus;
import vn.bantin.evidence.report.Figures;
import vn.bantin.evidence.report.Measure;
import vn.bantin.evidence.report.Report;
import vn.bantin.evidence.report.ReportLine;

/** A report as the management API answers it (schema: openapi.json, components.schemas.Report). */
final class ReportJson {

    private ReportJson() {
    }

    static JsonObject of(Report r) {
        return new JsonObject()
                .put("scope", scope(r.scope()))
                .put("period", period(r.period()))
                .put("asOf", r.asOfMs())
                .put("total", figures(r.total()).put("coverage", coverage(r.coverage())))
                .put("campaigns", lines(r.campaigns()))
                .put("areas", lines(r.areas()))
                .put("endpoints", lines(r.endpoints()))
                .put("topics", lines(r.topics()))
                .put("contentKinds", lines(r.kinds()))
                .put("series", new JsonArray(r.series().stream().map(p -> new JsonObject()
                        .put("bucket", p.bucket().toString()).put("topic", p.topic()).put("airtimeMs", p.airtimeMs()))
                        .toList()));
    }

    static JsonObject exceptions(ExceptionPage page) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(page.period().zone());
        return new JsonObject()
                .put("scope", scope(page.scope()))
                .put("period", period(page.period()))
                .put("asOf", page.asOfMs())
                .put("offset", page.offset())
                .put("more", page.more())
                .put("items", new JsonArray(page.items().stream().map(i -> new JsonObject()
                        .put("endpointId", i.endpointId()).put("endpointName", i.endpointName())
                        .put("areaName", i.areaName()).put("campaignId", i.campaignId())
                        .put("campaignName", i.campaignName()).put("entryId", i.entryId()).put("due", i.dueMs())
                        .put("dueLocal", local.format(Instant.ofEpochMilli(i.dueMs()))).put("status", i.status().name())
                        .put("statusName", ExceptionWords.heading(i, page.period().zone()))
                        .put("statusNameEn", ExceptionWords.headingEn(i, page.period().zone()))
                        .put("explanation", ExceptionWords.explanation(i, page.period().zone()))
                        .put("explanationEn", ExceptionWords.explanationEn(i, page.period().zone()))).toList()));
    }

    private static JsonObject scope(Report.Scope s) {
        return new JsonObject().put("areaId", s.areaId()).put("areaName", s.areaName())
                .put("campaignId", s.campaignId()).put("campaignName", s.campaignName())
                .put("endpointId", s.endpointId()).put("endpointName", s.endpointName()).put("topic", s.topic())
                .put("kind", s.kind() == null ? null : s.kind().name());
    }

    private static JsonObject period(Report.Period p) {
        return new JsonObject().put("kind", p.kind()).put("from", p.from().toString()).put("to", p.to().toString())
                .put("zone", p.zone().getId()).put("name", p.name());
    }

    private static JsonArray lines(List<ReportLine> lines) {
        return new JsonArray(lines.stream().map(ReportJson::line).toList());
    }

    private static JsonObject line(ReportLine l) {
        JsonObject o = new JsonObject();
        if (l.id() != 0) {
            o.put("id", l.id());
        }
        o.put("key", l.key()).put("name", l.name());
        if (l.detail() != null) {
            o.put("detail", l.detail());
        }
        o.mergeIn(figures(l.figures()));
        if (l.coverage() != null) {
            o.put("coverage", coverage(l.coverage()));
        }
        if (l.evidence() != null) {
            o.put("evidence", evidence(l.evidence()));
        }
        if (l.recording() != null) {
            o.put("recording", new JsonObject().put("assetId", l.recording().assetId())
                    .put("name", l.recording().name())
                    .put("mediaUrl", "/api/v1/assets/" + l.recording().assetId() + "/media"));
        }
        return o;
    }

    static JsonObject figures(Figures f) {
        JsonObject exceptions = new JsonObject();
        for (BroadcastStatus s : BroadcastStatus.values()) {
            if (s != BroadcastStatus.PLAYED) {
                exceptions.put(camel(s.name()), f.status(s));
            }
        }
        return new JsonObject()
                .put("broadcasts", new JsonObject().put("expected", f.expected()).put("played", f.get(Measure.PLAYED))
                        .put("completionRate", f.completionRate()).put("exceptions", f.exceptions())
                        .put("byReason", exceptions))
                .put("airtimeMs", f.get(Measure.AIRTIME_MS))
                .put("records", f.get(Measure.RECORDS))
                .put("playedRecords", f.get(Measure.PLAYED_RECORDS))
                .put("loops", new JsonObject()
                        .put("expectedAirtimeMs", f.get(Measure.LOOP_EXPECTED_MS))
                        .put("notDeliveredAirtimeMs", f.get(Measure.LOOP_NOT_DELIVERED_MS))
                        .put("preemptedAirtimeMs", f.get(Measure.LOOP_PREEMPTED_MS))
                        .put("alertAirtimeMs", f.get(Measure.LOOP_ALERT_MS))
                        .put("playedAirtimeMs", f.get(Measure.LOOP_PLAYED_MS))
                        .put("completionRate", f.loopCompletionRate())
                        .put("itemPlays", f.get(Measure.LOOP_ITEM_PLAYS))
                        .put("exceptions", f.loopExceptions())
                        .put("byReason", new JsonObject().put("missed", f.get(Measure.LOOP_MISSED))
                                .put("interrupted", f.get(Measure.LOOP_INTERRUPTED))
                                .put("failed", f.get(Measure.LOOP_FAILED))));
    }

    private static JsonObject coverage(Coverage c) {
        return new JsonObject().put("population", c.population()).put("reachedPopulation", c.reachedPopulation())
                .put("populationShare", c.populationShare()).put("households", c.households())
                .put("reachedHouseholds", c.reachedHouseholds()).put("householdShare", c.householdShare());
    }

    private static JsonObject evidence(EvidenceStatus e) {
        return new JsonObject().put("status", e.code().name()).put("text", e.vi()).put("textEn", e.en())
                .put("records", e.counts().records()).put("missing", e.counts().missing())
                .put("brokenLinks", e.counts().brokenLinks()).put("conflicts", e.counts().conflicts());
    }

    private static String camel(String constant) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char ch : constant.toLowerCase().toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return s.toString();
    }
}
