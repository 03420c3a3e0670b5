package vn.bantin.agent.command;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import vn.bantin.agent.io.AtomicFiles;

/**
 * The no-replay state of commands, kept across restarts: the highest command id carried out, and the last
 * answers, so a command pushed again (its answer was lost) is answered again, not carried out twice.
 */
final class CommandLog {

    private static final Logger LOG = Logger.getLogger(CommandLog.class.getName());
    private static final int KEEP = 20;

    private final Path file;
    private long highest;
    private final LinkedHashMap<Long, Answer> answers = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Answer> eldest) {
            return size() > KEEP;
        }
    };

    CommandLog(Path stateDir) {
        this.file = stateDir.resolve("commands.json");
        if (Files.exists(file)) {
            try {
                Map<String, Object> saved = JSON.std.mapFrom(Files.readAllBytes(file));
                highest = ((Number) saved.getOrDefault("highest", 0)).longValue();
                if (saved.get("answers") instanceof Map<?, ?> m) {
                    m.forEach((id, a) -> {
                        Map<?, ?> am = (Map<?, ?>) a;
                        answers.put(Long.parseLong(String.valueOf(id)), new Answer(String.valueOf(am.get("outcome")),
                                am.get("detail") == null ? null : String.valueOf(am.get("detail")), null));
                    });
                }
            } catch (IOException | RuntimeException e) {
                LOG.warning("command log unreadable; older commands would be refused anyway: " + e.getMessage());
            }
        }
    }

    synchronized long highest() {
        return highest;
    }

    synchronized Answer answerOf(long id) {
        return answers.get(id);
    }

    /** Written before the command is carried out: a crash half-way never carries it out twice. */
    synchronized void started(long id) throws IOException {
        highest = Math.max(highest, id);
        save();
    }

    synchronized void answered(long id, Answer answer) throws IOException {
        answers.put(id, new Answer(answer.outcome(), answer.detail(), null));
        save();
    }

    private void save() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("highest", highest);
        Map<String, Object> a = new LinkedHashMap<>();
        answers.forEach((id, ans) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outcome", ans.outcome());
            m.put("detail", ans.detail());
            a.put(Long.toString(id), m);
        });
        out.put("answers", a);
        AtomicFiles.write(file, JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES).asBytes(out));
    }
}
