package kz.qorgau.infra.drill;

import kz.qorgau.infra.ClusterLauncher;
import kz.qorgau.infra.bench.Benchmark;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster drill runs beside a Run, a cluster run, the fault drill or the benchmark, and the CI's small drill beside
 * the full one: none of their ports is another's.
 */
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
        List<Integer> full = ports(ClusterDrill.FULL.withNodes(ClusterLauncher.MAX_NODES).layout());
        List<Integer> small = ports(ClusterDrill.SMALL.layout());
        List<Integer> others = new ArrayList<>(ports(new ClusterLauncher.Layout(8080, ClusterLauncher.MAX_NODES, 15432, 15433,
                8180, 8081, 6911)));
        others.addAll(List.of(FaultDrill.DATABASE_PORT, FaultDrill.KEYCLOAK_PORT, FaultDrill.HTTP_PORT,
                Benchmark.DATABASE_PORT, Benchmark.KEYCLOAK_PORT, Benchmark.HTTP_PORT));
        for (List<Integer> drill : List.of(full, small)) {
            assertThat(new HashSet<>(drill)).hasSameSizeAs(drill);
            assertThat(drill).doesNotContainAnyElementsOf(others);
        }
        assertThat(full).doesNotContainAnyElementsOf(small);
    }
}
