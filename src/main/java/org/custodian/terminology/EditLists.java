package org.custodian.terminology;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The code lists of one loaded edit file (MCE, POA-exempt), for membership by code or by category. */
final class EditLists {
    private final EditFile file;
    private final Map<EditList, Map<String, String>> lists = new EnumMap<>(EditList.class);

    EditLists(EditFile file, List<EditEntry> entries) {
        this.file = file;
        for (EditEntry e : entries) {
            Map<String, String> list = lists.computeIfAbsent(e.list(), l -> new HashMap<>());
            // the MCE names a code twice when it explains it first (Z5189); the starred copy says more
            list.merge(e.code(), e.detail(), (a, b) -> b.startsWith("*") ? b : a);
        }
    }

    EditFile file() {
        return file;
    }

    boolean has(EditList list) {
        return lists.containsKey(list);
    }

    /** The list's text for the code (its title, "*title" for a starred code), when listed. */
    Optional<String> find(EditList list, String code) {
        return Optional.ofNullable(lists.getOrDefault(list, Map.of()).get(code));
    }

    /** Listed itself or under a listed category or subcategory (the POA-exempt list names categories). */
    Optional<String> findWithin(EditList list, String code) {
        Map<String, String> codes = lists.getOrDefault(list, Map.of());
        for (int length = code.length(); length >= 3; length--) {
            String detail = codes.get(code.substring(0, length));
            if (detail != null) {
                return Optional.of(detail);
            }
        }
        return Optional.empty();
    }
}
