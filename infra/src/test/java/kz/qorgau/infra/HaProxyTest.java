package kz.qorgau.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The proxy's configuration: every node, checked on its readiness, a node's death not a user's error. */
class HaProxyTest {

    private final String cfg = HaProxy.configuration(8080, List.of(8081, 8082, 8083), false);

    @Test
    void everyNodeIsAServerCheckedOnItsReadiness() {
        assertThat(cfg).contains("bind :8080")
                .contains("http-check send meth GET uri /health/ready")
                .contains("http-check expect status 200")
                .contains("server node-1 127.0.0.1:8081 check cookie node-1\n")
                .contains("server node-2 127.0.0.1:8082 check cookie node-2\n")
                .contains("server node-3 127.0.0.1:8083 check cookie node-3\n");
    }

    @Test
    void aRefusedConnectionGoesToAnotherNodeAndTheLogHoldsNoRequest() {
        assertThat(cfg).contains("option redispatch").contains("retry-on conn-failure")
                .contains("cookie " + HaProxy.COOKIE + " insert indirect nocache httponly")
                .contains("log stdout format iso local0 notice")
                .doesNotContain("option httplog").doesNotContain("log-format");
    }

    /** The drill's proxy logs each request: node, timers and termination state, the method and nothing else of it. */
    @Test
    void theDrillsRequestLogHoldsNoAddressPathOrQuery() {
        String drill = HaProxy.configuration(8080, List.of(8081, 8082), true);
        assertThat(drill).contains("log stdout format iso local0 info")
                .contains("log-format \"" + HaProxy.REQUEST_LOG_FORMAT + "\"");
        assertThat(HaProxy.REQUEST_LOG_FORMAT).contains("%tsc").contains("%b/%s").contains("%HM")
                .doesNotContain("%ci").doesNotContain("%HU").doesNotContain("%HP").doesNotContain("%HQ").doesNotContainPattern("%r(?![a-z])");
    }

    /** With no node ready (the database down) a live one answers for itself, and each user's own node still hers. */
    @Test
    void aPostIsNeverSentTwiceAndWithNoNodeReadyALiveOneAnswersForItself() {
        assertThat(cfg).contains("http-request disable-l7-retry if METH_POST")
                .contains("use_backend live_nodes if { nbsrv(nodes) eq 0 }")
                .contains("http-check send meth GET uri /health/live");
        assertThat(cfg.substring(cfg.indexOf("\nbackend live_nodes")))
                .contains("cookie " + HaProxy.COOKIE + " insert indirect nocache httponly")
                .contains("server node-1 127.0.0.1:8081 check cookie node-1\n")
                .contains("server node-2 127.0.0.1:8082 check cookie node-2\n");
    }

    /** Her node alive but not ready: she stays on it, through the live nodes; only a dead node loses its users. */
    @Test
    void aUserStaysOnHerNodeWhileItLivesEvenWhenItIsNotReady() {
        for (int node = 1; node <= 3; node++) {
            assertThat(cfg).contains("use_backend live_nodes if { req.cook(QORGAU_NODE) node-" + node + " } !{ srv_is_up(nodes/node-"
                    + node + ") } { srv_is_up(live_nodes/node-" + node + ") }\n");
        }
        assertThat(cfg.indexOf("req.cook(QORGAU_NODE) node-1")).isLessThan(cfg.indexOf("default_backend nodes"));
    }

    /** Where HAProxy is installed (the cluster run installs it), it accepts the configuration as written, the drill's too. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void haproxyAcceptsIt(boolean requestLog, @TempDir Path dir) throws Exception {
        Path haproxy = Path.of("/usr/sbin/haproxy");
        assumeTrue(Files.isExecutable(haproxy), "HAProxy not installed");
        Path file = Files.writeString(dir.resolve("haproxy.cfg"), HaProxy.configuration(8080, List.of(8081, 8082, 8083), requestLog));
        Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", file.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.exitValue()).as(output).isZero();
    }
}
