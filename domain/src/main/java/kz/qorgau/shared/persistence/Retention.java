package kz.qorgau.shared.persistence;

import java.time.Duration;

/**
 * Rows kept only for a while (repeatable requests' answers, an import's refused rows): once per {@link #every} one node
 * forgets those past their time ({@link ForgetPastRetention}), in its turn of the job.
 */
public interface Retention {

    ScheduledJob job();

    Duration every();

    /** Forgets the rows past their time, in the caller's transaction; answers how many. */
    int forgetOld();

    /** What is forgotten, for the log: a kind of row, never its content. */
    String what();
}
