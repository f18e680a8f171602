package org.custodian.mpi.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Given names that stand for each other (Bill and William), from the {@code nicknames.txt} table. */
public final class Nicknames {
    private static final Nicknames STANDARD = load("/org/custodian/mpi/nicknames.txt");

    private final Map<String, int[]> groupsByName;

    private Nicknames(Map<String, int[]> groupsByName) {
        this.groupsByName = groupsByName;
    }

    public static Nicknames standard() {
        return STANDARD;
    }

    /** Whether two folded given names share a nickname group (not whether they are equal). */
    public boolean equivalent(String a, String b) {
        int[] ga = groupsByName.get(a);
        int[] gb = groupsByName.get(b);
        if (ga == null || gb == null) {
            return false;
        }
        for (int x : ga) {
            for (int y : gb) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A key shared by the name's nickname group ("#7"), or {@code otherwise} for a name in no group. */
    public String root(String name, String otherwise) {
        int[] groups = groupsByName.get(name);
        return groups == null ? otherwise : "#" + groups[0];
    }

    static Nicknames load(String resource) {
        Map<String, int[]> groups = new HashMap<>();
        try (var in = Objects.requireNonNull(Nicknames.class.getResourceAsStream(resource), resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int group = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.split(",")) {
                    int id = group;
                    groups.merge(name.trim(), new int[] {id}, (old, add) -> {
                        int[] both = Arrays.copyOf(old, old.length + 1);
                        both[old.length] = add[0];
                        return both;
                    });
                }
                group++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Nicknames(Map.copyOf(groups));
    }
}
