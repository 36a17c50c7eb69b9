package kz.qorgau.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a drill or a benchmark ran on, for its report: a figure means little without it. */
public final class Machine {

    private Machine() {
    }

    public static String describe() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB RAM")
                    .findFirst().orElse("");
        } catch (IOException | RuntimeException notLinux) {
            // the line then says less
        }
        return "%d cores (%s), %s, %s %s, Java %s (%s)".formatted(Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"));
    }
}
