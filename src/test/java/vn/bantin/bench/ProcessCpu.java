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

    static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
