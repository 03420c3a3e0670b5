package vn.bantin.evidence;

/** A play record payload that is not JSON or lacks a contract field; the message says which. */
public class InvalidPayloadException extends Exception {

    public InvalidPayloadException(String message) {
        super(message);
    }
}
