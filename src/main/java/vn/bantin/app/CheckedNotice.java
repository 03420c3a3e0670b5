package vn.bantin.app;

import vn.bantin.evidence.GapNotice;
import vn.bantin.evidence.InvalidPayloadException;
import vn.bantin.evidence.PlayAck;
import vn.bantin.evidence.SignedRecord;

/**
 * One gap notice of a batch, checked before anything is stored: signed by the caller's key, readable and about
 * the caller's device ({@code notice} set), or refused ({@code refusal} set, naming the notice by its index).
 */
record CheckedNotice(SignedRecord signed, GapNotice notice, PlayAck.Refused refusal) {

    static CheckedNotice of(String deviceId, byte[] key, int index, SignedRecord signed) {
        if (signed.payload() == null || !signed.signatureVerifies(key)) {
            return refused(signed, new PlayAck.Refused(index, null, "bad_signature",
                    "gap notice " + index + ": the signature does not verify with this device's key"));
        }
        GapNotice notice;
        try {
            notice = GapNotice.parse(signed.payload());
        } catch (InvalidPayloadException e) {
            return refused(signed, new PlayAck.Refused(index, null, "bad_payload",
                    "gap notice " + index + ": " + e.getMessage()));
        }
        if (!deviceId.equals(notice.deviceId())) {
            return refused(signed, new PlayAck.Refused(index, notice.firstSeq(), "wrong_device", "gap notice " + index
                    + " names device " + notice.deviceId() + ", but the caller is " + deviceId));
        }
        return new CheckedNotice(signed, notice, null);
    }

    private static CheckedNotice refused(SignedRecord signed, PlayAck.Refused refusal) {
        return new CheckedNotice(signed, null, refusal);
    }
}
