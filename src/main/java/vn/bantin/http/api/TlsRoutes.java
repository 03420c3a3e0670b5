package vn.bantin.http.api;

import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.Responses;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.security.LocalCa;

import java.nio.file.Path;

/**
 * The local CA's certificate for installers (tls.mode=local-ca), without signing in: it is public, and the
 * fingerprint in the enrollment code is what makes it trusted. Any other TLS setup has no CA of ours: 404.
 */
public final class TlsRoutes {

    public static final String PEM = "application/x-pem-file";

    private final Path localCaCert;
    private final Blocking blocking;

    /** localCaCert: the local CA's certificate file, null when the controller did not make its own CA. */
    public TlsRoutes(Path localCaCert, Blocking blocking) {
        this.localCaCert = localCaCert;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/tls/ca.crt", Permission.PUBLIC, this::caCertificate);
    }

    private void caCertificate(RoutingContext ctx) {
        if (localCaCert == null) {
            Responses.error(ctx, 404, "no_local_ca", "Máy chủ không dùng CA riêng (tls.mode=local-ca); chứng chỉ do"
                    + " tỉnh hoặc CA công cộng cấp / This controller has no CA of its own (tls.mode=local-ca is not"
                    + " set); its certificate comes from the province's or a public CA");
            return;
        }
        blocking.respond(ctx, () -> LocalCa.certificatePem(localCaCert), (c, pem) -> c.response()
                .putHeader("Content-Type", PEM)
                .putHeader("Content-Disposition", "attachment; filename=\"bantin-ca.crt\"")
                .end(pem));
    }
}
