package dev.newswire.ingest.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one user agent, per RFC 9309: the groups naming our product token
 * (else the {@code *} groups), the longest matching {@code allow}/{@code disallow} pattern decides,
 * {@code allow} wins a tie, {@code *} and {@code $} are wildcards.
 */
public final class RobotsRules {

    /** Rules that allow everything (no robots.txt, or a 4xx answer for it). */
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    /** Rules that allow nothing (robots.txt unreachable: RFC 9309 section 2.3.1.4). */
    public static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule(false, "/")));

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    private record Rule(boolean allow, String pattern) {
    }

    private record Group(List<String> agents, List<Rule> rules) {
    }

    /** Parses robots.txt text for the crawler whose product token is {@code userAgentToken}. */
    public static RobotsRules parse(String robotsTxt, String userAgentToken) {
        String token = userAgentToken.toLowerCase(Locale.ROOT);
        List<Group> groups = new ArrayList<>();
        Group current = null;
        boolean readingAgents = false;
        for (String rawLine : robotsTxt.split("\\r\\n|\\r|\\n")) {
            int hash = rawLine.indexOf('#');
            String line = (hash >= 0 ? rawLine.substring(0, hash) : rawLine).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!readingAgents) {
                    current = new Group(new ArrayList<>(), new ArrayList<>());
                    groups.add(current);
                }
                readingAgents = true;
                current.agents().add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                readingAgents = false;
                // Rules before any user-agent line belong to no group; "Disallow:" with no path allows all.
                if (current != null && !value.isEmpty()) {
                    current.rules().add(new Rule(key.equals("allow"), value));
                }
            } else {
                readingAgents = false;
            }
        }
        List<Rule> ours = new ArrayList<>();
        boolean named = false;
        for (Group group : groups) {
            if (group.agents().stream().anyMatch(a -> !a.isEmpty() && !a.equals("*") && token.startsWith(a))) {
                named = true;
                ours.addAll(group.rules());
            }
        }
        if (!named) {
            for (Group group : groups) {
                if (group.agents().contains("*")) {
                    ours.addAll(group.rules());
                }
            }
        }
        return new RobotsRules(List.copyOf(ours));
    }

    /** Whether the path (with its query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        if (path.equals("/robots.txt")) {
            return true;
        }
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), path) && (best == null || rule.pattern().length() > best.pattern().length()
                    || (rule.pattern().length() == best.pattern().length() && rule.allow()))) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /**
     * Pattern match with {@code *} (any run) and a final {@code $} (end of path), in time linear in the
     * pattern times the path: the literal pieces between the stars are found left to right, each at its first
     * place after the previous one (taking the first place never loses a match, since a star absorbs any run).
     * A backtracking matcher is exponential in the number of stars, and robots.txt is written by the site.
     */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        int star = p.indexOf('*');
        if (star < 0) {
            return anchored ? path.equals(p) : path.startsWith(p);
        }
        if (!path.startsWith(p.substring(0, star))) {
            return false;
        }
        int at = star;
        int from = star + 1;
        for (int next = p.indexOf('*', from); next >= 0; next = p.indexOf('*', from)) {
            String piece = p.substring(from, next);
            int found = path.indexOf(piece, at);
            if (found < 0) {
                return false;
            }
            at = found + piece.length();
            from = next + 1;
        }
        String last = p.substring(from);
        if (anchored) {
            return path.length() - last.length() >= at && path.endsWith(last);
        }
        return path.indexOf(last, at) >= 0;
    }
}
