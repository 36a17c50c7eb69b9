package kz.qorgau.shared;

/** Which rows of a list: from {@code first}, at most {@code size} of them (1 to {@value #MAX_SIZE}). */
public record ListPage(int first, int size) {

    public static final int MAX_SIZE = 500;

    public ListPage {
        if (first < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("list.page.outOfRange");
        }
    }
}
