package vn.bantin.app;

import vn.bantin.app.evidence.NamesAtPlayTime;
import vn.bantin.app.report.ReportRollups;
import vn.bantin.evidence.GapNotice;
import vn.bantin.evidence.InvalidPayloadException;
import vn.bantin.evidence.PlayAck;
import vn.bantin.evidence.PlayBatchVerifier;
import vn.bantin.evidence.PlayNames;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.SeqRanges;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.evidence.StoredRecords;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.store.Database;
import vn.bantin.store.DeviceKeyRepository;
import vn.bantin.store.EndpointRepository.DeviceRow;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.GapNoticeRepository;
import vn.bantin.store.PlayNameRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.RefusedRecord;
import vn.bantin.store.SeqRangeRepository;
import vn.bantin.store.StoreException;
import vn.bantin.store.StoredPlay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Verifies a device's batch of play records record by record, stores what is valid append-only in one
 * durable transaction, keeps conflicts and refused records aside, and answers with an acknowledgement
 * signed by the controller key that lists every seq it holds for the device (contract: POST /agent/v1/plays).
 */
public final class PlayIngestService {

    private static final int MAX_BATCH = 1000;
    private static final int MAX_NOTICES = 100;
    private static final Pattern BATCH_ID = Pattern.compile("[0-9a-f]{32,64}");

    private final Database db;
    private final PlayRecordRepository plays;
    private final SeqRangeRepository ranges;
    private final GapNoticeRepository notices;
    private final EvidenceNames names;
    private final Function<byte[], String> signer;
    private final Clock clock;
    private final ReportRollups rollups;
    private final Object[] deviceLocks = new Object[64];
    private final List<Consumer<List<StoredPlay>>> storedListeners = new CopyOnWriteArrayList<>();

    /** What ingest reads and writes besides the records: names at play time and the device keys. */
    public record EvidenceNames(ExpectedPlayRepository expected, PlayNameRepository names, DeviceKeyRepository keys) {
    }

    public PlayIngestService(Database db, PlayRecordRepository plays, SeqRangeRepository ranges,
                             GapNoticeRepository notices, EvidenceNames names, Function<byte[], String> signer,
                             Clock clock, ReportRollups rollups) {
        this.db = db;
        this.plays = plays;
        this.ranges = ranges;
        this.notices = notices;
        this.names = names;
        this.signer = signer;
        this.clock = clock;
        this.rollups = rollups;
        for (int i = 0; i < deviceLocks.length; i++) {
            deviceLocks[i] = new Object();
        }
    }

    public SignedAck ingest(DeviceRow device, PlayBatch batch) {
        if (batch.batch() == null || !BATCH_ID.matcher(batch.batch()).matches()) {
            throw ApiException.badRequest("bad_batch", "Thiếu mã lô 'batch' (32–64 ký tự hex) / 'batch' must be 32 to"
                    + " 64 lower-case hex characters, new for every request");
        }
        if (batch.records().size() > MAX_BATCH || batch.gapNotices().size() > MAX_NOTICES) {
            throw ApiException.badRequest("batch_too_large", "Tối đa " + MAX_BATCH + " bản ghi và " + MAX_NOTICES
                    + " thông báo mỗi lô / At most " + MAX_BATCH + " records and " + MAX_NOTICES + " gap notices");
        }
        byte[] key = Ed25519Keys.publicKeyFromBase64(device.publicKey());
        long now = clock.millis();
        // one batch per device at a time: its seq ranges are read, merged and written in one transaction
        synchronized (deviceLocks[Math.floorMod(device.deviceId().hashCode(), deviceLocks.length)]) {
            List<StoredPlay> storedNow = new ArrayList<>();
            PlayAck ack = db.tx(c -> {
                storedNow.clear();
                return store(c, device, key, batch, now, storedNow);
            });
            storedListeners.forEach(l -> l.accept(List.copyOf(storedNow)));
            byte[] body = ack.toWireBytes();
            return new SignedAck(body, signer.apply(body));
        }
    }

    /** Told, after each commit, of the records it stored (the live hub announces them). */
    public void onStored(Consumer<List<StoredPlay>> listener) {
        storedListeners.add(listener);
    }

