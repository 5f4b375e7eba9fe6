package dev.wsproxy.config.model;

/** One extraHeaders line: set, unset, add, append or merge a response header. */
public record HeaderOp(Action action, String name, String value) {

    /** What the line does to the header. */
    public enum Action { SET, UNSET, ADD, APPEND, MERGE }
}
