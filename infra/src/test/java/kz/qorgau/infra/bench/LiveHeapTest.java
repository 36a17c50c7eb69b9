package kz.qorgau.infra.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveHeapTest {

    @Test
    void readsTheG1HeapWithoutMetaspace() {
        LiveHeap heap = LiveHeap.parse("""
                3303:
                 garbage-first heap   total 417792K, used 262144K [0x00000000c0000000, 0x0000000100000000)
                  region size 1024K, 0 young (0K), 0 survivors (0K)
                 Metaspace       used 158962K, committed 160152K, reserved 1114112K
                  class space    used 21062K, committed 22152K, reserved 1048576K
                """);
        assertThat(heap.usedMb()).isEqualTo(256.0);
        assertThat(heap.committedKb()).isEqualTo(417_792);
    }

    @Test
    void sumsTheGenerationsOfTheParallelCollector() {
        LiveHeap heap = LiveHeap.parse("""
                42:
                 PSYoungGen      total 76288K, used 1024K [0x00000000eab00000, 0x00000000f0000000, 0x0000000100000000)
                  eden space 65536K, 1% used [0x00000000eab00000,0x00000000eac00000,0x00000000eeb00000)
                 ParOldGen       total 175104K, used 10240K [0x00000000c0000000, 0x00000000cab00000, 0x00000000eab00000)
                 Metaspace       used 3000K, committed 3200K, reserved 1056768K
                """);
        assertThat(heap.usedKb()).isEqualTo(11_264);
        assertThat(heap.committedKb()).isEqualTo(76_288 + 175_104);
    }

    @Test
    void refusesAnAnswerWithoutAHeap() {
        assertThatThrownBy(() -> LiveHeap.parse("42:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheHeapLimitFromTheFlags() {
        assertThat(LiveHeap.maxHeapMb("-XX:InitialHeapSize=268435456 -XX:MaxHeapSize=1073741824 -XX:MaxNewSize=643825664"))
                .isEqualTo(1024);
        assertThat(LiveHeap.maxHeapMb("-XX:+UseG1GC")).isZero();
    }
}
