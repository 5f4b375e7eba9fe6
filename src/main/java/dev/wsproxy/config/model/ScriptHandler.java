package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;

/**
 * One {@code scriptHandler} entry, {@code add <type>:<name> <suffixes>}: an app OLS runs for files with those
 * suffixes. wsproxy runs no such app; it keeps the entry so that those files are never sent as they are.
 */
public record ScriptHandler(String type, String name, Span span) {

    /** {@code type:name}, as the config writes it. */
    public String text() {
        return type + ":" + name;
    }
}
