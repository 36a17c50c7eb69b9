package kz.qorgau.infra;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster run's ports and each node's Data Grid arguments, without starting anything. */
class ClusterLauncherTest {

    @Test
    void twoNodesByDefaultBehindTheProxyOnTheRunsPortEachOnPortsOfItsOwn() {
        ClusterLauncher.Layout layout = ClusterLauncher.Layout.from(Map.of());
        assertThat(layout.nodes()).isEqualTo(2);
        assertThat(layout.proxyPort()).isEqualTo(8080);
        assertThat(layout.nodePorts()).containsExactly(8081, 8082);
        assertThat(layout.members()).containsExactly("127.0.0.1:6911", "127.0.0.1:6912");
    }

    @Test
    void everyPortOfTheClusterIsDistinct() {
        ClusterLauncher.Layout layout = ClusterLauncher.Layout.from(Map.of("QORGAU_NODES", "9"));
        Set<Integer> ports = new HashSet<>(List.of(layout.proxyPort(), Launcher.DATABASE_PORT, ClusterLauncher.STANDBY_PORT,
                Launcher.KEYCLOAK_PORT));
        for (int node = 1; node <= layout.nodes(); node++) {
            assertThat(ports.add(layout.nodePort(node))).as("HTTP port of node %d", node).isTrue();
            assertThat(ports.add(layout.dataGridPort(node))).as("Data Grid port of node %d", node).isTrue();
        }
    }

    @Test
    void aNodeJoinsTheDataGridByTcpOnLoopbackWithBackupsOnTheSameHostAndNeverAlone() {
        ClusterLauncher.Layout layout = ClusterLauncher.Layout.from(Map.of("QORGAU_NODES", "3"));
        List<String> second = layout.clusterArguments(2);
        assertThat(second).doesNotContain("--nocluster", "--nohazelcast")
                .containsSubsequence("--name", "node-2")
                .containsSubsequence("--clustermode", "tcpip:127.0.0.1:6911,127.0.0.1:6912,127.0.0.1:6913")
                .containsSubsequence("--startport", "6912")
                .containsSubsequence("--interfaces", "127.0.0.1")
                .contains("--nohostaware");
        assertThat(String.join(" ", second)).doesNotContain("multicast");
        assertThat(layout.clusterArguments(1)).containsSubsequence("--name", "node-1");
        assertThat(PayaraMicro.STANDALONE).containsExactly("--nocluster");
    }

    @Test
    void aMemberMissingFromItsOwnMemberListIsRefused() {
        assertThatThrownBy(() -> PayaraMicro.clusterMember("node-3", 6913, List.of("127.0.0.1:6911")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNumberOfNodesIsBounded() {
        assertThatThrownBy(() -> ClusterLauncher.Layout.from(Map.of("QORGAU_NODES", "0"))).hasMessageContaining("QORGAU_NODES");
        assertThatThrownBy(() -> ClusterLauncher.Layout.from(Map.of("QORGAU_NODES", "10"))).hasMessageContaining("QORGAU_NODES");
        assertThatThrownBy(() -> ClusterLauncher.Layout.from(Map.of("QORGAU_NODES", "two"))).hasMessageContaining("QORGAU_NODES");
    }

    @Test
    void theStandbyStreamsFromThePrimaryThroughItsSlot() {
        String settings = EmbeddedStandby.standbySettings(15432);
        assertThat(settings).contains("primary_conninfo = 'host=localhost port=15432 user=postgres")
                .contains("primary_slot_name = '" + EmbeddedStandby.SLOT + "'");
    }
}
