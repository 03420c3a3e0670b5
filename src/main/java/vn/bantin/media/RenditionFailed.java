package vn.bantin.media;

/** A rendition or preview could not be made; the message (Vietnamese / English) is shown on the asset. */
public final class RenditionFailed extends Exception {

    public RenditionFailed(String message) {
        super(message);
    }
}
