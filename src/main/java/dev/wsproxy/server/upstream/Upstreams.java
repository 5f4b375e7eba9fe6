package dev.wsproxy.server.upstream;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ExtProcessor;
import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpHandler;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The proxy side of one config: a connection pool for each proxy extprocessor, shared by every context and rewrite
 * target that names it (as OLS shares one per extprocessor), and the handlers that use them.
 */
public final class Upstreams {

    private final Duration timeout;
    private final ErrorLog errorLog;
    private final Map<ExtProcessor, BackendPool> pools = new IdentityHashMap<>();
    private boolean retired;

    /** @param timeout {@code connTimeout}: every wait on a client or a backend, and for a free connection */
    public Upstreams(Duration timeout, ErrorLog errorLog) {
        this.timeout = timeout;
        this.errorLog = errorLog;
    }

    /** The handler of a proxy context, or of a rewrite rule's {@code [P]} target as a context. */
    public HttpHandler handler(Context.Proxy context) {
        return new ReverseProxyHandler(context, pool(context.handler()), timeout, errorLog);
    }

    private synchronized BackendPool pool(ExtProcessor processor) {
        return pools.computeIfAbsent(processor, p -> {
            BackendPool pool = new BackendPool(p.address(), p.pool());
            if (retired) {
                pool.retire();
            }
            return pool;
        });
    }

    /** Closes the idle connections now and the others as their requests end: another config is served. */
    public synchronized void retire() {
        retired = true;
        pools.values().forEach(BackendPool::retire);
    }
}
