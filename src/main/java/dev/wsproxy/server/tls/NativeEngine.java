package dev.wsproxy.server.tls;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A BoringSSL server engine as Undertow expects an engine to behave. Netty's engine refuses two calls Undertow
 * makes on every connection: {@code setEnableSessionCreation(true)} (it always creates sessions) and an ALPN
 * selector (its context negotiates ALPN); here both are no-ops. It also lets a refused handshake's alert out, and
 * answers what its context's engines all start with from {@link EngineDefaults} until something changes it.
 */
final class NativeEngine extends SSLEngine {
    /** The TLS record type of an alert. */
    private static final byte ALERT_RECORD = 21;

    private final SSLEngine engine;
    private final EngineDefaults defaults;
    private boolean suitesChanged;
    private boolean protocolsChanged;
    private boolean parametersChanged;

    NativeEngine(SSLEngine engine, EngineDefaults defaults) {
        this.engine = engine;
        this.defaults = defaults;
    }

    /** The protocols {@code engine} enables but for the pseudo-protocol SSLv2Hello, which BoringSSL never accepts. */
    static String[] enabledProtocols(SSLEngine engine) {
        return Arrays.stream(engine.getEnabledProtocols()).filter(p -> !p.equals("SSLv2Hello")).toArray(String[]::new);
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        // BoringSSL always creates sessions
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        // the context's ALPN configuration chooses
    }

    /** Leaves out unchanged suites and protocols, which netty would convert and set in BoringSSL again. */
    @Override
    public void setSSLParameters(SSLParameters parameters) {
        SSLParameters changes = EngineDefaults.copy(parameters);
        if (!suitesChanged && defaults.enablesSuites(changes.getCipherSuites())) {
            changes.setCipherSuites(null);
        }
        if (!protocolsChanged && defaults.enablesProtocols(changes.getProtocols())) {
            changes.setProtocols(null);
        }
        engine.setSSLParameters(changes);
        parametersChanged = true;
    }

    @Override
    public SSLParameters getSSLParameters() {
        return parametersChanged || suitesChanged || protocolsChanged ? engine.getSSLParameters()
                : defaults.parametersCopy();
    }

    @Override
    public String getApplicationProtocol() {
        return engine.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return engine.getHandshakeApplicationProtocol();
    }

    /**
     * A handshake that fails leaves a fatal alert to send; JSSE reports that wrap as CLOSED, so that Undertow sends it
     * before it closes the connection, where netty's NEED_WRAP makes Undertow wrap again, meet the failure and close
     * with the alert still unsent.
     */
    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        SSLEngineResult result = engine.wrap(srcs, offset, length, dst);
        if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP && result.bytesProduced() > 0
                && dst.get(dst.position() - result.bytesProduced()) == ALERT_RECORD) {
            return new SSLEngineResult(SSLEngineResult.Status.CLOSED, SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING,
                    result.bytesConsumed(), result.bytesProduced());
        }
        return result;
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        return engine.unwrap(src, dsts, offset, length);
    }

    @Override
    public Runnable getDelegatedTask() {
        return engine.getDelegatedTask();
    }

    @Override
    public void closeInbound() throws SSLException {
        engine.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        return engine.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        engine.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return engine.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return defaults.supportedSuites().clone();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return suitesChanged ? engine.getEnabledCipherSuites() : defaults.enabledSuites().clone();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        engine.setEnabledCipherSuites(suites);
        suitesChanged = true;
    }

    @Override
    public String[] getSupportedProtocols() {
        return defaults.supportedProtocols().clone();
    }

    @Override
    public String[] getEnabledProtocols() {
        return protocolsChanged ? enabledProtocols(engine) : defaults.enabledProtocols().clone();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        engine.setEnabledProtocols(protocols);
        protocolsChanged = true;
    }

    @Override
    public SSLSession getSession() {
        return engine.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return engine.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
        engine.beginHandshake();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return engine.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        engine.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return engine.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        engine.setNeedClientAuth(need);
        parametersChanged = true;
    }

    @Override
    public boolean getNeedClientAuth() {
        return engine.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        engine.setWantClientAuth(want);
        parametersChanged = true;
    }

    @Override
    public boolean getWantClientAuth() {
        return engine.getWantClientAuth();
    }

    @Override
    public boolean getEnableSessionCreation() {
        return true;
    }
}
