package dev.wsproxy.config.diag;

/** How bad a diagnostic is; errors stop {@code serve}, warnings do too under {@code lint --strict}. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
