package kz.qorgau.statistics;

import kz.qorgau.shared.InvalidInputException;

import java.io.Serializable;
import java.util.Objects;

/** Where a figure is counted: the whole country, one region, or one organisation's own records. */
public record Area(Level level, String code) implements Serializable {

    public enum Level { NATIONAL, REGION, ORGANISATION }

    public static final Area NATIONAL = new Area(Level.NATIONAL, null);

    public Area {
        Objects.requireNonNull(level, "level");
        if (level == Level.NATIONAL ? code != null : code == null || code.isBlank() || code.length() > 20) {
            throw new InvalidInputException("statistics.area.invalid");
        }
    }

    public static Area region(String code) {
        return new Area(Level.REGION, code);
    }

    public static Area organisation(String code) {
        return new Area(Level.ORGANISATION, code);
    }

    /** For the audit trail and file names: NATIONAL, R:ALM, O:ALM-CC. */
    public String key() {
        return switch (level) {
            case NATIONAL -> "NATIONAL";
            case REGION -> "R:" + code;
            case ORGANISATION -> "O:" + code;
        };
    }
}
