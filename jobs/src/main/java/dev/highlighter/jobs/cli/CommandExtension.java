package dev.highlighter.jobs.cli;

import java.util.List;

/**
 * Commands contributed by modules that depend on jobs (schedules, console), found with
 * {@link java.util.ServiceLoader} so that jobs never imports them.
 */
public interface CommandExtension {

    /** picocli command classes to add under {@code highlighter}. */
    List<Class<?>> commands();
}
