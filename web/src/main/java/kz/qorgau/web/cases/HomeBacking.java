package kz.qorgau.web.cases;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.deadline.Deadline;
import kz.qorgau.deadline.DeadlineService;
import kz.qorgau.web.security.CurrentUser;
import kz.qorgau.worklist.WorkItem;
import kz.qorgau.worklist.WorkList;
import kz.qorgau.worklist.WorkListService;
import kz.qorgau.worklist.WorkSection;

import java.util.List;

/** The start page: what needs doing today, the caller's own work first, section by section of her roles. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    DeadlineService deadlines;

    @Inject
    WorkListService work;

    @Inject
    CurrentUser user;

    private List<Deadline> list;
    private WorkList workList;

    public List<Deadline> getDeadlines() {
        if (list == null) {
            list = deadlines.forCaller(user.caller());
        }
        return list;
    }

    public WorkList getWork() {
        if (workList == null) {
            workList = work.forCaller(user.caller());
        }
        return workList;
    }

    /** The message key of a line's code: a status, an event, a consequence, a service, a reason. */
    public String codeKey(WorkSection section, WorkItem item) {
        if (item.code() == null) {
            return null;
        }
        String prefix = switch (section) {
            case MY_CASES, CLOSURES_TO_APPROVE, CASES_WITHOUT_ACTIVITY -> "status.";
            case RECENT_ACTIVITY -> "event.";
            case ORDER_VIOLATIONS -> "violation.";
            case SESSIONS_MISSED -> "session.";
            case NON_COMPLIANCE_REPORTS -> "nonCompliance.";
            case REFERRALS_TO_ANSWER, SERVICES_IN_PROGRESS -> "service.";
            default -> null;
        };
        return prefix == null ? null : prefix + item.code();
    }

    /** Where "all of them" leads: the case list, or a provider's inbox. */
    public String allOutcome(WorkSection section) {
        return switch (section) {
            case REFERRALS_TO_ANSWER, SERVICES_IN_PROGRESS -> "/referrals/inbox";
            default -> "/cases/list";
        };
    }
}
