package dev.wsproxy.config.rewrite;

import dev.wsproxy.config.rewrite.RuleFlags.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code [flags]} of a RewriteRule as OLS's {@code parseOneFlag} does: each flag is recognised by its
 * first letters ({@code L}, {@code last}, {@code R=301}, {@code QSA}, ...); anything else is an error that makes
 * OLS drop the rule.
 */
final class RuleFlagParser {
    private static final String FIX = "Use the flags OLS knows: L, END, N, C, S=n, R[=code], F, G, NC, NE, B, QSA,"
            + " QSD, PT, P, CO=, E=, T=, H=.";

    private final String text;
    private final Templates templates;
    private int at;
    private Action action = Action.NONE;
    private int status;
    private boolean last;
    private boolean end;
    private boolean next;
    private boolean chain;
    private int skip;
    private boolean noCase;
    private boolean noEscape;
    private BackrefEscaping backrefs = BackrefEscaping.NONE;
    private boolean qsAppend;
    private boolean qsDiscard;
    private boolean passThrough;
    private boolean unsafeAllow3F;
    private final List<Template> env = new ArrayList<>();
    private final List<Template> cookies = new ArrayList<>();
    private Optional<String> forcedType = Optional.empty();

    private RuleFlagParser(String text, Templates templates) {
        this.text = text;
        this.templates = templates;
    }

    /** The flags in {@code rest} (the line after the substitution): empty, a {@code #} comment, or {@code [...]}. */
    static RuleFlags parse(String rest, Templates templates) throws BadRule {
        return new RuleFlagParser(rest, templates).read();
    }

    private RuleFlags read() throws BadRule {
        if (text.isEmpty() || text.startsWith("#")) {
            return build();
        }
        if (!text.startsWith("[")) {
            throw new BadRule("invalid third parameter `" + text + "`, '[' is expected",
                    "Put the flags in brackets after the substitution, e.g. [L,R=301]; quote a substitution that"
                            + " holds blanks.");
        }
        at = 1;
        while (at < text.length()) {
            skipBlanks();
            flag();
            skipBlanks();
            if (at < text.length() && text.charAt(at) == ']') {
                return build();
            }
            if (at >= text.length() || text.charAt(at) != ',') {
                throw unknown();
            }
            at++;
        }
        throw new BadRule("missing ']' after the flags", "Close the flags with ']'.");
    }

    private RuleFlags build() {
        return new RuleFlags(action, status, last, end, next, chain, skip, noCase, noEscape, backrefs, qsAppend,
                qsDiscard, passThrough, unsafeAllow3F, env, cookies, forcedType);
    }

    private BadRule unknown() {
        int stop = at;
        while (stop < text.length() && ",]".indexOf(text.charAt(stop)) < 0) {
            stop++;
        }
        return new BadRule("unknown rewrite rule flag `" + text.substring(Math.min(at, text.length()), stop) + "`", FIX);
    }

    private void flag() throws BadRule {
        if (at >= text.length()) {
            throw unknown();
        }
        switch (Character.toUpperCase(text.charAt(at))) {
            case 'B' -> bFlag();
            case 'C' -> chainOrCookie();
            case 'D' -> {
                if (!word("discardpathinfo") && !word("DPI")) {
                    at++;
                }
            }
            case 'E' -> endOrEnv();
            case 'F' -> refuse(Action.FORBID, 403, "forbidden");
            case 'G' -> refuse(Action.GONE, 410, "gone");
            case 'L' -> {
                last = true;
                if (!word("last")) {
                    at++;
                }
            }
            case 'N' -> nFlag();
            case 'P' -> pFlag();
            case 'Q' -> qFlag();
            case 'R' -> redirect();
            case 'S' -> skipFlag();
            case 'T', 'H' -> type();
            case 'U' -> {
                if (!word("UnsafeAllow3F")) {
                    throw unknown();
                }
                unsafeAllow3F = true;
            }
            default -> throw unknown();
        }
    }

    /** Consumes {@code w} (case-insensitive) when the text continues with it. */
    private boolean word(String w) {
        if (text.regionMatches(true, at, w, 0, w.length())) {
            at += w.length();
            return true;
        }
        return false;
    }

    /** {@code B} escapes back-references; {@code BNP}, {@code BCTLS} and {@code BNE=} escape them their own way. */
    private void bFlag() {
        if (word("BNP") || word("backrefnoplus")) {
            backrefs = backrefs.withNoPlus();
        } else if (word("BCTLS")) {
            backrefs = backrefs.withControlsOnly();
        } else if (word("BNE=")) {
            backrefs = backrefs.keeping(value());
        } else {
            backrefs = backrefs.enabled();
            at++;
        }
    }

