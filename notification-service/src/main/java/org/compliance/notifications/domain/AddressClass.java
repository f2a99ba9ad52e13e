package org.compliance.notifications.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What kind of network an IP address belongs to, as far as calling it from inside the regulator's network
 * is concerned: only {@link #PUBLIC} addresses are on the open internet. IPv6 forms that carry an IPv4
 * address (IPv4-mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}) are classed by the IPv4
 * address they carry; IPv6 outside global unicast (2000::/3) is reserved.
 */
public enum AddressClass {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private address (RFC 1918)"),
    SHARED("a carrier-grade NAT address (100.64.0.0/10)"),
    LINK_LOCAL("a link-local address"),
    UNIQUE_LOCAL("a unique-local IPv6 address (fc00::/7)"),
    MULTICAST("a multicast address"),
    UNSPECIFIED("the unspecified address"),
    BROADCAST("the broadcast address"),
    RESERVED("a reserved address");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static AddressClass of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return switch (address) {
            case Inet4Address v4 -> ofIpv4(bytes);
            case Inet6Address v6 -> ofIpv6(bytes);
            default -> RESERVED;
        };
    }

    private static AddressClass ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        long all = ((long) a0 << 24) | (a1 << 16) | (a2 << 8) | (b[3] & 0xff);
        if (all == 0) {
            return UNSPECIFIED;
        }
        if (all == 0xffffffffL) {
            return BROADCAST;
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return PRIVATE;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return SHARED;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if ((a0 & 0xf0) == 224) {
            return MULTICAST;
        }
        boolean reserved = a0 == 0                               // "this network"
                || (a0 & 0xf0) == 240                            // 240.0.0.0/4, future use
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // protocol assignments, documentation
                || (a0 == 192 && a1 == 88 && a2 == 99)           // 6to4 relay anycast
                || (a0 == 198 && (a1 & 0xfe) == 18)              // benchmarking 198.18.0.0/15
                || (a0 == 198 && a1 == 51 && a2 == 100)          // documentation
                || (a0 == 203 && a1 == 0 && a2 == 113);          // documentation
        return reserved ? RESERVED : PUBLIC;
    }

    private static AddressClass ofIpv6(byte[] b) {
        if (isZero(b, 0, 16)) {
            return UNSPECIFIED;
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return LOOPBACK;
        }
        if (isZero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
            return ofIpv4(Arrays.copyOfRange(b, 12, 16));                       // ::ffff:a.b.c.d
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && isZero(b, 4, 12)) {
            return ofIpv4(Arrays.copyOfRange(b, 12, 16));                       // 64:ff9b::a.b.c.d (NAT64)
        }
        int first = b[0] & 0xff;
        if (first == 0xff) {
            return MULTICAST;
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return LINK_LOCAL;                                                  // fe80::/10
        }
        if ((first & 0xfe) == 0xfc) {
            return UNIQUE_LOCAL;                                                // fc00::/7
        }
        if ((first & 0xe0) != 0x20) {
            return RESERVED;                        // outside global unicast: ::/96, fec0::/10, 100::/64, ...
        }
        boolean reserved = (first == 0x20 && b[1] == 0x01 && (b[2] & 0xfe) == 0)  // 2001::/23 (Teredo, ORCHID, ...)
                || (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8) // 2001:db8::/32
                || (first == 0x20 && b[1] == 0x02)                                  // 2002::/16, 6to4
                || (first == 0x3f && (b[1] & 0xf0) == 0xf0);                        // 3fff::/20 documentation
        return reserved ? RESERVED : PUBLIC;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An address from its bytes (no name lookup). */
    static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not 4 or 16 bytes", e);
        }
    }
}
