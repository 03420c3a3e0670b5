package vn.bantin.app;

/** An acknowledgement body as sent to one device: exact bytes and the controller signature over them. */
public record SignedAck(byte[] body, String signature) {
}
