package kz.qorgau.casefile;

public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    SEVERE
}
