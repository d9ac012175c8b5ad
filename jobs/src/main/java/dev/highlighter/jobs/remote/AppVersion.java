package dev.highlighter.jobs.remote;

/**
 * The application's version, which a manager stamps on its requests and a worker checks: Spring
 * Batch's StepExecutionRequest changed in Batch 6, and so can our step definitions.
 */
public record AppVersion(String value) {

    /** The configured one ({@code highlighter.version}), else the jar's, else "dev". */
    public static AppVersion of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new AppVersion(configured.trim());
        }
        String jar = AppVersion.class.getPackage().getImplementationVersion();
        return new AppVersion(jar == null ? "dev" : jar);
    }
}
