package dev.wsproxy.server.routing;

import java.util.regex.Pattern;

/**
 * A listener map domain with wildcards, matched as OLS does: {@code *} any run of characters including
 * dots, {@code ?} exactly one character, {@code \} makes the next character literal.
 */
public final class DomainGlob {

    private final Pattern pattern;

    public DomainGlob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    public boolean matches(String host) {
        return pattern.matcher(host).matches();
    }
}
