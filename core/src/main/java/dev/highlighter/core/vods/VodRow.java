package dev.highlighter.core.vods;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One VOD's row in {@code vods}, read back: the columns it has, typed. A column a stage has not
 * written yet is empty; a value that does not parse is an error naming the VOD and the column.
 */
public record VodRow(String vodId, Map<VodColumn, String> cells) {

    public VodRow {
        cells = Map.copyOf(cells);
    }

    public Optional<String> get(VodColumn column) {
        return Optional.ofNullable(cells.get(column));
    }

    public OptionalLong number(VodColumn column) {
        Optional<Long> n = parse(column, Long::valueOf, "a whole number");
        return n.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    public Optional<VodStatus> status() {
        return parse(VodColumn.STATUS, VodStatus::valueOf, "one of " + Arrays.toString(VodStatus.values()));
    }

    public Optional<MediaStatus> mediaStatus() {
        return parse(VodColumn.MEDIA_STATUS, MediaStatus::valueOf, "one of " + Arrays.toString(MediaStatus.values()));
    }

    /** The model version of the VOD's current highlights; empty until it is scored. */
    public Optional<String> modelVersion() {
        return get(VodColumn.MODEL_VERSION);
    }

    /** The scope whose champion scored the VOD's current highlights; empty until it is scored (or scored before scopes). */
    public Optional<String> modelScope() {
        return get(VodColumn.MODEL_SCOPE);
    }

    public Optional<LocalDate> date() {
        return parse(VodColumn.DATE, LocalDate::parse, "a date yyyy-MM-dd");
    }

    private <T> Optional<T> parse(VodColumn column, Function<String, T> parser, String expected) {
        String value = cells.get(column);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException("vods row " + vodId + " has " + column.qualifier() + " '" + value + "', not " + expected, e);
        }
    }
}
