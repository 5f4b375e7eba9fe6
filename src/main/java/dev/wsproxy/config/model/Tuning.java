package dev.wsproxy.config.model;

/** The server {@code tuning} values wsproxy honours, with OLS defaults where unset. */
public record Tuning(int maxReqUrlLen, int maxReqHeaderSize, int keepAliveTimeoutSeconds, int connTimeoutSeconds,
                     int maxConnections) {

    public static final Tuning OLS_DEFAULT = new Tuning(8192, 16380, 5, 300, 10000);
}
