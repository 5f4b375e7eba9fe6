package dev.wsproxy.cli;

import dev.wsproxy.config.value.BackendAddresses;
import dev.wsproxy.config.value.Parsed;
import dev.wsproxy.config.model.BackendAddress;
import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --admin}: {@code ip:port}, {@code [v6]:port} or {@code host:port}, as a websocket address is written. */
final class AdminAddress implements ITypeConverter<InetSocketAddress> {

    @Override
    public InetSocketAddress convert(String text) {
        Parsed<BackendAddress> parsed = BackendAddresses.websocket(text);
        if (parsed instanceof Parsed.Bad<BackendAddress> bad) {
            throw new TypeConversionException(bad.summary() + ". " + bad.detail());
        }
        if (!(parsed.get().orElseThrow() instanceof BackendAddress.Tcp tcp)) {
            throw new TypeConversionException("`" + text + "` is a Unix socket; the admin endpoint listens on TCP: "
                    + "write HOST:PORT, e.g. 127.0.0.1:9100");
        }
        return new InetSocketAddress(tcp.host(), tcp.port());
    }
}
