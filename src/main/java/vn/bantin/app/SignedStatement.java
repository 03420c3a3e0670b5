package vn.bantin.app;

/** Bytes the controller said, and its signature over exactly those bytes. */
public record SignedStatement(byte[] body, String signature) {
}
