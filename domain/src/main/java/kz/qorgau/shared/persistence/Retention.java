package kz.qorgau.shared.persistence;

import java.time.Duration;

/**
 * Rows kept only for a while (repeatable requests' answers, an import's refused rows): once an hour one node forgets
 * those past their time ({@link ForgetPastRetention}), in its turn of the kind's job.
 */
public interface Retention {

    /** The job whose turn it is to forget this kind; its name says the kind in the log. */
    ScheduledJob job();

    /** Forgets the rows past their time, in the caller's transaction; answers how many. */
    int forgetOld();

    default Duration every() {
        return Duration.ofHours(1);
    }
}
