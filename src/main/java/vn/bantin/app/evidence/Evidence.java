package vn.bantin.app.evidence;

import vn.bantin.app.AreaScope;
import vn.bantin.app.report.ReportRollups;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.MediaRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.TimelineFetchRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** The evidence services beside ingest: the recorded plan, timeline deliveries, and why plays have no record. */
public record Evidence(PlanRecorder plans, TimelineDeliveries deliveries, ExpectedPlayClassifier classifier,
                       EndpointPlanQuery endpointPlans) {

    /** The repositories the evidence services share with the rest of the application. */
    public record Stores(AreaRepository areas, EndpointRepository endpoints, CampaignRepository campaigns,
                         AlertRepository alerts, MediaRepository media, PlayRecordRepository plays) {
    }

    public static Evidence create(Database db, Stores s, ReportRollups rollups, AreaScope scope, ZoneId zone,
                                  Clock clock, Duration horizon) {
        ExpectedPlayRepository expected = new ExpectedPlayRepository();
        TimelineFetchRepository fetches = new TimelineFetchRepository();
        return new Evidence(
                new PlanRecorder(db, s.areas(), s.endpoints(), s.campaigns(), s.alerts(), s.media(), expected, rollups,
                        clock, horizon),
                new TimelineDeliveries(db, fetches, expected, clock),
                new ExpectedPlayClassifier(db, expected, s.plays(), s.endpoints(), rollups, clock),
                new EndpointPlanQuery(db, s.endpoints(), expected, s.plays(), fetches, scope, zone, clock));
    }
}
