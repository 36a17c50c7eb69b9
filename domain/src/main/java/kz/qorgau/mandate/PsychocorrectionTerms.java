package kz.qorgau.mandate;

import java.util.Objects;

/** What a court orders when it orders a psychocorrection course: the healthcare provider and how many sessions. */
public record PsychocorrectionTerms(String providerCode, int sessionsRequired) {

    /** Bounds of plausibility, not of law: the law sets no number of sessions. */
    public static final int MIN_SESSIONS = 1;
    public static final int MAX_SESSIONS = 100;

    public PsychocorrectionTerms {
        Objects.requireNonNull(providerCode, "providerCode");
        if (providerCode.isBlank()) {
            throw new IllegalArgumentException("providerCode is required");
        }
        providerCode = providerCode.strip();
    }
}
