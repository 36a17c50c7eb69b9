package kz.qorgau.web.cases;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.deadline.Deadline;
import kz.qorgau.deadline.DeadlineService;
import kz.qorgau.web.security.CurrentUser;

import java.util.List;

/** The start page: what needs doing, the caller's own work first. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    DeadlineService deadlines;

    @Inject
    CurrentUser user;

    private List<Deadline> list;

    public List<Deadline> getDeadlines() {
        if (list == null) {
            list = deadlines.forCaller(user.caller());
        }
        return list;
    }
}
