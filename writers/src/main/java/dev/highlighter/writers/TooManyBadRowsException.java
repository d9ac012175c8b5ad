package dev.highlighter.writers;

/** An input with more bad rows than its quarantine holds: it fails, and the message gives the figures. */
public class TooManyBadRowsException extends RuntimeException {

    public TooManyBadRowsException(String message) {
        super(message);
    }
}
