package kz.qorgau.mandate;

/** Whether the offender came to a psychocorrection session. */
public enum Attendance {
    ATTENDED,
    MISSED
}
