package kz.qorgau.casefile;

import java.util.List;

/** The result of looking for a person before intake: cases one may open, and a count of others one may not see. */
public record DuplicateCheck(boolean checked, List<String> visibleCaseNumbers, long elsewhere) {

    public boolean found() {
        return !visibleCaseNumbers.isEmpty() || elsewhere > 0;
    }
}
