package dev.wsproxy.server.proxy;

/** {@link TunnelLifecycleTest} for tunnels driven by XNIO, as those of TLS clients always are. */
class TunnelLifecycleOnXnioTest extends TunnelLifecycleTest {

    @Override
    TunnelSettings settings() {
        return TunnelSettings.DEFAULT.onXnio();
    }
}
