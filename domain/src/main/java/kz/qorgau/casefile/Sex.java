package kz.qorgau.casefile;

public enum Sex {
    FEMALE,
    MALE
}
