package kz.qorgau.shared.persistence;

/** Work every node schedules and one node does for all, each job with its row in {@code scheduled_job} (V46). */
public enum ScheduledJob {

    FORGET_OLD_REQUESTS("forget-old-requests"),
    PREPARE_AUDIT_PARTITIONS("prepare-audit-partitions"),
    FORGET_REFUSED_ROWS("forget-refused-rows");

    private final String rowName;

    ScheduledJob(String rowName) {
        this.rowName = rowName;
    }

    String rowName() {
        return rowName;
    }
}
