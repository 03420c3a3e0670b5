package vn.bantin.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;

/**
 * For a test class that changes the JVM's default TLS context (what HttpApi's clients trust): register it as a
 * static {@code @RegisterExtension} field, and the context the class found is put back after its last test.
 */
public final class DefaultTrust implements BeforeAllCallback, AfterAllCallback {

    private SSLContext previous;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        previous = SSLContext.getDefault();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SSLContext.setDefault(previous);
    }

    /** From now until the class ends, default clients trust only this CA certificate (PEM), as a pinned agent does. */
    public void only(Path caCert) throws Exception {
        SSLContext.setDefault(TestCertificates.trusting(caCert));
    }
}
