package dev.wsproxy.config.value;


/** Reads the port of an address. */
final class Ports {
    private Ports() {
    }

    static Parsed<Integer> port(String text, int offset) {
        if (!text.matches("\\d{1,6}")) {
            return Parsed.bad(Expected.PORT, "`" + text + "` is not a port", "Write a port number from 1 to 65535.", offset);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            return Parsed.bad(Expected.PORT, "port " + port + " is out of range", "Write a port number from 1 to 65535.",
                    offset);
        }
        return Parsed.ok(port);
    }
}
