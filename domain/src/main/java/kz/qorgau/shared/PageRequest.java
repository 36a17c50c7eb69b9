package kz.qorgau.shared;

/**
 * Which part of a list a caller asks for: from {@code first} (0 is the newest), at most {@code size} entries. Out of
 * bounds is refused as input, never clamped silently.
 */
public record PageRequest(int first, int size) {

    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (first < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("page.outOfBounds");
        }
    }
}
