package kz.qorgau.infra.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuTimeTest {

    @Test
    void readsUserAndSystemTimeEvenWhenTheNameHoldsSpacesAndParentheses() {
        String line = "4242 (Payara (main) 1) S 1 4242 4242 0 -1 4194560 51234 0 12 0 9001 1234 0 0 20 0 180 0 1000 5000000000 300000";
        assertThat(CpuTime.ticks(line)).isEqualTo(9001 + 1234);
        assertThat(CpuTime.command(line)).isEqualTo("Payara (main) 1");
        assertThat(CpuTime.command("77 (postgres) S 1 77 77 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 1 1 1")).isEqualTo("postgres");
    }

    @Test
    void theMachinesIdleTimeIsIdleAndIoWait() {
        assertThat(CpuTime.idleTicks("cpu  74608 2520 24433 1117073 6176 4054 0 0 0 0")).isEqualTo(1117073 + 6176);
    }

    @Test
    void describesEachPartAsAShareOfAllCoresOverTheStretch() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("application server", 120.0);
        seconds.put("PostgreSQL", 60.0);
        seconds.put("idle", 12.0);
        assertThat(CpuTime.describe(seconds, 120, 2)).isEqualTo("application server 120 s (50 %), PostgreSQL 60 s (25 %), idle 12 s (5 %)");
    }
}
