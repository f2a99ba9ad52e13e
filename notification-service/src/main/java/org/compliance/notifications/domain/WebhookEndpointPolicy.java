package org.compliance.notifications.domain;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which webhook URLs the suite may call: companies are outside parties, and an endpoint must not let them
 * reach inside the regulator's network. Only {@code https://} (plain {@code http://} for the
 * {@code plainHttpHosts} named in configuration), no user name or password, the scheme's default port or
 * one from 1024 up (no SSH, SMTP or other well-known service of some host), and a host whose every address
 * is {@link AddressClass#PUBLIC}, unless the host is one of the {@code privateHosts} an installation names.
 *
 * <p>Numeric hosts are read the way the C resolver ({@code inet_aton}) reads them, since that is what a
 * name lookup would do with them: {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1} and
 * {@code 127.1} are all 127.0.0.1 and refused as loopback; a public address must be written as four decimal
 * numbers, so that everybody reads it the same way. Names reserved for local networks ({@code localhost},
 * {@code .local}, {@code .internal}, {@code .home.arpa}, {@code .localdomain}) and names without a domain are
 * internal by definition.
 *
 * <p>A name is checked twice: when the endpoint is registered (a name that does not resolve yet is
 * accepted) and at every delivery, where {@link #destination} answers the very address that was checked, for
 * the caller to connect to it and not to whatever the name resolves to a moment later.
 */
public final class WebhookEndpointPolicy {

    /** Looks a host name up; {@code InetAddress::getAllByName} in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The endpoint refused, with a reason its owner can act on. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    /**
     * Where one delivery goes: the host as written (for the Host header, SNI and the certificate check) and
     * the checked address to connect to.
     */
    public record Destination(String host, int port, boolean tls, String requestTarget, InetAddress address) {
    }

    private record Target(URI url, String scheme, String host, int port, Optional<InetAddress> literal) {
    }

    private static final Pattern NUMBER = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?"
            + "(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
    private static final List<String> LOCAL_NAMES = List.of("localhost", "local", "internal", "home.arpa",
            "localdomain");
    /** Not a single machine, so never an endpoint, even for a host named in {@code privateHosts}. */
    private static final Set<AddressClass> NEVER = EnumSet.of(AddressClass.UNSPECIFIED, AddressClass.MULTICAST,
            AddressClass.BROADCAST);

    private final Set<String> plainHttpHosts;
    private final Set<String> privateHosts;
    private final Resolver resolver;

    public WebhookEndpointPolicy(Set<String> plainHttpHosts, Set<String> privateHosts, Resolver resolver) {
        this.plainHttpHosts = lowerCase(plainHttpHosts);
        this.privateHosts = lowerCase(privateHosts);
        this.resolver = resolver;
    }

    /**
     * The URL to store for a new endpoint. A name that does not resolve now is accepted (the receiver may not
     * be published yet): every delivery resolves it again.
     */
    public URI registrable(String text) throws Refused {
        Target target = parse(text);
        try {
            check(target, addresses(target));
        } catch (UnknownHostException notYet) {
            // checked at delivery
        }
        return target.url();
    }

    /**
     * Where a delivery to a stored endpoint goes, resolved and checked now.
     *
     * @throws UnknownHostException when the name does not resolve (a failure worth retrying)
     * @throws Refused when the endpoint must not be called at all
     */
    public Destination destination(String url) throws Refused, UnknownHostException {
        Target target = parse(url);
        InetAddress[] addresses = addresses(target);
        check(target, addresses);
        String path = target.url().getRawPath() == null || target.url().getRawPath().isEmpty()
                ? "/" : target.url().getRawPath();
        String query = target.url().getRawQuery();
        return new Destination(target.host(), target.port(), target.scheme().equals("https"),
                query == null ? path : path + "?" + query, addresses[0]);
    }

    private Target parse(String text) throws Refused {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw new Refused("The endpoint is not a URL");
        }
        if (!url.isAbsolute() || url.isOpaque() || url.getRawAuthority() == null) {
            throw new Refused("The endpoint must be an absolute https:// URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String userInfo;
        String hostPort;
        String authority = url.getRawAuthority();
        int at = authority.lastIndexOf('@');
        userInfo = at < 0 ? null : authority.substring(0, at);
        hostPort = authority.substring(at + 1);
        if (userInfo != null) {
            throw new Refused("The endpoint must not contain a user name or password");
        }
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw new Refused("The endpoint's host is not valid");
            }
            host = hostPort.substring(0, end + 1);
            String rest = hostPort.substring(end + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new Refused("The endpoint's host is not valid");
                }
                portText = rest.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".") && host.length() > 1 && !host.startsWith("[")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new Refused("The endpoint has no host");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && plainHttpHosts.contains(host))) {
            throw new Refused("The endpoint must be an https:// URL");
        }
        int port = port(scheme, portText);
        Optional<InetAddress> literal = host.startsWith("[") ? Optional.of(ipv6(host)) : ipv4(host);
        if (literal.isEmpty()) {
            name(host);
        }
        return new Target(url, scheme, host, port, literal);
    }

    private static int port(String scheme, String text) throws Refused {
        int standard = scheme.equals("https") ? 443 : 80;
        if (text == null || text.isEmpty()) {
            return standard;
        }
        if (!text.matches("[0-9]{1,5}")) {
            throw new Refused("The endpoint's port is not a number");
        }
        int port = Integer.parseInt(text);
        if (port != standard && (port < 1024 || port > 65535)) {
            throw new Refused("The endpoint's port must be " + standard + " or one from 1024 to 65535");
        }
        return port;
    }

    private void name(String host) throws Refused {
        if (privateHosts.contains(host)) {
            return;
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new Refused("The endpoint's host is not a valid host name (write international names in "
                    + "their xn-- form)");
        }
        for (String local : LOCAL_NAMES) {
            if (host.equals(local) || host.endsWith("." + local)) {
                throw new Refused("The endpoint's host is a name of a local network");
            }
        }
        if (!host.contains(".")) {
            throw new Refused("The endpoint's host has no domain: a name of a local network");
        }
    }

    private InetAddress[] addresses(Target target) throws UnknownHostException {
        if (target.literal().isPresent()) {
            return new InetAddress[] {target.literal().get()};
        }
        InetAddress[] found = resolver.resolve(target.host());
        if (found.length == 0) {
            throw new UnknownHostException(target.host());
        }
        return found;
    }

    private void check(Target target, InetAddress[] addresses) throws Refused {
        boolean allowed = privateHosts.contains(target.host());
        List<String> refused = new ArrayList<>();
        for (InetAddress address : addresses) {
            AddressClass kind = AddressClass.of(address);
            if (kind != AddressClass.PUBLIC && (!allowed || NEVER.contains(kind))) {
                refused.add(address.getHostAddress() + " (" + kind.description() + ")");
            }
        }
        if (!refused.isEmpty()) {
            String where = target.literal().isPresent() ? "The endpoint's address is "
                    : "The endpoint's host resolves to ";
            throw new Refused(where + refused.stream().distinct().collect(Collectors.joining(", "))
                    + ": only public addresses can receive webhooks");
        }
        if (target.literal().isPresent() && !target.host().startsWith("[") && !allowed
                && !CANONICAL_IPV4.matcher(target.host()).matches()) {
            throw new Refused("Write the endpoint's IPv4 address as four decimal numbers");
        }
    }

    /**
     * A host whose last label is a number is an IPv4 address, in any of the forms {@code inet_aton} accepts
     * (one to four parts, each decimal, octal with a leading 0, or hexadecimal with 0x); empty for a name.
     */
    static Optional<InetAddress> ipv4(String host) throws Refused {
        String[] parts = host.split("\\.", -1);
        if (!NUMBER.matcher(parts[parts.length - 1]).matches()) {
            return Optional.empty();
        }
        if (parts.length > 4) {
            throw new Refused("The endpoint's host is not a valid IPv4 address");
        }
        long address = 0;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            BigInteger value = number(parts[i]);
            int bytes = last ? 4 - i : 1;
            if (value.bitLength() > 8 * bytes) {
                throw new Refused("The endpoint's host is not a valid IPv4 address");
            }
            address = (address << (8 * bytes)) | value.longValue();
        }
        return Optional.of(AddressClass.address(new byte[] {
                (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address}));
    }

    private static BigInteger number(String part) throws Refused {
        if (!NUMBER.matcher(part).matches()) {
            throw new Refused("The endpoint's host is not a valid IPv4 address");
        }
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? BigInteger.ZERO : new BigInteger(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return new BigInteger(part.substring(1), 8);
            }
            return new BigInteger(part);
        } catch (NumberFormatException e) {
            throw new Refused("The endpoint's host is not a valid IPv4 address");
        }
    }

    private static InetAddress ipv6(String bracketed) throws Refused {
        String inner = bracketed.substring(1, bracketed.length() - 1);
        if (inner.contains("%")) {
            throw new Refused("The endpoint's address names a network interface: a local address");
        }
        if (!inner.contains(":") || !inner.matches("[0-9a-f:.]+")) {
            throw new Refused("The endpoint's host is not a valid IPv6 address");
        }
        try {
            return InetAddress.getByName(inner); // a literal with a colon: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new Refused("The endpoint's host is not a valid IPv6 address");
        }
    }

    private static Set<String> lowerCase(Set<String> hosts) {
        return hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
