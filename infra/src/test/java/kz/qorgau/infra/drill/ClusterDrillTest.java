package kz.qorgau.infra.drill;

import kz.qorgau.infra.ClusterLauncher;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster drill runs beside a Run, a cluster run or the fault drill: none of its ports is theirs. */
class ClusterDrillTest {

    private static List<Integer> ports(ClusterLauncher.Layout layout) {
        List<Integer> ports = new ArrayList<>(List.of(layout.proxyPort(), layout.databasePort(), layout.standbyPort(),
                layout.keycloakPort()));
        for (int node = 1; node <= layout.nodes(); node++) {
            ports.add(layout.nodePort(node));
            ports.add(layout.dataGridPort(node));
        }
        return ports;
    }

    @Test
    void itsPortsAreItsOwn() {
        List<Integer> drill = ports(ClusterDrill.LAYOUT);
        assertThat(new HashSet<>(drill)).hasSameSizeAs(drill);
        List<Integer> others = new ArrayList<>(ports(new ClusterLauncher.Layout(8080, ClusterLauncher.MAX_NODES, 15432, 15433,
                8180, 8081, 6911)));
        others.addAll(List.of(FaultDrill.DATABASE_PORT, FaultDrill.KEYCLOAK_PORT, FaultDrill.HTTP_PORT));
        assertThat(drill).doesNotContainAnyElementsOf(others);
    }
}
