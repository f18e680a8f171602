package org.custodian.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmIdentifierCipherTest {
    @TempDir
    Path data;

    @Test
    void sealsAndOpensWithARandomIvEachTime() {
        var cipher = new AesGcmIdentifierCipher(IdentifierKey.load(data, null));
        byte[] one = cipher.encrypt("123-45-6789");
        byte[] two = cipher.encrypt("123-45-6789");
        assertThat(one).isNotEqualTo(two);
        assertThat(new String(one, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("6789");
        assertThat(cipher.decrypt(one)).isEqualTo("123-45-6789");
    }

    @Test
    void theKeyLivesInTheDataFolderOwnerOnlyAndIsReusedOnRestart() throws Exception {
        byte[] sealed = new AesGcmIdentifierCipher(IdentifierKey.load(data, null)).encrypt("999-88-7777");
        Path key = data.resolve("keys/identifier.key");
        assertThat(Files.getPosixFilePermissions(key).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(new AesGcmIdentifierCipher(IdentifierKey.load(data, null)).decrypt(sealed)).isEqualTo("999-88-7777");
    }

    @Test
    void alteredCiphertextOrAnotherKeyIsRefused(@TempDir Path other) {
        var cipher = new AesGcmIdentifierCipher(IdentifierKey.load(data, null));
        byte[] sealed = cipher.encrypt("123-45-6789");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).hasMessageContaining("does not open");
        byte[] fresh = cipher.encrypt("123-45-6789");
        assertThatThrownBy(() -> new AesGcmIdentifierCipher(IdentifierKey.load(other, null)).decrypt(fresh))
                .hasMessageContaining("does not open");
    }

    @Test
    void digestIgnoresPunctuationSoFormattedAndBareNumbersMatch() {
        var cipher = new AesGcmIdentifierCipher(IdentifierKey.load(data, null));
        assertThat(cipher.digest("123-45-6789")).isEqualTo(cipher.digest("123456789"))
                .isNotEqualTo(cipher.digest("123456780"));
    }

    @Test
    void aKeyOfTheWrongSizeIsRejectedNamingTheSource() {
        assertThatThrownBy(() -> IdentifierKey.load(data, "c2hvcnQ="))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> IdentifierKey.load(data, "not base64!"))
                .hasMessageContaining(IdentifierKey.VARIABLE);
    }
}
