package kz.qorgau.web.errors;

import kz.qorgau.shared.Scrubbed;

import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Where failures are written down, each under a reference id that the user is shown on the page (or in the API's
 * answer) and can quote to her administrator. A failure's message may repeat what was typed or stored (a name in a
 * refused row, a value in a converter's complaint), so the log gets its types and stack only, never a message.
 */
public final class ErrorLog {

    private static final Logger LOG = Logger.getLogger(ErrorLog.class.getName());
    /** No 0/O or 1/I: read out over the phone. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final Pattern REFERENCE = Pattern.compile("Q-[2-9A-HJ-NP-Z]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorLog() {
    }

    /** A fresh reference id, such as {@code Q-7K3M9X2P}. */
    public static String newReference() {
        StringBuilder id = new StringBuilder("Q-");
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Whether a text (from a URL) is a reference id, so that a page never shows anything else in its place. */
    public static boolean isReference(String text) {
        return text != null && REFERENCE.matcher(text).matches();
    }

    /** A failure nobody expected: its types and stack under a new reference id, which is returned. */
    public static String unexpected(String where, Throwable failure) {
        String reference = newReference();
        Throwable scrubbed = withoutMessages(failure);
        Throwable root = scrubbed;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        LOG.log(Level.SEVERE, "Unexpected error " + reference + " in " + where + ": " + root, scrubbed);
        return reference;
    }

    /**
     * A refusal shown on a page (not found, no access): one line, so that a quoted reference can be found. Not for
     * what no one reads (the browser's own request for {@code favicon.ico}, say): files other than pages are not written
     * down.
     */
    public static String refused(int status, String path) {
        String reference = newReference();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (!last.contains(".") || last.endsWith(".xhtml")) {
            LOG.info(() -> "Page answered " + status + " (" + reference + ") for " + path);
        }
        return reference;
    }

    /** The failure and its causes as types and stacks alone ({@link Scrubbed}). */
    public static Throwable withoutMessages(Throwable failure) {
        return Scrubbed.of(failure);
    }
}
