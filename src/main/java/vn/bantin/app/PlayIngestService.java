package vn.bantin.app;

import vn.bantin.app.evidence.NamesAtPlayTime;
import vn.bantin.app.report.ReportRollups;
import vn.bantin.evidence.PlayAck;
import vn.bantin.evidence.PlayBatchVerifier;
import vn.bantin.evidence.PlayNames;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.SeqRanges;
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
import vn.bantin.store.StoredPlay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Verifies a device's batch of play records record by record, stores what is valid append-only in one
 * durable transaction (shared with the batches that arrive meanwhile: {@link IngestGroupCommit}), keeps
 * conflicts and refused records aside, and answers with an acknowledgement signed by the controller key that
 * lists every seq it holds for the device (contract: POST /agent/v1/plays).
 */
public final class PlayIngestService {

    private static final int MAX_BATCH = 1000;
    private static final int MAX_NOTICES = 100;
    private static final Pattern BATCH_ID = Pattern.compile("[0-9a-f]{32,64}");

    private final PlayRecordRepository plays;
    private final SeqRangeRepository ranges;
    private final GapNoticeRepository notices;
    private final EvidenceNames names;
    private final Function<byte[], String> signer;
    private final Clock clock;
    private final ReportRollups rollups;
    private final IngestGroupCommit commits;
    private final List<Consumer<List<StoredPlay>>> storedListeners = new CopyOnWriteArrayList<>();

    /** What ingest reads and writes besides the records: names at play time and the device keys. */
    public record EvidenceNames(ExpectedPlayRepository expected, PlayNameRepository names, DeviceKeyRepository keys) {
    }

    public PlayIngestService(Database db, PlayRecordRepository plays, SeqRangeRepository ranges,
                             GapNoticeRepository notices, EvidenceNames names, Function<byte[], String> signer,
                             Clock clock, ReportRollups rollups) {
        this.plays = plays;
        this.ranges = ranges;
        this.notices = notices;
        this.names = names;
        this.signer = signer;
        this.clock = clock;
        this.rollups = rollups;
        this.commits = new IngestGroupCommit(db);
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
        // signatures are checked before the device lock and the transaction: they need nothing stored
        PlayBatchVerifier.Checked records = PlayBatchVerifier.check(device.deviceId(), key, batch.records());
        List<CheckedNotice> notices = new ArrayList<>(batch.gapNotices().size());
        for (int i = 0; i < batch.gapNotices().size(); i++) {
            notices.add(CheckedNotice.of(device.deviceId(), key, i, batch.gapNotices().get(i)));
        }
        long now = clock.millis();
        // one writer runs every batch's transaction, so a device's seq ranges are read, merged and written by one
        // batch at a time; the answer comes only after the commit that holds this batch
        Stored stored = commits.run(c -> store(c, device, records, notices, batch, now));
        storedListeners.forEach(l -> l.accept(stored.rows()));
        byte[] body = stored.ack().toWireBytes();
        return new SignedAck(body, signer.apply(body));
    }

    /** What one batch's transaction stored, and the acknowledgement it earns once committed. */
    private record Stored(PlayAck ack, List<StoredPlay> rows) {
    }

    /** Told, after each commit, of the records it stored (the live hub announces them). */
    public void onStored(Consumer<List<StoredPlay>> listener) {
        storedListeners.add(listener);
    }

    private Stored store(Connection c, DeviceRow device, PlayBatchVerifier.Checked records,
                         List<CheckedNotice> checkedNotices, PlayBatch batch, long now) throws SQLException {
        String deviceId = device.deviceId();
        Map<Long, String> hashes = plays.hashesAt(c, deviceId, PlayBatchVerifier.seqsToLookUp(records));
        PlayBatchVerifier.Plan plan = PlayBatchVerifier.classify(records, seq -> Optional.ofNullable(hashes.get(seq)));
        names.keys().remember(c, deviceId, device.publicKey(), device.endpointId(), now);
        NamesAtPlayTime named = new NamesAtPlayTime(c, names.expected(), names.names());
        named.prefetch(device.endpointId(), plan.toStore().stream().map(r -> r.fields().entryId()).toList());
        List<StoredPlay> rows = new ArrayList<>();
        for (PlayBatchVerifier.NewRecord r : plan.toStore()) {
            rows.add(stored(device, r, now, named.of(device.endpointId(), r.fields())));
        }
        plays.insertAll(c, rows);
        rollups.recordsNamed(c, rows);
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
        for (CheckedNotice n : checkedNotices) {
            if (n.refusal() != null) {
                refusedNotices.add(n.refusal());
            } else {
                notices.insertIfAbsent(c, n.signed().payloadHash(), n.notice(), n.signed().payload(), n.signed().sig(), now);
                heldNotices.add(n.signed().payloadHash());
            }
        }
        return new Stored(new PlayAck(deviceId, batch.batch(), batch.bodySha256(), held, plan.toStore().size(),
                plan.duplicates().size(), plan.conflicts().stream().map(PlayBatchVerifier.Conflict::seq).toList(),
                refused, heldNotices, refusedNotices, now), List.copyOf(rows));
    }

    private static StoredPlay stored(DeviceRow device, PlayBatchVerifier.NewRecord r, long now, PlayNames names) {
        PlayRecordPayload p = r.fields();
        return new StoredPlay(device.deviceId(), p.seq(), device.endpointId(), r.record().payload(), r.record().sig(),
                r.hash(), p.prevHash(), p.entryId(), p.campaignId(), p.broadcastClass().name(), p.mode().name(),
                p.sha256(), p.scheduledStart(), p.actualStart(), p.actualEnd(), p.outcome().name(), p.reason(),
                r.chainBroken(), now, names);
    }
}
