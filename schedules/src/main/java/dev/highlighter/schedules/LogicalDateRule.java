package dev.highlighter.schedules;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Which date a run processes, from its fire time in the schedule's zone: {@code today},
 * {@code yesterday} (a nightly run processes the day that just ended), or {@code days-ago:N}.
 */
public record LogicalDateRule(int daysAgo) {

    public static LogicalDateRule parse(String text) {
        String t = text.trim();
        if (t.equals("today")) {
            return new LogicalDateRule(0);
        }
        if (t.equals("yesterday")) {
            return new LogicalDateRule(1);
        }
        if (t.startsWith("days-ago:")) {
            try {
                int n = Integer.parseInt(t.substring("days-ago:".length()));
                if (n >= 0) {
                    return new LogicalDateRule(n);
                }
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw new IllegalArgumentException("logicalDate '" + text + "' is not today, yesterday or days-ago:N");
    }

    public LocalDate apply(ZonedDateTime fireTime) {
        return fireTime.toLocalDate().minusDays(daysAgo);
    }

    @Override
    public String toString() {
        return daysAgo == 0 ? "today" : daysAgo == 1 ? "yesterday" : "days-ago:" + daysAgo;
    }
}
