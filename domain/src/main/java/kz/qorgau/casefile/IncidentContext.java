package kz.qorgau.casefile;

/** The setting of an incident, as GBVIMS records it beside the type. */
public enum IncidentContext {
    INTIMATE_PARTNER,
    FAMILY,
    TRAFFICKING,
    OTHER
}
