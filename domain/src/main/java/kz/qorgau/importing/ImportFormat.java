package kz.qorgau.importing;

import java.util.Locale;
import java.util.Optional;

/** The file formats an import reads, told by the file name's extension. */
public enum ImportFormat {
    CSV, XLSX;

    public static Optional<ImportFormat> ofFileName(String fileName) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }
}
