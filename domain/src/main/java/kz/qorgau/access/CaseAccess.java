package kz.qorgau.access;

import kz.qorgau.casefile.CaseStatus;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.timeline.CaseEventKind;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The policy's answer for one caller and one case: what she may do with it. Services {@link #require} an action
 * before doing it; pages and the API ask {@link #may}, which also asks the case's status, and never decide themselves.
 */
public final class CaseAccess implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<CaseAction> granted;
    private final CaseStatus status;
    private final Set<CaseEventKind> timelineKinds;

    CaseAccess(Set<CaseAction> granted, CaseStatus status, Set<CaseEventKind> timelineKinds) {
        this.granted = granted.isEmpty() ? EnumSet.noneOf(CaseAction.class) : EnumSet.copyOf(granted);
        this.status = status;
        this.timelineKinds = timelineKinds.isEmpty() ? EnumSet.noneOf(CaseEventKind.class) : EnumSet.copyOf(timelineKinds);
    }

    /** Whether the caller may do this now: granted in its partition, and allowed by the case's status. */
    public boolean may(CaseAction action) {
        return granted.contains(action) && action.possibleIn(status);
    }

    /** Whether the action is the caller's on this case, whatever the status (the case itself refuses a wrong step). */
    public boolean granted(CaseAction action) {
        return granted.contains(action);
    }

    /** What the caller may do now, for the API and for a page that lists it. */
    public Set<CaseAction> getActions() {
        Set<CaseAction> now = EnumSet.noneOf(CaseAction.class);
        granted.stream().filter(this::may).forEach(now::add);
        return Collections.unmodifiableSet(now);
    }

    /** The kinds of timeline entries the caller may see: none that tells of a part of the case she may not read. */
    public Set<CaseEventKind> timelineKinds() {
        return Collections.unmodifiableSet(timelineKinds);
    }

    /**
     * Refuses what the caller may not do: a case she may not read does not exist for her; one she reads but may not
     * act on is forbidden, unless the part is hidden too (the address).
     */
    public void require(CaseAction action) {
        if (!granted.contains(CaseAction.READ)) {
            throw new NotFoundException();
        }
        if (!granted.contains(action)) {
            throw action.hiddenOutsidePartition() ? new NotFoundException() : new AccessDeniedException();
        }
    }

    /** A case the caller may not read at all. */
    static CaseAccess none(CaseStatus status) {
        return new CaseAccess(Set.of(), status, Set.of());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseAccess that && granted.equals(that.granted) && status == that.status
                && timelineKinds.equals(that.timelineKinds);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(granted, status, timelineKinds);
    }
}
