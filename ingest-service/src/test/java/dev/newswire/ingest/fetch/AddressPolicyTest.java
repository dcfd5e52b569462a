package dev.newswire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::",
            "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1",
            "::ffff:10.0.0.1", "::ffff:192.168.0.1", "::ffff:100.64.0.1", "::ffff:0.0.0.0", "fd12:3456::1",
            "2002:7f00:1::", "2002:a9fe:a9fe::1", "2002:c0a8:101::1", "::169.254.169.254"})
    void blocksNonPublicAddresses(String ip) throws Exception {
        assertThat(AddressPolicy.isBlocked(InetAddress.getByName(ip))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "64:ff9b::808:808"})
    void allowsPublicAddresses(String ip) throws Exception {
        assertThat(AddressPolicy.isBlocked(InetAddress.getByName(ip))).isFalse();
    }

    @Test
    void refusesAPrivateAddressWithAMessageNamingIt() {
        assertThatThrownBy(() -> new AddressPolicy(List.of()).check(URI.create("http://10.0.0.7:8080/admin")))
                .isInstanceOf(FetchException.class)
                .hasMessage("refusing to fetch 10.0.0.7: it resolves to the non-public address 10.0.0.7")
                .extracting(e -> ((FetchException) e).kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
    }

    @Test
    void resolvesNamesBeforeJudging() {
        assertThatThrownBy(() -> new AddressPolicy(List.of()).check(URI.create("http://localhost/")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("non-public address");
    }

    @Test
    void letsTheAllowListedBlockThrough() {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.1/32", "10.0.0.0/8"));

        assertThatCode(() -> policy.check(URI.create("http://127.0.0.1:9000/feed"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://10.200.1.1/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(URI.create("http://192.168.0.1/"))).isInstanceOf(FetchException.class);
    }

    @Test
    void fetchesOnlyHttpAndHttps() {
        assertThatThrownBy(() -> new AddressPolicy(List.of()).check(URI.create("file:///etc/passwd")))
                .isInstanceOf(FetchException.class)
                .extracting(e -> ((FetchException) e).kind()).isEqualTo(FetchException.Kind.BAD_URL);
    }

    @Test
    void refusesAnAllowListEntryThatIsNoAddress() {
        assertThatThrownBy(() -> new AddressPolicy(List.of("localhost")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IP address or CIDR block");
    }
}
