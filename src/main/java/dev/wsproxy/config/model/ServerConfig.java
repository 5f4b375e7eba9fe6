package dev.wsproxy.config.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The whole typed, immutable model of an OLS config: what {@code serve} builds its handler chain from. */
public record ServerConfig(Path serverRoot, Path configFile, String serverName, MimeTypes mime,
                           LogSettings errorLog, LogSettings accessLog, Tuning tuning, AccessControl accessControl,
                           int gracefulRestartTimeoutSeconds, Map<String, ExtProcessor> extProcessors,
                           List<Listener> listeners, List<VirtualHost> virtualHosts, RunAs runAs,
                           Compression compression, ClientLimits clientLimits) {

    public ServerConfig {
        extProcessors = Map.copyOf(extProcessors);
        listeners = List.copyOf(listeners);
        virtualHosts = List.copyOf(virtualHosts);
    }

    /** A config with OLS's default compression and without a {@code perClientConnLimit} block. */
    public ServerConfig(Path serverRoot, Path configFile, String serverName, MimeTypes mime, LogSettings errorLog,
                        LogSettings accessLog, Tuning tuning, AccessControl accessControl,
                        int gracefulRestartTimeoutSeconds, Map<String, ExtProcessor> extProcessors,
                        List<Listener> listeners, List<VirtualHost> virtualHosts, RunAs runAs) {
        this(serverRoot, configFile, serverName, mime, errorLog, accessLog, tuning, accessControl,
                gracefulRestartTimeoutSeconds, extProcessors, listeners, virtualHosts, runAs, Compression.OLS_DEFAULT,
                ClientLimits.NONE);
    }

    /** A config without {@code user} and {@code group}. */
    public ServerConfig(Path serverRoot, Path configFile, String serverName, MimeTypes mime, LogSettings errorLog,
                        LogSettings accessLog, Tuning tuning, AccessControl accessControl,
                        int gracefulRestartTimeoutSeconds, Map<String, ExtProcessor> extProcessors,
                        List<Listener> listeners, List<VirtualHost> virtualHosts) {
        this(serverRoot, configFile, serverName, mime, errorLog, accessLog, tuning, accessControl,
                gracefulRestartTimeoutSeconds, extProcessors, listeners, virtualHosts, RunAs.UNSET);
    }
}
