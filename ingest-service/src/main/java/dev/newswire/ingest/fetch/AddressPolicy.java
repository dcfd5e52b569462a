package dev.newswire.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF rule, the one place that decides which addresses may be fetched: a URL is fetched only when
 * every address its host resolves to is public. Loopback, private (RFC 1918, unique-local fc00::/7),
 * link-local (which holds the cloud metadata service 169.254.169.254 and fd00:ec2::254), carrier-grade NAT,
 * multicast, unspecified and reserved ranges are refused, and so are the IPv6 forms that carry an IPv4
 * address (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) of any of
 * these, unless an address is on the allow-list (for tests and a local stack).
 *
 * <p>{@link #resolve} is the fetcher's DNS resolver ({@link HttpFetcher}): the addresses it checked are the
 * ones the connection is made to, on every redirect hop and for robots.txt, so a DNS server that answers
 * differently a moment later (DNS rebinding) changes nothing.
 */
public final class AddressPolicy {

    private final List<Cidr> allowed;

    public AddressPolicy(List<String> allowedAddresses) {
        this.allowed = allowedAddresses.stream().map(Cidr::parse).toList();
    }

    /**
     * Resolves the URL's host and checks each of its addresses.
     *
     * @throws FetchException {@code BAD_URL}, {@code UNKNOWN_HOST} or {@code BLOCKED_ADDRESS}
     */
    public void check(URI uri) throws FetchException {
        requireHttp(uri);
        try {
            resolve(uri.getHost());
        } catch (BlockedAddressException e) {
            throw new FetchException(FetchException.Kind.BLOCKED_ADDRESS, uri, e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.UNKNOWN_HOST, uri, "unknown host " + uri.getHost(), e);
        }
    }

    /**
     * Checks what can be checked without DNS: an http(s) URL with a host.
     *
     * @throws FetchException {@code BAD_URL}
     */
    public static void requireHttp(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.BAD_URL, uri, "only http and https URLs are fetched: "
                    + LogSafe.url(uri));
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new FetchException(FetchException.Kind.BAD_URL, uri, "the URL has no host: " + LogSafe.url(uri));
        }
    }

    /**
     * The addresses of a host, each of them checked: what the fetcher connects to.
     *
     * @throws BlockedAddressException when any of them is not public (and not allowed)
     * @throws UnknownHostException    when the name does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            if (isBlocked(address) && !isAllowed(address)) {
                throw new BlockedAddressException("refusing to fetch " + host
                        + ": it resolves to the non-public address " + address.getHostAddress());
            }
        }
        return addresses;
    }

    /** A host that resolves to an address the policy refuses. */
    public static final class BlockedAddressException extends UnknownHostException {
        BlockedAddressException(String message) {
            super(message);
        }
    }

    private boolean isAllowed(InetAddress address) {
        return allowed.stream().anyMatch(c -> c.contains(address));
    }

    /** Whether the address is anything but a public unicast address. */
    static boolean isBlocked(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isBlockedV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local, incl. fd00:ec2::254 (AWS metadata)
            }
            if (isPrefix(b, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
                    || isPrefix(b, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff})
                    || isPrefix(b, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
                // IPv4-compatible ::a.b.c.d, IPv4-mapped ::ffff:a.b.c.d (the JDK usually hands these over as
                // IPv4 already) and NAT64 64:ff9b::a.b.c.d carry an IPv4 address: judge that one.
                return isBlockedV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isBlockedV4(new byte[] {b[2], b[3], b[4], b[5]});   // 6to4 2002:a.b.c.d::/48
            }
            return first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
        }
        return true;
    }

    private static boolean isBlockedV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return a0 == 0 || a0 == 10 || a0 == 127
                || (a0 == 100 && a1 >= 64 && a1 <= 127)   // carrier-grade NAT
                || (a0 == 169 && a1 == 254)               // link-local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && a2 == 0)      // IETF protocol assignments
                || (a0 == 198 && (a1 == 18 || a1 == 19))  // benchmarking
                || a0 >= 224;                             // multicast, reserved, broadcast
    }

    private static boolean isPrefix(byte[] address, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** An address block {@code a.b.c.d/n} or {@code v6/n}; a bare address is a block of one. */
    record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String text) {
            String t = text.strip();
            int slash = t.indexOf('/');
            String host = slash < 0 ? t : t.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
            }
            try {
                byte[] network = InetAddress.getByName(host).getAddress();
                int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(t.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
