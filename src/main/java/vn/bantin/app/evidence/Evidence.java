package vn.bantin.app.evidence;

import vn.bantin.app.AreaScope;
import vn.bantin.app.report.ReportRollups;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.CampaignRepository;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.store.Database;
import vn.bantin.store.DeviceKeyRepository;
import vn.bantin.store.GapNoticeRepository;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.MediaRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.TimelineFetchRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The evidence services beside ingest: the recorded plan, timeline deliveries, why plays have no record,
 * evidence status, and bundles anyone can verify.
 */
public record Evidence(PlanRecorder plans, TimelineDeliveries deliveries, ExpectedPlayClassifier classifier,
                       EndpointPlanQuery endpointPlans, EndpointEvidence status, EvidenceBundles bundles) {

    /** The repositories the evidence services share with the rest of the application. */
    public record Stores(AreaRepository areas, EndpointRepository endpoints, CampaignRepository campaigns,
                         AlertRepository alerts, MediaRepository media, PlayRecordRepository plays) {
    }

    public static Evidence create(Database db, Stores s, ReportRollups rollups, AreaScope scope, ZoneId zone,
                                  Clock clock, Duration horizon, Ed25519Keys.KeyPair controllerKey) {
        ExpectedPlayRepository expected = new ExpectedPlayRepository();
        TimelineFetchRepository fetches = new TimelineFetchRepository();
        EvidenceBundles.Stores bundleStores = new EvidenceBundles.Stores(s.endpoints(), s.areas(), s.plays(),
                new DeviceKeyRepository(), new GapNoticeRepository());
        return new Evidence(
                new PlanRecorder(db, s.areas(), s.endpoints(), s.campaigns(), s.alerts(), s.media(), expected, rollups,
                        clock, horizon),
                new TimelineDeliveries(db, fetches, expected, clock),
                new ExpectedPlayClassifier(db, expected, s.plays(), s.endpoints(), rollups, clock),
                new EndpointPlanQuery(db, s.endpoints(), expected, s.plays(), fetches, scope, zone, clock),
                new EndpointEvidence(db, s.endpoints(), bundleStores, scope),
                new EvidenceBundles(db, bundleStores, scope, controllerKey, zone, clock));
    }
}
