package dev.wsproxy.server.upstream;

import java.io.IOException;

/** The client, not the backend, ended a proxied exchange: the status it is logged with and why. */
final class ClientFailure extends IOException {

    private final int status;

    ClientFailure(int status, String why) {
        super(why);
        this.status = status;
    }

    int status() {
        return status;
    }
}
