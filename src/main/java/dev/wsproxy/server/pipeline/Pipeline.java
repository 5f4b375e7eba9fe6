package dev.wsproxy.server.pipeline;

import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.access.AccessCheck;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.UpgradeRouting;
import dev.wsproxy.server.http.ErrorBodies;
import dev.wsproxy.server.log.AccessLogging;
import dev.wsproxy.server.log.RequestLogs;
import dev.wsproxy.server.routing.HostRouter;
import dev.wsproxy.server.routing.RequestGuard;
import dev.wsproxy.server.upstream.Upstreams;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The request pipeline of one config: for each listener, the handler that takes its requests through every
 * {@link Step}, in that order. The listener's steps end at its Host map, which hands the request to the steps of
 * a vhost ({@link VirtualHostHandler}). It holds no global state: a new config gets a new pipeline.
 */
public final class Pipeline {

    private final Map<String, HttpHandler> roots;
    private final Upstreams upstreams;

    private Pipeline(Map<String, HttpHandler> roots, Upstreams upstreams) {
        this.roots = roots;
        this.upstreams = upstreams;
    }

    /** @throws IOException naming the vhost whose access log cannot be opened */
    public static Pipeline build(ServerConfig config, RequestLogs logs, UpgradeRouting upgrades) throws IOException {
        Map<String, HttpHandler> vhosts = new HashMap<>();
        Upstreams upstreams = new Upstreams(Duration.ofSeconds(Math.max(1, config.tuning().connTimeoutSeconds())),
                logs.errorLog());
        for (VirtualHost vhost : config.virtualHosts()) {
            try {
                vhosts.put(vhost.name(), new VirtualHostHandler(vhost, config.mime(), config.compression(), upstreams,
                        logs.accessLogOf(vhost), logs.errorLog(), upgrades));
            } catch (IOException e) {
                throw new IOException("virtual host " + vhost.name() + ": cannot open its access log: " + e.getMessage(), e);
            }
        }
        ErrorBodies errorBodies = new ErrorBodies(config.mime());
        Map<String, HttpHandler> roots = new HashMap<>();
        for (Listener listener : config.listeners()) {
            HttpHandler steps = StepChain.of(
                    new Stage(Step.REQUEST_GUARD, next -> new RequestGuard(config.tuning(), logs.errorLog(), next)),
                    new Stage(Step.SERVER_ACCESS, next -> AccessCheck.wrap(Step.SERVER_ACCESS, config.accessControl(),
                            "the server", logs.errorLog(), next)),
                    Stage.last(Step.HOST_MAP, new HostRouter(listener, vhosts))).entry();
            // the error page and the access log act when the answer ends, so they wrap every step before them
            roots.put(listener.name(), new AccessLogging(logs.serverAccessLog(), errorBodies.around(steps)));
        }
        return new Pipeline(roots, upstreams);
    }

    /** Closes the idle backend connections of its proxy contexts, and the rest as their requests end. */
    public void retire() {
        upstreams.retire();
    }

    /** The handler of the listener's requests. */
    public HttpHandler rootOf(Listener listener) {
        return roots.get(listener.name());
    }
}