    private void chainOrCookie() throws BadRule {
        if (at + 1 < text.length() && Character.toLowerCase(text.charAt(at + 1)) == 'o') {
            at += 2;
            word("okie");
            if (at < text.length() && text.charAt(at) == '=') {
                at++;
                String value = value();
                if (value.isEmpty() || value.indexOf(':') < 0) {
                    throw new BadRule("invalid cookie flag `CO=" + value + "`", "Write CO=name:value[:domain[:lifetime"
                            + "[:path[:secure[:httponly]]]]].");
                }
                cookies.add(templates.parse(value));
            }
            return;
        }
        chain = true;
        if (!word("chain")) {
            at++;
        }
    }

    private void endOrEnv() throws BadRule {
        if (word("end")) {
            end = true;
            last = true;
            return;
        }
        if (!word("env")) {
            at++;
        }
        if (at < text.length() && text.charAt(at) == '=') {
            at++;
            String value;
            char quote = at < text.length() ? text.charAt(at) : 0;
            int close = quote == '"' || quote == '\'' ? text.indexOf(quote, at + 1) : -1;
            if (close > 0) {
                value = text.substring(at + 1, close);
                at = close + 1;
            } else {
                value = value();
            }
            if (value.isEmpty()) {
                throw new BadRule("invalid env flag, empty string", "Write E=NAME:value.");
            }
            env.add(templates.parse(value));
        }
    }

    private void refuse(Action refusal, int code, String longForm) {
        action = refusal;
        status = code;
        last = true;
        if (!word(longForm)) {
            at++;
        }
    }

    private void nFlag() {
        for (String w : List.of("nocase", "nc")) {
            if (word(w)) {
                noCase = true;
                return;
            }
        }
        if (word("nosubreq") || word("ns")) {
            return;
        }
        if (word("noescape")) {
            noEscape = true;
        } else if (word("next")) {
            next = true;
        } else if (word("ne")) {
            noEscape = true;
        } else {
            next = true;
            at++;
        }
    }

    private void pFlag() {
        last = true;
        if (word("passthrough") || word("pt")) {
            passThrough = true;
            return;
        }
        action = Action.PROXY;
        if (!word("proxy")) {
            at++;
        }
    }

    private void qFlag() throws BadRule {
        if (word("qsappend") || word("qsa")) {
            qsAppend = true;
        } else if (word("qsdiscard") || word("qsd")) {
            qsDiscard = true;
        } else {
            throw unknown();
        }
    }

    private void redirect() {
        action = Action.REDIRECT;
        status = 302;
        if (!word("redirect")) {
            at++;
        }
        if (at >= text.length() || text.charAt(at) != '=') {
            return;
        }
        at++;
        int start = at;
        String value = value();
        switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "permanent" -> status = 301;
            case "seeother" -> status = 303;
            case "temp", "" -> status = 302;
            default -> {
                if (value.matches("[1-5]\\d\\d")) {
                    status = Integer.parseInt(value);
                } else {
                    at = start; // OLS keeps 302 and then stumbles on the text as the next flag
                }
            }
        }
    }

    private void skipFlag() throws BadRule {
        if (!word("skip")) {
            at++;
        }
        if (at >= text.length() || text.charAt(at) != '=') {
            throw new BadRule("invalid 'skip' flag, '=' expected", "Write S=n, the number of rules to skip.");
        }
        at++;
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw new BadRule("invalid number in 'skip' flag", "Write S=n, the number of rules to skip.");
        }
        skip = Integer.parseInt(text.substring(start, Math.min(at, start + 6)));
    }

    private void type() throws BadRule {
        if (!word("type") && !word("handler")) {
            at++;
        }
        if (at >= text.length() || text.charAt(at) != '=') {
            throw new BadRule("invalid 'type' flag, '=' expected", "Write T=mime/type or H=handler.");
        }
        at++;
        String value = value();
        if (value.isEmpty()) {
            throw new BadRule("invalid 'type' flag, missing mime type", "Write T=mime/type or H=handler.");
        }
        forcedType = Optional.of(value);
    }

    /** The text up to the next ',', ']' or blank. */
    private String value() {
        int start = at;
        while (at < text.length() && ",] \t".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return text.substring(start, at);
    }

    private void skipBlanks() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
