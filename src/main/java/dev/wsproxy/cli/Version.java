package dev.wsproxy.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line, read from the jar's manifest or the build's properties. */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"wsproxy " + (version == null ? "dev" : version)
                + " (Java " + Runtime.version() + ")"};
    }
}
