package vn.bantin.app;

import vn.bantin.evidence.PlayBatchVerifier;
import vn.bantin.evidence.PlayPayload;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository.DeviceRow;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.StoredPlay;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Verifies a device's batch of play records and stores it append-only in one transaction. */
public final class PlayIngestService {

    public record Result(long highestSeq, int stored, int duplicates, int conflicts) {
    }

    private static final int MAX_BATCH = 1000;
    private static final int MAX_PAYLOAD_CHARS = 4000;

    private final Database db;
    private final PlayRecordRepository plays;
    private final Clock clock;

    public PlayIngestService(Database db, PlayRecordRepository plays, Clock clock) {
        this.db = db;
        this.plays = plays;
        this.clock = clock;
    }

    public Result ingest(DeviceRow device, List<SignedRecord> records) {
        if (records.size() > MAX_BATCH) {
            throw ApiException.badRequest("batch_too_large", "At most " + MAX_BATCH + " records per batch");
        }
        if (records.stream().anyMatch(r -> r.payload().length() > MAX_PAYLOAD_CHARS)) {
            throw ApiException.badRequest("record_too_large", "A record payload is over " + MAX_PAYLOAD_CHARS
                    + " characters");
        }
        byte[] key = Ed25519Keys.decode(device.publicKey(), Ed25519Keys.KEY_BYTES);
        long now = clock.millis();
        return db.tx(c -> {
            PlayBatchVerifier.Plan plan;
            try {
                plan = PlayBatchVerifier.plan(device.deviceId(), key, records,
                        seq -> storedHash(c, device.deviceId(), seq));
            } catch (PlayBatchVerifier.Refused e) {
                throw ApiException.badRequest("bad_record", e.getMessage());
            }
            for (PlayBatchVerifier.Accepted a : plan.toStore()) {
                plays.insert(c, stored(device, a, now));
            }
            for (SignedRecord conflict : plan.conflicts()) {
                plays.insertConflict(c, device.deviceId(), PlayPayload.parse(conflict.payload()).seq(),
                        conflict.payload(), conflict.sig(), now);
            }
            return new Result(plays.highestContiguousSeq(c, device.deviceId()), plan.toStore().size(),
                    plan.duplicates(), plan.conflicts().size());
        });
    }

    private Optional<String> storedHash(java.sql.Connection c, String deviceId, long seq) {
        try {
            return plays.bySeq(c, deviceId, seq).map(StoredPlay::hash);
        } catch (java.sql.SQLException e) {
            throw new vn.bantin.store.StoreException(e);
        }
    }

    private static StoredPlay stored(DeviceRow device, PlayBatchVerifier.Accepted a, long now) {
        PlayPayload p = a.payload();
        return new StoredPlay(device.deviceId(), p.seq(), device.endpointId(), a.record().payload(), a.record().sig(),
                a.record().hash(), p.prevHash(), p.entryId(), p.campaignId(), p.broadcastClass(), p.mode(),
                p.sha256(), p.scheduledStart(), p.actualStart(), p.actualEnd(), p.outcome(), p.reason(),
                a.chainBroken(), now);
    }
}
