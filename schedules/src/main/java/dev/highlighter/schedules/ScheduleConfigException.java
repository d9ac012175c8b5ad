package dev.highlighter.schedules;

import java.util.List;

/** schedules.yaml is wrong; the message names each bad entry and what is wrong with it. */
public class ScheduleConfigException extends RuntimeException {

    private final List<String> problems;

    public ScheduleConfigException(String source, List<String> problems) {
        super(source + ": " + (problems.size() == 1 ? problems.get(0) : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
