package vn.bantin.app;

import vn.bantin.app.report.ReportRollups;
import vn.bantin.evidence.PlayBatchVerifier;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.evidence.StoredRecords;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository.DeviceRow;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.StoreException;
import vn.bantin.store.StoredPlay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Verifies a device's batch of play records and stores it append-only, all or nothing, in one transaction. */
public final class PlayIngestService {

    public record Result(long highestSeq, int stored, int duplicates, int conflicts) {
    }

    private static final int MAX_BATCH = 1000;
    private static final int MAX_PAYLOAD_CHARS = 4000;

    private final Database db;
    private final PlayRecordRepository plays;
    private final Clock clock;
    private final ReportRollups rollups;

    public PlayIngestService(Database db, PlayRecordRepository plays, Clock clock, ReportRollups rollups) {
        this.db = db;
        this.plays = plays;
        this.clock = clock;
        this.rollups = rollups;
    }

    public Result ingest(DeviceRow device, List<SignedRecord> records) {
        if (records.size() > MAX_BATCH) {
            throw ApiException.badRequest("batch_too_large", "At most " + MAX_BATCH + " records per batch");
        }
        if (records.stream().anyMatch(r -> r.payload().length() > MAX_PAYLOAD_CHARS)) {
            throw ApiException.badRequest("record_too_large", "A record payload is over " + MAX_PAYLOAD_CHARS
                    + " characters");
        }
        byte[] key = Ed25519Keys.publicKeyFromBase64(device.publicKey());
        long now = clock.millis();
        return db.tx(c -> {
            PlayBatchVerifier.Plan plan = PlayBatchVerifier.plan(device.deviceId(), key, records,
                    stored(c, device.deviceId()));
            if (plan instanceof PlayBatchVerifier.Rejected rejected) {
                throw ApiException.badRequest(rejected.code(), rejected.message());
            }
            PlayBatchVerifier.Accepted accepted = (PlayBatchVerifier.Accepted) plan;
            plays.insertAll(c, accepted.toStore().stream().map(r -> stored(device, r, now)).toList());
            for (PlayBatchVerifier.Conflict conflict : accepted.conflicts()) {
                plays.insertConflict(c, device.deviceId(), conflict.seq(), conflict.record().payload(),
                        conflict.record().sig(), now);
            }
            rollups.recordsStored(c, device.endpointId(), device.deviceId(),
                    accepted.toStore().stream().map(PlayBatchVerifier.NewRecord::fields).toList(),
                    (int) accepted.toStore().stream().filter(PlayBatchVerifier.NewRecord::chainBroken).count(),
                    accepted.conflicts().size());
            return new Result(accepted.highestSeq(), accepted.toStore().size(), accepted.duplicates().size(),
                    accepted.conflicts().size());
        });
    }

    private StoredRecords stored(Connection c, String deviceId) {
        return new StoredRecords() {
            @Override
            public Optional<StoredRecord> bySeq(long seq) {
                try {
                    return plays.bySeq(c, deviceId, seq).map(p -> new StoredRecord(p.seq(), p.payload(), p.hash()));
                } catch (SQLException e) {
                    throw new StoreException(e);
                }
            }

            @Override
            public long highestContiguousSeq() {
                try {
                    return plays.highestContiguousSeq(c, deviceId);
                } catch (SQLException e) {
                    throw new StoreException(e);
                }
            }
        };
    }

    private static StoredPlay stored(DeviceRow device, PlayBatchVerifier.NewRecord r, long now) {
        PlayRecordPayload p = r.fields();
        return new StoredPlay(device.deviceId(), p.seq(), device.endpointId(), r.record().payload(), r.record().sig(),
                r.hash(), p.prevHash(), p.entryId(), p.campaignId(), p.broadcastClass().name(), p.mode().name(),
                p.sha256(), p.scheduledStart(), p.actualStart(), p.actualEnd(), p.outcome().name(), p.reason(),
                r.chainBroken(), now);
    }
}
