package io.parley.bench.idle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayMemoryTest {

    @Test
    void sumsTheHeapGenerationsAndLeavesMetaspaceOut() {
        String serial = """
                5923:
                 def new generation   total 116224K, used 1000K [0x00000000e8000000, 0x00000000efe10000)
                  eden space 103360K, 100% used [0x00000000e8000000, 0x00000000ee4f0000)
                  from space 12864K,  64% used [0x00000000ee4f0000, 0x00000000eed0f870)
                 tenured generation   total 258048K, used 2M [0x00000000f0000000, 0x00000000ffc00000)
                 Metaspace       used 82683K, committed 83456K, reserved 1179648K
                  class space    used 11496K, committed 11840K, reserved 1048576K
                """;

        assertThat(GatewayMemory.heapUsedBytes(serial)).isEqualTo(1000 * 1024.0 + 2 * 1024 * 1024);
    }

    @Test
    void readsG1sHeapLine() {
        String g1 = """
                 garbage-first heap   total 262144K, used 12345K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 5 young (5120K), 1 survivors (1024K)
                 Metaspace       used 500K, committed 600K, reserved 1000K
                """;

        assertThat(GatewayMemory.heapUsedBytes(g1)).isEqualTo(12345 * 1024.0);
        assertThat(GatewayMemory.heapUsedBytes("no heap here")).isNaN();
    }

    @Test
    void readsVmRssInBytes() {
        assertThat(GatewayMemory.rssFromStatus("Name:\tjava\nVmRSS:\t  346636 kB\nThreads: 40\n"))
                .isEqualTo(346636 * 1024.0);
    }
}
