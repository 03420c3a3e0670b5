package vn.bantin.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A media job's scratch directory, removed whole whether the job finished or not. */
final class WorkFiles {

    private static final Logger log = LoggerFactory.getLogger(WorkFiles.class);

    private WorkFiles() {
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("could not delete work file {}", p);
                }
            });
        } catch (IOException e) {
            log.warn("could not clean work dir {}", dir, e);
        }
    }
}
