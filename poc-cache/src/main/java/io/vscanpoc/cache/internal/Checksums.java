package io.vscanpoc.cache.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The checksum stored beside each raw JSON document: SHA-256 of its UTF-8 bytes, lower-case hex. Not API. */
public final class Checksums {

    private Checksums() {}

    public static String sha256Hex(String text) {
        try {
            // A new digest per call: MessageDigest is not thread-safe and creating one is cheap.
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
