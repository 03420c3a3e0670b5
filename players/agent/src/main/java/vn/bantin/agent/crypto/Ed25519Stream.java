package vn.bantin.agent.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Pure Ed25519 verification (RFC 8032 section 5.1.7, the same signature the JDK checks) fed the message in
 * pieces. The message only ever enters SHA-512(R || A || M), so nothing of it is kept: the JDK's verifier
 * buffers the whole message and copies it once more, which for a week's timeline (megabytes) was two copies
 * in a 48 MB heap. Cofactorless like the JDK: [S]B = R + [k]A, S below the group order, canonical points.
 * Everything checked here is public, so the arithmetic need not run in constant time.
 */
public final class Ed25519Stream {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final Point BASE = base();
    private static final Point NEUTRAL = new Point(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

    private final MessageDigest sha512;
    private final byte[] signature;
    private final byte[] publicKey;

    private Ed25519Stream(byte[] publicKey, byte[] signature) {
        this.publicKey = publicKey.clone();
        this.signature = signature;
        try {
            this.sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-512 in this JVM", e);
        }
        if (signature != null) {
            sha512.update(signature, 0, 32);
            sha512.update(this.publicKey);
        }
    }

    /** A verification of a base64 signature by a raw 32-byte key; a malformed signature simply fails at the end. */
    public static Ed25519Stream of(byte[] rawPublicKey, String base64Signature) {
        if (rawPublicKey.length != Ed25519.RAW_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + rawPublicKey.length);
        }
        byte[] sig = null;
        try {
            sig = base64Signature == null ? null : Base64.getDecoder().decode(base64Signature.trim());
        } catch (IllegalArgumentException e) {
            sig = null;
        }
        return new Ed25519Stream(rawPublicKey, sig != null && sig.length == 64 ? sig : null);
    }

    public void update(byte[] data, int offset, int length) {
        if (signature != null) {
            sha512.update(data, offset, length);
        }
    }

    /** True only if the signature holds over everything given to {@link #update}; never throws on bad input. */
    public boolean verify() {
        if (signature == null) {
            return false;
        }
        Point a = decode(publicKey);
        Point r = decode(java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = littleEndian(signature, 32);
        if (a == null || r == null || s.compareTo(L) >= 0) {
            return false;
        }
        BigInteger k = littleEndian(sha512.digest(), 0).mod(L);
        return sumOfMultiples(s, BASE, k, a.negate()).sameAs(r);
    }

    /** [s]p + [k]q with one run of doublings for both (Straus), which halves the work of two multiplications. */
    private static Point sumOfMultiples(BigInteger s, Point p, BigInteger k, Point q) {
        Point both = p.plus(q);
        Point sum = NEUTRAL;
        for (int i = Math.max(s.bitLength(), k.bitLength()) - 1; i >= 0; i--) {
            sum = sum.doubled();
            boolean si = s.testBit(i);
            boolean ki = k.testBit(i);
            if (si || ki) {
                sum = sum.plus(si && ki ? both : si ? p : q);
            }
        }
        return sum;
    }

    private static BigInteger littleEndian(byte[] bytes, int from) {
        byte[] big = new byte[bytes.length - from];
        for (int i = 0; i < big.length; i++) {
            big[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, big);
    }

    /** RFC 8032 5.1.3; null for anything that is not the canonical encoding of a curve point. */
    private static Point decode(byte[] encoded) {
        BigInteger value = littleEndian(encoded, 0);
        boolean sign = value.testBit(255);
        BigInteger y = value.clearBit(255);
        BigInteger x = recoverX(y, sign);
        return x == null ? null : new Point(x, y, BigInteger.ONE, x.multiply(y).mod(P));
    }

    private static BigInteger recoverX(BigInteger y, boolean sign) {
        if (y.compareTo(P) >= 0) {
            return null;
        }
        BigInteger yy = y.multiply(y);
        BigInteger x2 = yy.subtract(BigInteger.ONE).multiply(D.multiply(yy).add(BigInteger.ONE).modInverse(P)).mod(P);
        if (x2.signum() == 0) {
            return sign ? null : BigInteger.ZERO;
        }
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).subtract(x2).mod(P).equals(BigInteger.ZERO)) {
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (!x.multiply(x).subtract(x2).mod(P).equals(BigInteger.ZERO)) {
            return null;
        }
        return x.testBit(0) != sign ? P.subtract(x) : x;
    }

    private static Point base() {
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
        BigInteger x = recoverX(y, false);
        return new Point(x, y, BigInteger.ONE, x.multiply(y).mod(P));
    }

    /** Extended homogeneous coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, x*y = T/Z. */
    private record Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {

        /** RFC 8032 5.1.4's unified addition, which also doubles. */
        Point plus(Point q) {
            BigInteger a = y.subtract(x).multiply(q.y.subtract(q.x)).mod(P);
            BigInteger b = y.add(x).multiply(q.y.add(q.x)).mod(P);
            BigInteger c = t.multiply(q.t).mod(P).multiply(D).shiftLeft(1).mod(P);
            BigInteger d = z.multiply(q.z).shiftLeft(1).mod(P);
            BigInteger e = b.subtract(a);
            BigInteger f = d.subtract(c);
            BigInteger g = d.add(c);
            BigInteger h = b.add(a);
            return new Point(e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
        }

        /** RFC 8032 5.1.4's doubling: four squarings where the addition takes nine products. */
        Point doubled() {
            BigInteger a = x.multiply(x).mod(P);
            BigInteger b = y.multiply(y).mod(P);
            BigInteger c = z.multiply(z).shiftLeft(1).mod(P);
            BigInteger h = a.add(b);
            BigInteger xy = x.add(y);
            BigInteger e = h.subtract(xy.multiply(xy)).mod(P);
            BigInteger g = a.subtract(b);
            BigInteger f = c.add(g);
            return new Point(e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
        }

        Point negate() {
            return new Point(P.subtract(x).mod(P), y, z, P.subtract(t).mod(P));
        }

        boolean sameAs(Point q) {
            return x.multiply(q.z).subtract(q.x.multiply(z)).mod(P).signum() == 0
                    && y.multiply(q.z).subtract(q.y.multiply(z)).mod(P).signum() == 0;
        }
    }
}
