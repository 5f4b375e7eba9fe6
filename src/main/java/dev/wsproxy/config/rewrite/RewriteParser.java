package dev.wsproxy.config.rewrite;

import dev.wsproxy.config.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns rewrite rules text into a {@link RewriteSet} as OLS's {@code RewriteEngine::parseRules} does. Only
 * {@code RewriteCond}, {@code RewriteRule}, {@code RewriteBase}, {@code RewriteEngine} and {@code RewriteFile}
 * are read; {@code <IfModule mod_headers...>} sections are skipped, other lines ignored. The first rule OLS
 * cannot parse ends the set: it and every later rule are dropped (a {@code RewriteFile}'s rules are a set of
 * their own). Pure: the caller reads {@code RewriteFile}s.
 */
public final class RewriteParser {

    /** Reads the file a {@code RewriteFile} line names; empty when it cannot be read (OLS then goes on). */
    @FunctionalInterface
    public interface FileReader {
        Optional<List<RewriteLine>> read(String path, Span from);
    }

    /** Reads no files. */
    public static final FileReader NO_FILES = (path, from) -> Optional.empty();

    /** How deep {@code RewriteFile}s may nest before the parser stops following them (a file that includes itself). */
    private static final int MAX_FILE_DEPTH = 8;

    private final RuleParser rules;
    private final FileReader files;
    private final List<RewriteRule> parsed = new ArrayList<>();
    private Optional<Boolean> engine = Optional.empty();
    private Optional<String> base = Optional.empty();
    private final List<RuleProblem> problems = new ArrayList<>();

    private RewriteParser(Set<String> maps, FileReader files) {
        this.rules = new RuleParser(new Templates(maps));
        this.files = files;
    }

    /** @param maps the names of the vhost's rewrite maps, which {@code ${name:key}} may use */
    public static RewriteSet parse(List<RewriteLine> lines, Set<String> maps, FileReader files) {
        RewriteParser parser = new RewriteParser(maps, files);
        parser.parseText(lines, 0);
        return new RewriteSet(parser.parsed, parser.engine, parser.base, parser.problems);
    }

    /** Splits multi-line text (a {@code rules} heredoc, a file) into lines, each with its place. */
    public static List<RewriteLine> lines(String text, Span start) {
        List<RewriteLine> out = new ArrayList<>();
        String[] split = text.split("\r?\n", -1);
        for (int i = 0; i < split.length; i++) {
            int indent = split[i].length() - split[i].stripLeading().length();
            Span span = !start.isKnown() ? start : i == 0 ? start
                    : Span.at(start.file(), start.line() + i, indent + 1);
            out.add(new RewriteLine(split[i].strip(), span));
        }
        return out;
    }

    private void parseText(List<RewriteLine> lines, int depth) {
        int skipping = 0;
        List<RewriteCondition> conditions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RewriteLine line = lines.get(i);
            String text = line.text();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (startsWith(text, "<IfModule")) {
                skipping += skipping > 0 || text.contains("mod_headers") ? 1 : 0;
                continue;
            }
            if (startsWith(text, "</IfModule")) {
                skipping = Math.max(0, skipping - 1);
                continue;
            }
            if (skipping > 0) {
                continue;
            }
            try {
                if (keyword(text, "RewriteCond")) {
                    conditions.add(rules.condition(text.substring(12), line.span()));
                } else if (keyword(text, "RewriteRule")) {
                    parsed.add(rules.rule(text.substring(12), line.span(), conditions));
                    conditions = new ArrayList<>();
                } else if (!conditions.isEmpty()) {
                    throw new BadRule("`" + firstWord(text) + "` between a RewriteCond and its RewriteRule",
                            "Put RewriteCond lines right before the RewriteRule they belong to.");
                } else {
                    directive(line, depth);
                }
            } catch (BadRule e) {
                List<Span> after = later(lines, i + 1);
                // a bad condition (or line before a rule) takes its own rule down first
                boolean ownRuleAhead = !keyword(text, "RewriteRule") && !after.isEmpty();
                problems.add(new RuleProblem(e.kind(), line.span(), e.getMessage(), e.fix(),
                        ownRuleAhead ? after.subList(1, after.size()) : after));
                return;
            }
        }
        if (!conditions.isEmpty()) {
            RewriteCondition first = conditions.get(0);
            problems.add(new RuleProblem(RuleProblem.Kind.OLS_DROPS, first.span(), "RewriteCond without a RewriteRule after it",
                    "Add the RewriteRule the conditions belong to, or remove them.", List.of()));
        }
    }

    private void directive(RewriteLine line, int depth) {
        String text = line.text();
        if (keyword(text, "RewriteBase")) {
            base = Optional.of(text.substring(12).strip());
        } else if (keyword(text, "RewriteFile")) {
            if (depth < MAX_FILE_DEPTH) {
                files.read(text.substring(12).strip(), line.span()).ifPresent(lines -> parseText(lines, depth + 1));
            }
        } else if (startsWith(text, "RewriteEngine")) {
            String value = text.substring(13).strip().toLowerCase(Locale.ROOT);
            if (value.startsWith("on")) {
                engine = Optional.of(true);
            } else if (value.startsWith("off")) {
                engine = Optional.of(false);
            }
        }
    }

    /** Where each RewriteRule after {@code from} starts: the rules a bad rule takes with it. */
    private static List<Span> later(List<RewriteLine> lines, int from) {
        return lines.subList(from, lines.size()).stream().filter(l -> keyword(l.text(), "RewriteRule"))
                .map(RewriteLine::span).toList();
    }

    private static boolean keyword(String text, String word) {
        return text.length() > word.length() && startsWith(text, word)
                && Character.isWhitespace(text.charAt(word.length()));
    }

    private static boolean startsWith(String text, String word) {
        return text.regionMatches(true, 0, word, 0, word.length());
    }

    private static String firstWord(String text) {
        String[] words = text.split("\\s+", 2);
        return words[0];
    }
}
