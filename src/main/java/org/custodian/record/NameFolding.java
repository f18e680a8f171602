package org.custodian.record;

import java.text.Normalizer;
import java.util.Locale;

/** Folds names for matching: no accents, lower case, letters, digits and single spaces only. */
public final class NameFolding {
    private NameFolding() {
    }

    /**
     * Most names are plain ASCII: those skip Unicode decomposition (the largest share of a lookup's
     * own CPU), and come back as they are when already folded.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        boolean folded = true;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return foldUnicode(text);
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                space = false;
            } else if (c == ' ' && !space) {
                space = true;
            } else {
                folded = false;
            }
        }
        if (folded && !space || text.isEmpty()) {
            return text;
        }
        return foldAscii(text);
    }

    private static String foldAscii(String text) {
        char[] out = new char[text.length()];
        int length = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out[length++] = c;
                space = false;
            } else if (c >= 'A' && c <= 'Z') {
                out[length++] = (char) (c + ('a' - 'A'));
                space = false;
            } else if (!space) {
                out[length++] = ' ';
                space = true;
            }
        }
        if (length > 0 && out[length - 1] == ' ') {
            length--;
        }
        return new String(out, 0, length);
    }

    /** The general path, for any text. */
    static String foldUnicode(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
