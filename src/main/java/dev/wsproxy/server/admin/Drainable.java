package dev.wsproxy.server.admin;

/** The server as the admin endpoint sees it: whether it still serves, and how to make it drain. */
public interface Drainable {

    /** False once the server drains or stops: {@code /healthz} then answers 503. */
    boolean serving();

    /** Stops taking connections and lets the open ones finish; returns at once. */
    void drain();
}
