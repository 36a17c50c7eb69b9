package kz.qorgau.infra.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a drill ran on, for its report: a figure means little without it. */
final class Machine {

    private Machine() {
    }

    static String describe() throws IOException {
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM").findFirst().orElse("");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
        return "%d cores (%s), %s, %s %s, Java %s".formatted(Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.runtime.version"));
    }
}
