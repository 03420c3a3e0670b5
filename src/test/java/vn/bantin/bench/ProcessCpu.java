package vn.bantin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from /proc (utime + stime, 100 ticks a second), as a share of one core. */
record ProcessCpu(long pid, long ticks, long at) {

    static ProcessCpu of(long pid) throws IOException {
        return new ProcessCpu(pid, ticks(pid), System.nanoTime());
    }

    double percentSince() throws IOException {
        double seconds = (System.nanoTime() - at) / 1e9;
        return (ticks(pid) - ticks) / 100.0 / seconds * 100;
    }

    /** CPU ticks of each of the process's threads, added up per thread name with its digits taken out. */
    static java.util.Map<String, Long> threadTicks(long pid) throws IOException {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        }
        return out;
    }

    static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
