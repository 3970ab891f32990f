package dev.warden.policy;

import java.util.Locale;

/**
 * The target of a {@code net.connect} action, as policy.md defines it: {@code host:port} with the
 * host as an IP address in canonical form when one is known ({@code 127.0.0.1:5432},
 * {@code [::1]:443}), a lower-cased host name when none is, or {@code unix:/path}.
 */
public final class ConnectTargets {

    private ConnectTargets() {}

    /** {@code address} is the text of an IP address ({@code InetAddress.getHostAddress()}) or a host name. */
    public static String hostPort(String address, int port) {
        String host;
        if (address.indexOf(':') >= 0) {
            host = IpLiterals.ipv6(address.startsWith("[") ? address.substring(1, address.length() - 1) : address);
            if (!host.startsWith("[")) {
                host = host.indexOf(':') >= 0 ? "[" + host + "]" : host; // an IPv4-mapped address became a dotted quad
            }
        } else {
            String v4 = IpLiterals.ipv4(address);
            host = v4 != null ? v4 : UrlTargets.host(address.toLowerCase(Locale.ROOT));
        }
        return host + ":" + port;
    }

    /** A Unix-domain socket: {@code unix:} and its path, made absolute. */
    public static String unix(String path) {
        return "unix:" + java.nio.file.Path.of(path).toAbsolutePath().normalize();
    }
}
