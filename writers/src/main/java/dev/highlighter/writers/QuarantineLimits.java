package dev.highlighter.writers;

/**
 * How much one quarantine file may hold. Past either cap the input is not worth reading on: the
 * file gets a last row with the count, and the input fails with {@link TooManyBadRowsException}.
 *
 * @param maxRows  bad rows (a block refused as one counts its rows)
 * @param maxBytes bytes of quarantine rows, not counting that last row
 */
public record QuarantineLimits(long maxRows, long maxBytes) {

    /** 10,000 rows or 10 MiB: far more than a usable chat file has, far less than a junk file would write. */
    public static final QuarantineLimits DEFAULT = new QuarantineLimits(10_000, 10L * 1024 * 1024);

    public QuarantineLimits {
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("quarantine limits must be positive, not " + maxRows + " rows and " + maxBytes + " bytes");
        }
    }

    @Override
    public String toString() {
        return maxRows + " rows or " + (maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes + " bytes");
    }
}
