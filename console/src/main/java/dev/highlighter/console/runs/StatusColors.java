package dev.highlighter.console.runs;

import java.awt.Color;

/** The status colours of the charts, the same as the grid's (console.css). */
public final class StatusColors {

    private StatusColors() {
    }

    public static Color of(String status) {
        return switch (status) {
            case "COMPLETED" -> new Color(0x3c9a4a);
            case "FAILED" -> new Color(0xd0392b);
            case "STARTED", "STARTING" -> new Color(0x3a7bd5);
            case "STOPPING", "STOPPED" -> new Color(0xe6a020);
            default -> new Color(0x777777);
        };
    }
}
