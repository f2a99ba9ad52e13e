package org.compliance.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook URLs may be called: every notation of an internal address is seen through. */
class WebhookEndpointPolicyTest {

    /** The machine's own resolver: "localhost" really resolves to loopback here. */
    private final WebhookEndpointPolicy policy = new WebhookEndpointPolicy(Set.of(), Set.of(), InetAddress::getAllByName);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "https://127.0.0.1/,                    127.0.0.1 (a loopback address)",
            "https://2130706433/,                   127.0.0.1 (a loopback address)",
            "https://0x7f000001/,                   127.0.0.1 (a loopback address)",
            "https://0X7F000001/,                   127.0.0.1 (a loopback address)",
            "https://0177.0.0.1/,                   127.0.0.1 (a loopback address)",
            "https://0x7f.0.0.1/,                   127.0.0.1 (a loopback address)",
            "https://127.1/,                        127.0.0.1 (a loopback address)",
            "https://127.0.1/,                      127.0.0.1 (a loopback address)",
            "https://127.0.0.1./,                   127.0.0.1 (a loopback address)",
            "https://[::1]/,                        0:0:0:0:0:0:0:1 (a loopback address)",
            "https://[0:0:0:0:0:0:0:1]/,            0:0:0:0:0:0:0:1 (a loopback address)",
            "https://[::ffff:127.0.0.1]/,           127.0.0.1 (a loopback address)",
            "https://[::ffff:7f00:1]/,              127.0.0.1 (a loopback address)",
            "https://[64:ff9b::7f00:1]/,            64:ff9b:0:0:0:0:7f00:1 (a loopback address)",
            "https://10.0.0.8/,                     10.0.0.8 (a private address (RFC 1918))",
            "https://012.0.0.8/,                    10.0.0.8 (a private address (RFC 1918))",
            "https://172.16.5.4/,                   172.16.5.4 (a private address (RFC 1918))",
            "https://172.31.255.255/,               172.31.255.255 (a private address (RFC 1918))",
            "https://192.168.1.1/,                  192.168.1.1 (a private address (RFC 1918))",
            "https://3232235777/,                   192.168.1.1 (a private address (RFC 1918))",
            "https://[::ffff:192.168.1.1]/,         192.168.1.1 (a private address (RFC 1918))",
            "https://169.254.169.254/,              169.254.169.254 (a link-local address)",
            "https://0xa9fea9fe/,                   169.254.169.254 (a link-local address)",
            "https://[::ffff:169.254.169.254]/,     169.254.169.254 (a link-local address)",
            "https://[fe80::1]/,                    fe80:0:0:0:0:0:0:1 (a link-local address)",
            "https://[febf::1]/,                    febf:0:0:0:0:0:0:1 (a link-local address)",
            "https://[fc00::1]/,                    fc00:0:0:0:0:0:0:1 (a unique-local IPv6 address (fc00::/7))",
            "https://[fd12:3456::1]/,               fd12:3456:0:0:0:0:0:1 (a unique-local IPv6 address (fc00::/7))",
            "https://100.64.0.1/,                   100.64.0.1 (a carrier-grade NAT address (100.64.0.0/10))",
            "https://100.127.255.254/,              100.127.255.254 (a carrier-grade NAT address (100.64.0.0/10))",
            "https://224.0.0.1/,                    224.0.0.1 (a multicast address)",
            "https://239.255.255.250/,              239.255.255.250 (a multicast address)",
            "https://[ff02::1]/,                    ff02:0:0:0:0:0:0:1 (a multicast address)",
            "https://0.0.0.0/,                      0.0.0.0 (the unspecified address)",
            "https://0/,                            0.0.0.0 (the unspecified address)",
            "https://[::]/,                         0:0:0:0:0:0:0:0 (the unspecified address)",
            "https://255.255.255.255/,              255.255.255.255 (the broadcast address)",
            "https://0xffffffff/,                   255.255.255.255 (the broadcast address)",
            "https://0.1.2.3/,                      0.1.2.3 (a reserved address)",
            "https://240.0.0.1/,                    240.0.0.1 (a reserved address)",
            "https://192.0.2.10/,                   192.0.2.10 (a reserved address)",
            "https://198.18.0.1/,                   198.18.0.1 (a reserved address)",
            "https://[2001:db8::1]/,                2001:db8:0:0:0:0:0:1 (a reserved address)",
            "https://[fec0::1]/,                    fec0:0:0:0:0:0:0:1 (a reserved address)",
            "https://[::7f00:1]/,                   0:0:0:0:0:0:7f00:1 (a reserved address)",
    })
    void an_internal_address_is_refused_in_every_notation(String url, String seen) {
        assertThatThrownBy(() -> policy.registrable(url)).isInstanceOf(WebhookEndpointPolicy.Refused.class)
                .hasMessage("The endpoint's address is " + seen + ": only public addresses can receive webhooks");
    }

    @Test
    void a_name_that_resolves_to_loopback_is_refused_and_so_are_names_of_local_networks() {
        WebhookEndpointPolicy rebound = new WebhookEndpointPolicy(Set.of(), Set.of(),
                resolving(Map.of("hooks.northwind.example", "203.0.113.7,10.1.2.3")));
        assertThatThrownBy(() -> rebound.registrable("https://hooks.northwind.example/x"))
                .hasMessageContaining("resolves to 203.0.113.7 (a reserved address), 10.1.2.3 (a private address");
        assertThatThrownBy(() -> policy.registrable("https://LOCALHOST:8443/"))
                .hasMessageContaining("name of a local network");
        for (String local : new String[] {"https://printer.local/", "https://db.internal/", "https://nas.home.arpa/",
                "https://a.b.localhost/", "https://metadata/"}) {
            assertThatThrownBy(() -> policy.registrable(local)).as(local)
                    .isInstanceOf(WebhookEndpointPolicy.Refused.class).hasMessageContaining("local network");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.northwind.example/x", "ftp://hooks.northwind.example/",
            "https://user:secret@hooks.northwind.example/", "https://@hooks.northwind.example/",
            "https://hooks.northwind.example:22/", "https://hooks.northwind.example:25/", "https://hooks.example:0/",
            "https://hooks.example:70000/", "https://1.2.3.4.5/", "https://1.2.3.09/", "https://256.1.1.1/",
            "https://0x1ffffffff/", "https://[fe80::1%25eth0]/", "https://[::1/", "https:///x", "/relative",
            "not a url", "https://hooks_.ex ample/", "https://bücher.example/"})
    void other_endpoints_that_cannot_be_called_are_refused(String url) {
        assertThatThrownBy(() -> policy.registrable(url)).isInstanceOf(WebhookEndpointPolicy.Refused.class);
    }

    @Test
    void a_public_address_must_be_written_as_four_decimal_numbers() throws Exception {
        assertThat(policy.registrable("https://8.8.8.8/hooks").toString()).isEqualTo("https://8.8.8.8/hooks");
        assertThat(policy.registrable("https://[2a00:1450:4009:81f::200e]:8443/h").getPort()).isEqualTo(8443);
        assertThatThrownBy(() -> policy.registrable("https://0x08080808/"))
                .hasMessage("Write the endpoint's IPv4 address as four decimal numbers");
        assertThatThrownBy(() -> policy.registrable("https://134744072/"))
                .hasMessage("Write the endpoint's IPv4 address as four decimal numbers");
    }

    @Test
    void a_public_name_is_accepted_and_delivery_goes_to_the_address_that_was_checked() throws Exception {
        WebhookEndpointPolicy publicName = new WebhookEndpointPolicy(Set.of(), Set.of(),
                resolving(Map.of("hooks.northwind.example", "93.184.215.14,2606:2800:21f:cb07:6820:80da:af6b:8b2c")));
        assertThat(publicName.registrable(" https://Hooks.Northwind.Example:8443/in?x=1 ").toString())
                .isEqualTo("https://Hooks.Northwind.Example:8443/in?x=1");
        WebhookEndpointPolicy.Destination destination =
                publicName.destination("https://Hooks.Northwind.Example:8443/in?x=1");
        assertThat(destination).isEqualTo(new WebhookEndpointPolicy.Destination("hooks.northwind.example", 8443,
                true, "/in?x=1", InetAddress.getByName("93.184.215.14")));
        assertThat(publicName.destination("https://hooks.northwind.example").requestTarget()).isEqualTo("/");
    }

    @Test
    void a_name_that_does_not_resolve_yet_is_accepted_and_checked_again_at_every_delivery() throws Exception {
        Map<String, String> dns = new java.util.concurrent.ConcurrentHashMap<>();
        WebhookEndpointPolicy rebinding = new WebhookEndpointPolicy(Set.of(), Set.of(), resolving(dns));
        assertThat(rebinding.registrable("https://hooks.northwind.example/x")).hasHost("hooks.northwind.example");
        assertThatThrownBy(() -> rebinding.destination("https://hooks.northwind.example/x"))
                .isInstanceOf(UnknownHostException.class);
        dns.put("hooks.northwind.example", "93.184.215.14");
        assertThat(rebinding.destination("https://hooks.northwind.example/x").address())
                .isEqualTo(InetAddress.getByName("93.184.215.14"));
        dns.put("hooks.northwind.example", "169.254.169.254");
        assertThatThrownBy(() -> rebinding.destination("https://hooks.northwind.example/x"))
                .isInstanceOf(WebhookEndpointPolicy.Refused.class).hasMessageContaining("link-local");
    }

    @Test
    void hosts_an_installation_names_may_be_private_but_never_multicast_broadcast_or_unspecified() throws Exception {
        WebhookEndpointPolicy installation = new WebhookEndpointPolicy(Set.of("127.0.0.1"),
                Set.of("127.0.0.1", "Hooks.Intranet", "[::1]", "0.0.0.0", "224.0.0.1"),
                resolving(Map.of("hooks.intranet", "10.20.30.40")));
        assertThat(installation.destination("http://127.0.0.1:45678/hooks")).isEqualTo(new WebhookEndpointPolicy
                .Destination("127.0.0.1", 45678, false, "/hooks", InetAddress.getByName("127.0.0.1")));
        assertThat(installation.registrable("https://hooks.intranet/in")).hasHost("hooks.intranet");
        assertThat(installation.registrable("https://[::1]:9443/")).hasPort(9443);
        assertThatThrownBy(() -> installation.registrable("http://hooks.intranet/")).hasMessageContaining("https://");
        assertThatThrownBy(() -> installation.registrable("https://127.0.0.2/")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> installation.registrable("https://0.0.0.0/")).hasMessageContaining("unspecified");
        assertThatThrownBy(() -> installation.registrable("https://224.0.0.1/")).hasMessageContaining("multicast");
    }

    @Test
    void address_classes_at_the_edges_of_their_ranges() throws Exception {
        assertThat(AddressClass.of(InetAddress.getByName("172.15.255.255"))).isEqualTo(AddressClass.PUBLIC);
        assertThat(AddressClass.of(InetAddress.getByName("172.32.0.0"))).isEqualTo(AddressClass.PUBLIC);
        assertThat(AddressClass.of(InetAddress.getByName("100.63.255.255"))).isEqualTo(AddressClass.PUBLIC);
        assertThat(AddressClass.of(InetAddress.getByName("100.128.0.0"))).isEqualTo(AddressClass.PUBLIC);
        assertThat(AddressClass.of(InetAddress.getByName("169.253.255.255"))).isEqualTo(AddressClass.PUBLIC);
        assertThat(AddressClass.of(InetAddress.getByName("223.255.255.255"))).isEqualTo(AddressClass.PUBLIC);
        assertThat(AddressClass.of(InetAddress.getByName("fec0::"))).isEqualTo(AddressClass.RESERVED);
        assertThat(AddressClass.of(InetAddress.getByName("2001:200::1"))).isEqualTo(AddressClass.PUBLIC);
        assertThat(AddressClass.of(InetAddress.getByName("2001:1::1"))).isEqualTo(AddressClass.RESERVED);
        assertThat(AddressClass.of(InetAddress.getByName("64:ff9b::808:808"))).isEqualTo(AddressClass.PUBLIC);
        assertThat(AddressClass.of(InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0,
                0, 1}))).isEqualTo(AddressClass.PRIVATE);
    }

    /** A resolver answering from a table, as a name server under someone else's control could. */
    private static WebhookEndpointPolicy.Resolver resolving(Map<String, String> table) {
        return host -> {
            String addresses = table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            String[] literals = addresses.split(",");
            InetAddress[] found = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                found[i] = InetAddress.getByName(literals[i]);
            }
            return found;
        };
    }
}
