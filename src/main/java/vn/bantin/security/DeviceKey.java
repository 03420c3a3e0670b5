package vn.bantin.security;

import vn.bantin.domain.EndpointStatus;

/** What the request verifier needs to know about a device: its raw public key and its endpoint's status. */
public record DeviceKey(byte[] publicKey, EndpointStatus status) {

    public DeviceKey {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
