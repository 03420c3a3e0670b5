package vn.bantin.evidence.bundle;

import vn.bantin.evidence.GapNotice;
import vn.bantin.evidence.InvalidPayloadException;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.evidence.bundle.Finding.Kind;
import vn.bantin.security.Ed25519Keys;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Checks one device's records with nothing but its public key: each signature, each payload's device, the
 * order they are listed in, every sequence number from the first to the last (a gap is named with what the
 * device's signed gap notices and the controller's refusals say about it), one record per seq (two signed
 * ones are a fork), and each record's link to the one before (from the anchor, or genesis for seq 1).
 */
public final class ChainCheck {

    private record Parsed(SignedRecord record, PlayRecordPayload fields) {
    }

    private final String deviceId;
    private final byte[] key;
    private final List<Finding> findings = new ArrayList<>();

    private ChainCheck(String deviceId, byte[] key) {
        this.deviceId = deviceId;
        this.key = key;
    }

    /** A period's records: the first one links to the bundle's anchor. */
    public static List<Finding> of(EvidenceBundle.Device d) {
        return of(d, false);
    }

    /** A device's whole chain: it must start at seq 1; what is missing before its first record is a gap. */
    public static List<Finding> wholeChain(EvidenceBundle.Device d) {
        return of(d, true);
    }

    private static List<Finding> of(EvidenceBundle.Device d, boolean fromGenesis) {
        byte[] key;
        try {
            key = Ed25519Keys.publicKeyFromBase64(d.publicKey());
        } catch (IllegalArgumentException e) {
            return List.of(Finding.bundle(Kind.DEVICE_KEY, "Khóa công khai của thiết bị " + d.deviceId()
                    + " không dùng được / The device's public key is unusable: " + e.getMessage()));
        }
        ChainCheck check = new ChainCheck(d.deviceId(), key);
        if (!Ed25519Keys.deviceId(key).equals(d.deviceId())) {
            check.findings.add(Finding.bundle(Kind.DEVICE_KEY, "Mã thiết bị " + d.deviceId() + " không khớp khóa công"
                    + " khai / Device id " + d.deviceId() + " is not the one its public key gives, "
                    + Ed25519Keys.deviceId(key)));
        }
        TreeMap<Long, Parsed> bySeq = check.inOrder(d.records());
        check.forks(d.conflicts(), bySeq);
        check.links(d.anchor(), bySeq, fromGenesis);
        check.gaps(bySeq, d, fromGenesis);
        return List.copyOf(check.findings);
    }

    /** Each record alone (signature, payload, device) and their listed order; the usable ones by seq. */
    private TreeMap<Long, Parsed> inOrder(List<SignedRecord> records) {
        TreeMap<Long, Parsed> bySeq = new TreeMap<>();
        long previous = 0;
        for (int i = 0; i < records.size(); i++) {
            Parsed p = parse(records.get(i), "bản ghi thứ " + (i + 1) + " / record #" + (i + 1));
            if (p == null) {
                continue;
            }
            long seq = p.fields().seq();
            if (seq <= previous) {
                findings.add(Finding.at(Kind.OUT_OF_ORDER, seq, "Bản ghi " + seq + " nằm sau bản ghi " + previous
                        + ": sai thứ tự hoặc lặp lại / Record " + seq + " is listed after record " + previous
                        + ": out of order or repeated"));
            }
            previous = Math.max(previous, seq);
            Parsed other = bySeq.putIfAbsent(seq, p);
            if (other != null && !other.record().payloadHash().equals(p.record().payloadHash())) {
                findings.add(fork(seq));
            }
        }
        return bySeq;
    }

    /**
     * The record's fields, or null (and a finding) when its payload is unreadable or names another device. A
     * record whose signature fails is named but still counted where it stands: it is not missing, and the
     * next record's link is checked against what it now says.
     */
    private Parsed parse(SignedRecord r, String where) {
        PlayRecordPayload fields;
        try {
            fields = PlayRecordPayload.parse(r.payload());
        } catch (InvalidPayloadException e) {
            Long seq = r.payload() == null ? null : PlayRecordPayload.seqOrNull(r.payload());
            findings.add(new Finding(Kind.BAD_PAYLOAD, seq, seq, "Nội dung không hợp lệ ở " + where
                    + " / Unreadable payload at " + where + ": " + e.getMessage(), null));
            return null;
        }
        if (!deviceId.equals(fields.deviceId())) {
            findings.add(Finding.at(Kind.OTHER_DEVICE, fields.seq(), "Bản ghi " + fields.seq() + " của thiết bị khác ("
                    + fields.deviceId() + ") / Record " + fields.seq() + " belongs to another device ("
                    + fields.deviceId() + "): replayed here"));
            return null;
        }
        if (!r.signatureVerifies(key)) {
            findings.add(Finding.at(Kind.BAD_SIGNATURE, fields.seq(), "Chữ ký bản ghi " + fields.seq()
                    + " không khớp khóa thiết bị: đã bị sửa hoặc ký bằng khóa khác / Record " + fields.seq()
                    + "'s signature does not verify with the device key: edited, or signed with another key"));
        }
        return new Parsed(r, fields);
    }

