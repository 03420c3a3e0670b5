package vn.bantin.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Parses 5-field Unix cron expressions once each; parsed expressions are shared by every caller. */
final class Crons {

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, ExecutionTime> PARSED = new ConcurrentHashMap<>();

    private Crons() {
    }

    /** @throws IllegalArgumentException with cron-utils' reason when the expression is not valid */
    static ExecutionTime executionTime(String expression) {
        return PARSED.computeIfAbsent(expression.trim(), e -> ExecutionTime.forCron(parse(e)));
    }

    static Cron parse(String expression) {
        synchronized (PARSER) {
            return PARSER.parse(expression).validate();
        }
    }
}
