package kz.qorgau.casefile;

public enum CaseKind {
    DOMESTIC_VIOLENCE,
    TRAFFICKING,
    DOMESTIC_VIOLENCE_AND_TRAFFICKING
}
