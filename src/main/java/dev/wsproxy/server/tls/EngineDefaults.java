package dev.wsproxy.server.tls;

import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The cipher suites, protocols and parameters every engine of one BoringSSL context starts with, read once from a
 * first engine. Netty reads them from BoringSSL and converts each name on every call, and Undertow asks on every
 * connection (its ALPN check reads the suites and protocols, its ALPN setup gets and sets the parameters).
 */
record EngineDefaults(String[] supportedSuites, String[] enabledSuites, String[] supportedProtocols,
                      String[] enabledProtocols, SSLParameters parameters) {

    /** What {@code engine}, fresh from its context, starts with; {@code enabledProtocols} as the listener offers them. */
    static EngineDefaults of(SSLEngine engine, String[] enabledProtocols) {
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(enabledProtocols);
        return new EngineDefaults(engine.getSupportedCipherSuites(), engine.getEnabledCipherSuites(),
                engine.getSupportedProtocols(), enabledProtocols, parameters);
    }

    /** A copy of the parameters, which the caller may change. */
    SSLParameters parametersCopy() {
        return copy(parameters);
    }

    /** A copy of {@code parameters}, the fields a server engine uses. */
    static SSLParameters copy(SSLParameters parameters) {
        SSLParameters copy = new SSLParameters(parameters.getCipherSuites(), parameters.getProtocols());
        copy.setWantClientAuth(parameters.getWantClientAuth());
        if (parameters.getNeedClientAuth()) {
            copy.setNeedClientAuth(true);
        }
        copy.setEndpointIdentificationAlgorithm(parameters.getEndpointIdentificationAlgorithm());
        copy.setAlgorithmConstraints(parameters.getAlgorithmConstraints());
        copy.setServerNames(parameters.getServerNames());
        copy.setSNIMatchers(parameters.getSNIMatchers());
        copy.setUseCipherSuitesOrder(parameters.getUseCipherSuitesOrder());
        copy.setApplicationProtocols(parameters.getApplicationProtocols());
        return copy;
    }

    /** Whether {@code suites} are the enabled ones, in the same order. */
    boolean enablesSuites(String[] suites) {
        return Arrays.equals(suites, enabledSuites);
    }

    /** Whether {@code protocols} are the enabled ones, in the same order. */
    boolean enablesProtocols(String[] protocols) {
        return Arrays.equals(protocols, enabledProtocols);
    }
}
