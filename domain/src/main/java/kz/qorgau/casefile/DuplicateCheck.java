package kz.qorgau.casefile;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The answer to "is this person already known?" before intake. Cases in the caller's partition are listed, a page at a
 * time, with their total counted by the database; cases anywhere else are only a yes or a no, so that nobody learns
 * which organisation knows her or how often: her supervisor can find out.
 */
public record DuplicateCheck(boolean checked, List<Match> visible, long visibleTotal, boolean knownElsewhere) implements Serializable {

    /** A case of the caller's partition whose victim matches: what is needed to open it, no personal data. */
    public record Match(String number, CaseStatus status, Instant openedAt) implements Serializable {
    }

    public static DuplicateCheck notChecked() {
        return new DuplicateCheck(false, List.of(), 0, false);
    }

    public DuplicateCheck {
        visible = List.copyOf(visible);
    }

    public boolean found() {
        return visibleTotal > 0 || knownElsewhere;
    }

    /** Matches of the partition beyond those listed so far. */
    public long notListed() {
        return Math.max(0, visibleTotal - visible.size());
    }

    /** This answer with a further page of the partition's matches appended. */
    public DuplicateCheck withMore(DuplicateCheck next) {
        List<Match> all = new java.util.ArrayList<>(visible);
        next.visible().stream().filter(m -> all.stream().noneMatch(a -> a.number().equals(m.number()))).forEach(all::add);
        return new DuplicateCheck(true, all, next.visibleTotal(), next.knownElsewhere());
    }
}
