package dev.highlighter.core.vods;

/** Where a VOD stands after the last run, column {@link VodColumn#STATUS}. */
public enum VodStatus {
    /** Its highlights are written. */
    SCORED,
    /** A stage failed it; {@link VodColumn#FAILURE} says which and why. */
    FAILED
}
