package vn.bantin.evidence;

/** A parsed play record with the endpoint its device is bound to (records name devices, reports name endpoints). */
public record EndpointPlay(long endpointId, PlayRecordPayload record) {
}