    /** A record kept aside for a held seq: signed by the device, it is a second record for one seq. */
    private void forks(List<EvidenceBundle.Aside> conflicts, TreeMap<Long, Parsed> bySeq) {
        for (EvidenceBundle.Aside aside : conflicts) {
            if (!aside.record().signatureVerifies(key)) {
                findings.add(Finding.at(Kind.BAD_SIGNATURE, aside.seq(), "Một bản ghi khác cho seq " + aside.seq()
                        + " đã được gửi nhưng không do thiết bị ký / Another record for seq " + aside.seq()
                        + " was sent that the device did not sign"));
            } else if (!bySeq.containsKey(aside.seq())
                    || !bySeq.get(aside.seq()).record().payloadHash().equals(aside.record().payloadHash())) {
                findings.add(fork(aside.seq()));
            }
        }
    }

    private static Finding fork(long seq) {
        return Finding.at(Kind.FORK, seq, "Hai bản ghi khác nhau cùng seq " + seq + ", đều do thiết bị ký: nghi giả mạo"
                + " / Two different records for seq " + seq + ", both signed by the device: tampering");
    }

    private void links(SignedRecord anchor, TreeMap<Long, Parsed> bySeq, boolean fromGenesis) {
        if (bySeq.isEmpty()) {
            return;
        }
        long first = bySeq.firstKey();
        String before = first == 1 ? PlayRecordPayload.GENESIS_HASH : fromGenesis ? null : anchorHash(anchor, first);
        for (var e : bySeq.entrySet()) {
            long seq = e.getKey();
            String prevHash = e.getValue().fields().prevHash();
            if (before != null && !before.equals(prevHash)) {
                findings.add(Finding.at(Kind.BROKEN_LINK, seq, "Bản ghi " + seq + " không nối với bản ghi trước nó"
                        + " / Record " + seq + "'s prevHash is not the hash of record " + (seq - 1)));
            }
            Parsed next = bySeq.get(seq + 1);
            before = next == null ? null : e.getValue().fields().chainHash(e.getValue().record());
        }
    }

    /** The anchor's hash when it is the device's record {@code first - 1}; else a finding and null. */
    private String anchorHash(SignedRecord anchor, long first) {
        Parsed a = anchor == null ? null : parse(anchor, "bản ghi neo / the anchor record");
        if (a == null || a.fields().seq() != first - 1) {
            findings.add(Finding.at(Kind.UNLINKED_START, first, "Không kiểm được liên kết của bản ghi " + first
                    + ": gói không có bản ghi " + (first - 1) + " / Record " + first + "'s link cannot be checked: "
                    + "record " + (first - 1) + " is not in the bundle"));
            return null;
        }
        return a.fields().chainHash(a.record());
    }

    private void gaps(TreeMap<Long, Parsed> bySeq, EvidenceBundle.Device d, boolean fromGenesis) {
        Long previous = fromGenesis ? Long.valueOf(0) : null;
        for (long seq : bySeq.keySet()) {
            if (previous != null && seq > previous + 1) {
                findings.add(new Finding(Kind.GAP, previous + 1, seq - 1, "Thiếu bản ghi " + range(previous + 1, seq - 1)
                        + " / Records " + range(previous + 1, seq - 1) + " are missing",
                        explanation(previous + 1, seq - 1, d)));
            }
            previous = seq;
        }
    }

    /** What the device's verified gap notices and the controller's refusals say about seqs first..last. */
    private String explanation(long first, long last, EvidenceBundle.Device d) {
        List<String> said = new ArrayList<>();
        for (SignedRecord signed : d.gapNotices()) {
            try {
                GapNotice n = GapNotice.parse(signed.payload());
                if (signed.signatureVerifies(key) && deviceId.equals(n.deviceId()) && n.firstSeq() <= last
                        && n.lastSeq() >= first) {
                    said.add("thiết bị báo / the device says (" + n.cause() + ", " + range(n.firstSeq(), n.lastSeq())
                            + "): " + n.detail());
                }
            } catch (InvalidPayloadException e) {
                said.add("một thông báo khoảng trống không đọc được / an unreadable gap notice");
            }
        }
        for (EvidenceBundle.Refused r : d.refused()) {
            if (r.seq() != null && r.seq() >= first && r.seq() <= last) {
                said.add("bộ điều khiển đã từ chối bản ghi " + r.seq() + " / the controller refused record " + r.seq()
                        + " (" + r.code() + "): " + r.message());
            }
        }
        return said.isEmpty() ? null : String.join("; ", said);
    }

    private static String range(long first, long last) {
        return first == last ? String.valueOf(first) : first + "–" + last;
    }
}
