package dev.wsproxy.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A realm's group file as OLS reads it: lines {@code group: user user,user[:comment]}; the first line for a group wins. */
public final class GroupFile {

    public static final GroupFile EMPTY = new GroupFile(Map.of());

    private final Map<String, Set<String>> members;

    private GroupFile(Map<String, Set<String>> members) {
        this.members = members;
    }

    public static GroupFile parse(String text) {
        Map<String, Set<String>> members = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            String group = colon < 0 ? "" : line.substring(0, colon).strip();
            if (group.isEmpty() || group.startsWith("#")) {
                continue;
            }
            String list = line.substring(colon + 1);
            int comment = list.indexOf(':');
            members.putIfAbsent(group, Set.copyOf(UserFile.names(comment < 0 ? list : list.substring(0, comment), ", \t")));
        }
        return new GroupFile(Map.copyOf(members));
    }

    /** Whether {@code user} is listed in any of {@code groups}. */
    public boolean listsIn(String user, List<String> groups) {
        return groups.stream().anyMatch(g -> members.getOrDefault(g, Set.of()).contains(user));
    }
}
