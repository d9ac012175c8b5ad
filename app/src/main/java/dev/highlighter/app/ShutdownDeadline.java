package dev.highlighter.app;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * A process asked to end (SIGTERM, Ctrl-C) ends within a deadline, whatever hangs. The running
 * job gets the heartbeat's grace period to stop cleanly (STOPPED, restartable); closing storage
 * comes after it and is bounded too, but a client call stuck on a dead server or a full disk
 * could still hold the JVM. Past the deadline the process halts: what a run had not finished is
 * recovered by the next run, exactly as after a kill -9. The default, 28 s, is above the 25 s
 * grace and below the 30 s after which Kubernetes sends SIGKILL anyway.
 */
@Component
class ShutdownDeadline implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDeadline.class);

    /** What a shell reports for a process ended by SIGTERM. */
    static final int TERMINATED = 143;

    private final Duration deadline;

    ShutdownDeadline(@Value("${highlighter.shutdown.deadline:PT28S}") Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (!jvmShuttingDown()) {
            return; // a command that ended by itself closes its context before it exits: no deadline
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            log.error("Still shutting down {} s after the request to stop; halting the JVM (the next run recovers what"
                    + " this one left)", deadline.toSeconds());
            Runtime.getRuntime().halt(TERMINATED);
        }, "shutdown-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** True inside the JVM's shutdown hooks: a hook can no longer be added. */
    static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
