package dev.wsproxy.server.access;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.ClientLimits;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.IpText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.StreamConnection;

/**
 * OLS's {@code perClientConnLimit} on the connections the listeners accept, per client IP address, as OLS 1.9.1
 * decides it when it accepts: a client that already has {@code softLimit} connections starts its grace period; one
 * that opens another after {@code gracePeriod} with the period still running, or that reaches {@code hardLimit},
 * is banned for {@code banPeriod}: its open connections are closed and new ones reset. Once a second a client back
 * at half the soft limit or below within its grace period is forgiven, and a ban that has run out ends. A client
 * the server's {@code accessControl} trusts ({@code allow 10.0.0.1T}) is never limited.
 */
public final class ClientConnectionLimits {

    /** One client's connections and where it stands against the limits. */
    private static final class Client {
        final List<StreamConnection> open = new ArrayList<>();
        boolean overSoftLimit;
        long overSince;
        boolean banned;
        long bannedUntil;

        int openCount() {
            open.removeIf(connection -> !connection.isOpen());
            return open.size();
        }
    }

    private final ErrorLog errorLog;
    private final Map<InetAddress, Client> clients = new HashMap<>();
    private volatile ClientLimits limits = ClientLimits.NONE;
    private volatile AccessControl accessControl = AccessControl.ALLOW_ALL;

    public ClientConnectionLimits(ErrorLog errorLog) {
        this.errorLog = errorLog;
    }

    /** Applies these limits, and this trust, to the connections accepted from now on. */
    public void use(ClientLimits limits, AccessControl accessControl) {
        this.limits = limits;
        this.accessControl = accessControl;
    }

    /** Whether {@code connection}, just accepted, may be served; if not, it has been reset. */
    public boolean admit(StreamConnection connection) {
        ClientLimits current = limits;
        InetSocketAddress peer = connection.getPeerAddress(InetSocketAddress.class);
        if (!current.limits() || peer == null || ClientAccess.trusts(accessControl, peer.getAddress())) {
            return true;
        }
        InetAddress address = ClientAccess.unmapped(peer.getAddress());
        List<StreamConnection> dropped = List.of();
        String ban = null;
        synchronized (this) {
            Client client = clients.computeIfAbsent(address, a -> new Client());
            long now = System.nanoTime();
            int count = client.openCount();
            if (client.banned && now - client.bannedUntil >= 0) {
                client.banned = false;
            }
            if (!client.banned) {
                ban = banReason(client, count, now, current);
                if (ban == null) {
                    client.open.add(connection);
                    return true;
                }
                client.banned = true;
                client.overSoftLimit = false;
                client.bannedUntil = now + current.banPeriod().toNanos();
                dropped = List.copyOf(client.open);
                client.open.clear();
            }
        }
        if (ban != null) {
            errorLog.limited(ErrorLog.Level.NOTICE, "perClientConnLimit ban", "[" + IpText.of(address) + "] " + ban
                    + ": banned for " + current.banPeriod().toSeconds() + "s, its " + dropped.size()
                    + " open connection(s) closed (perClientConnLimit)");
            dropped.forEach(open -> open.getIoThread().execute(() -> IoUtils.safeClose(open)));
        }
        reset(connection);
        return false;
    }

    /** Why this connection bans its client, or null when it may stay; OLS's order of checks. */
    private static String banReason(Client client, int count, long now, ClientLimits limits) {
        if (client.overSoftLimit) {
            if (now - client.overSince >= limits.gracePeriod().toNanos()) {
                return "kept " + limits.softLimit() + " connections or more for " + limits.gracePeriod().toSeconds()
                        + "s (softLimit, gracePeriod)";
            }
        } else if (count >= limits.softLimit()) {
            client.overSoftLimit = true;
            client.overSince = now;
        }
        if (count >= limits.hardLimit()) {
            return "reached " + limits.hardLimit() + " connections (hardLimit)";
        }
        return null;
    }

    /** Once a second: ends bans that ran out, forgives clients back under half the soft limit in time, forgets idle ones. */
    public synchronized void tick() {
        long now = System.nanoTime();
        ClientLimits current = limits;
        for (Iterator<Client> it = clients.values().iterator(); it.hasNext(); ) {
            Client client = it.next();
            int count = client.openCount();
            if (client.banned && now - client.bannedUntil >= 0) {
                client.banned = false;
            } else if (client.overSoftLimit && count <= current.softLimit() / 2
                    && now - client.overSince < current.gracePeriod().toNanos()) {
                client.overSoftLimit = false;
            }
            if (count == 0 && !client.banned && !client.overSoftLimit) {
                it.remove();
            }
        }
    }

    /** Closes with a reset, as OLS does, so that a refused client's connections leave no TIME_WAIT here. */
    private static void reset(StreamConnection connection) {
        try {
            connection.setOption(Options.CLOSE_ABORT, true);
        } catch (IOException | IllegalArgumentException e) {
            // closed all the same, just not with a reset
        }
        IoUtils.safeClose(connection);
    }
}
