package dev.wsproxy.config.value;

/** What a config value that could not be read should have been; lint turns each into its diagnostic code. */
public enum Expected {
    NUMBER, SWITCH, ADDRESS, PORT, REGEX,
    /** One of the values the directive takes (a choice, a URI, a header operation, an expires rule). */
    VALUE
}
