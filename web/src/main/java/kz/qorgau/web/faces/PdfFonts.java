package kz.qorgau.web.faces;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;

/** The fonts every PDF of Qorgau embeds: Liberation Sans, which has the Cyrillic and Kazakh letters. */
public final class PdfFonts {

    private static final String REGULAR = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "liberation/LiberationSans-Bold.ttf";

    private PdfFonts() {
    }

    public static BaseFont regular() throws IOException {
        return font(REGULAR);
    }

    public static BaseFont bold() throws IOException {
        return font(BOLD);
    }

    private static BaseFont font(String resource) throws IOException {
        try (var in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font missing: " + resource);
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        }
    }
}
