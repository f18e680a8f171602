package org.custodian.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notes of one loaded tabular list, looked up the way the tabular reads: a note on a chapter,
 * section, category or subcategory applies to every code below it, and the nearest 7th-character
 * definition above a code is the one that applies.
 */
final class TabularNotes {
    /** A note and where in the tabular it stands (a code without dot, or a chapter/section range). */
    record Note(EditList list, String at, String text, List<CodeRange> refers) {
    }

    /** The 7th characters allowed under {@code at}, each with its meaning, in tabular order. */
    record SeventhCharacters(String at, Map<Character, String> meanings) {
    }

    private final String version;
    private final Map<String, List<Note>> byCode = new HashMap<>();
    private final Map<CodeRange, List<Note>> byRange = new LinkedHashMap<>();
    private final Map<String, Map<Character, String>> seventh = new HashMap<>();

    TabularNotes(String version, List<EditEntry> entries) {
        this.version = version;
        for (EditEntry e : entries) {
            if (e.list() == EditList.SEVENTH_CHARACTER) {
                seventh.computeIfAbsent(e.code(), c -> new LinkedHashMap<>()).put(e.detail().charAt(0), e.detail().substring(2));
                continue;
            }
            Note note = new Note(e.list(), e.code(), e.detail(), CodeRange.in(e.detail()));
            int dash = e.code().indexOf('-');
            if (dash > 0) {
                byRange.computeIfAbsent(new CodeRange(e.code().substring(0, dash), e.code().substring(dash + 1)),
                        r -> new ArrayList<>()).add(note);
            } else {
                byCode.computeIfAbsent(e.code(), c -> new ArrayList<>()).add(note);
            }
        }
    }

    String version() {
        return version;
    }

    /** Notes of one kind that apply to a code: its own and those of every level above it. */
    List<Note> notes(EditList list, String code) {
        List<Note> notes = new ArrayList<>();
        for (int length = code.length(); length >= 3; length--) {
            for (Note n : byCode.getOrDefault(code.substring(0, length), List.of())) {
                if (n.list() == list) {
                    notes.add(n);
                }
            }
        }
        byRange.forEach((range, rangeNotes) -> {
            if (range.contains(code)) {
                rangeNotes.stream().filter(n -> n.list() == list).forEach(notes::add);
            }
        });
        return notes;
    }

    /** The nearest 7th-character definition above a code (not counting a 7th character it already has). */
    Optional<SeventhCharacters> seventhCharacters(String code) {
        for (int length = Math.min(code.length(), 6); length >= 3; length--) {
            String at = code.substring(0, length);
            Map<Character, String> meanings = seventh.get(at);
            if (meanings != null) {
                return Optional.of(new SeventhCharacters(at, meanings));
            }
        }
        return Optional.empty();
    }
}
