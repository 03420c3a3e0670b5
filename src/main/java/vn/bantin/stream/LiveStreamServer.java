package vn.bantin.stream;

/** The streaming server live sessions go through: where the controller sends a mount, where agents play it. */
public interface LiveStreamServer extends AutoCloseable {

    /** Where to send a mount's stream, with the source credentials; starts a managed server on first use. */
    IcecastSource.Target source(String mount) throws java.io.IOException;

    /** The URL agents play a mount from. */
    String listenUrl(String mount);

    @Override
    void close();
}