    private PlayAck store(Connection c, DeviceRow device, byte[] key, PlayBatch batch, long now,
                          List<StoredPlay> storedNow) throws SQLException {
        String deviceId = device.deviceId();
        PlayBatchVerifier.Plan plan = PlayBatchVerifier.plan(deviceId, key, batch.records(), stored(c, deviceId));
        names.keys().remember(c, deviceId, device.publicKey(), device.endpointId(), now);
        NamesAtPlayTime named = new NamesAtPlayTime(c, names.expected(), names.names());
        List<StoredPlay> rows = new ArrayList<>();
        for (PlayBatchVerifier.NewRecord r : plan.toStore()) {
            rows.add(stored(device, r, now, named.of(device.endpointId(), r.fields())));
        }
        plays.insertAll(c, rows);
        storedNow.addAll(rows);
        List<Long> newSeqs = plan.toStore().stream().map(PlayBatchVerifier.NewRecord::seq).toList();
        int newConflicts = 0;
        for (PlayBatchVerifier.Conflict conflict : plan.conflicts()) {
            if (plays.insertConflict(c, deviceId, conflict.seq(), conflict.record().payload(), conflict.record().sig(),
                    now)) {
                newConflicts++;
            }
        }
        rollups.recordsStored(c, device.endpointId(), deviceId,
                plan.toStore().stream().map(PlayBatchVerifier.NewRecord::fields).toList(),
                (int) plan.toStore().stream().filter(PlayBatchVerifier.NewRecord::chainBroken).count(), newConflicts);
        List<PlayAck.Refused> refused = new ArrayList<>();
        for (PlayBatchVerifier.Refused r : plan.refused()) {
            plays.insertRefused(c, deviceId, new RefusedRecord(PlayBatchVerifier.fingerprint(r.record()), r.seq(),
                    r.record().payload(), r.record().sig(), r.refusal().code(), r.message()), now);
            refused.add(new PlayAck.Refused(r.index(), r.seq(), r.refusal().code(), r.message()));
        }
        SeqRanges before = ranges.of(c, deviceId);
        SeqRanges held = before.plus(newSeqs);
        ranges.replace(c, deviceId, before, held);
        List<String> heldNotices = new ArrayList<>();
        List<PlayAck.Refused> refusedNotices = new ArrayList<>();
        for (int i = 0; i < batch.gapNotices().size(); i++) {
            storeNotice(c, deviceId, key, i, batch.gapNotices().get(i), now, heldNotices, refusedNotices);
        }
        return new PlayAck(deviceId, batch.batch(), batch.bodySha256(), held, plan.toStore().size(),
                plan.duplicates().size(), plan.conflicts().stream().map(PlayBatchVerifier.Conflict::seq).toList(),
                refused, heldNotices, refusedNotices, now);
    }

    private void storeNotice(Connection c, String deviceId, byte[] key, int index, SignedRecord signed, long now,
                             List<String> held, List<PlayAck.Refused> refused) throws SQLException {
        if (signed.payload() == null || !signed.signatureVerifies(key)) {
            refused.add(new PlayAck.Refused(index, null, "bad_signature",
                    "gap notice " + index + ": the signature does not verify with this device's key"));
            return;
        }
        GapNotice notice;
        try {
            notice = GapNotice.parse(signed.payload());
        } catch (InvalidPayloadException e) {
            refused.add(new PlayAck.Refused(index, null, "bad_payload", "gap notice " + index + ": " + e.getMessage()));
            return;
        }
        if (!deviceId.equals(notice.deviceId())) {
            refused.add(new PlayAck.Refused(index, notice.firstSeq(), "wrong_device", "gap notice " + index
                    + " names device " + notice.deviceId() + ", but the caller is " + deviceId));
            return;
        }
        notices.insertIfAbsent(c, signed.hash(), notice, signed.payload(), signed.sig(), now);
        held.add(signed.hash());
    }

    private StoredRecords stored(Connection c, String deviceId) {
        return seq -> {
            try {
                return plays.bySeq(c, deviceId, seq).map(p -> new StoredRecords.StoredRecord(p.seq(), p.payload(),
                        p.hash()));
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        };
    }

    private static StoredPlay stored(DeviceRow device, PlayBatchVerifier.NewRecord r, long now, PlayNames names) {
        PlayRecordPayload p = r.fields();
        return new StoredPlay(device.deviceId(), p.seq(), device.endpointId(), r.record().payload(), r.record().sig(),
                r.hash(), p.prevHash(), p.entryId(), p.campaignId(), p.broadcastClass().name(), p.mode().name(),
                p.sha256(), p.scheduledStart(), p.actualStart(), p.actualEnd(), p.outcome().name(), p.reason(),
                r.chainBroken(), now, names);
    }
}
