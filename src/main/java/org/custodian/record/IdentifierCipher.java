package org.custodian.record;

/**
 * Seals identifiers such as the SSN before they reach the database. Implemented outside this module
 * (by {@code privacy}, which holds the key outside the database); the record only stores what it gets.
 */
public interface IdentifierCipher {
    byte[] encrypt(String clearText);

    String decrypt(byte[] sealed);

    /** A keyed, deterministic digest, so an identifier can be found without being decrypted. */
    String digest(String clearText);
}
