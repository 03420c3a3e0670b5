package vn.bantin.app;

/** A timeline body as sent to one device: exact bytes, controller signature over them, ETag and version. */
public record SignedTimeline(byte[] body, String signature, String etag, String version) {
}
