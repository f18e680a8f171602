package org.custodian.mpi;

import java.util.SplittableRandom;

/** Random identifiers in US shapes, shared by the people sources and the corruption engine. */
final class Draws {
    private Draws() {
    }

    static String phone(SplittableRandom random) {
        return (2 + random.nextInt(8)) + digits(random, 2) + "-" + (2 + random.nextInt(8)) + digits(random, 2) + "-"
                + digits(random, 4);
    }

    static String ssn(SplittableRandom random) {
        return String.format("%03d-%02d-%04d", 1 + random.nextInt(665), 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    static String digits(SplittableRandom random, int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    static String capitalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }
}
