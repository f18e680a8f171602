package org.custodian.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.custodian.record.IdentifierCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for identifiers at rest. A sealed value is {@code version(1) | iv(12) | ciphertext+tag};
 * lookups use an HMAC-SHA256 digest under a key derived from the same secret.
 */
@Component
class AesGcmIdentifierCipher implements IdentifierCipher {
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec digestKey;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    AesGcmIdentifierCipher(@Value("${custodian.data-directory:custodian-data}") Path dataDirectory) {
        this(IdentifierKey.load(dataDirectory, System.getenv(IdentifierKey.VARIABLE)));
    }

    AesGcmIdentifierCipher(IdentifierKey key) {
        this.encryptionKey = new SecretKeySpec(key.bytes(), "AES");
        this.digestKey = new SecretKeySpec(hmac(new SecretKeySpec(key.bytes(), "HmacSHA256"),
                "custodian identifier digest"), "HmacSHA256");
    }

    @Override
    public byte[] encrypt(String clearText) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(new byte[] {FORMAT});
            byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    @Override
    public String decrypt(byte[] sealed) {
        if (sealed == null || sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new IllegalArgumentException("not a sealed identifier (unknown format)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(new byte[] {FORMAT});
            byte[] clear = cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed identifier does not open with this key (wrong key or altered data)", e);
        }
    }

    @Override
    public String digest(String clearText) {
        return HexFormat.of().formatHex(hmac(digestKey, clearText.replaceAll("[^0-9A-Za-z]", "")));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
