package kz.qorgau.web.lists;

import org.primefaces.model.StreamedContent;

import java.io.Serializable;

/**
 * The export a list page started, as the page's view keeps it. Its file lives on the node that wrote it, so when the
 * user's session moves to another node (hers stopped) the export stays behind; what moves is which export it was,
 * so that the page says it is gone and she starts it again, instead of the export silently vanishing.
 */
public final class PageExport implements Serializable {

    private transient ListExport export;
    private String started;

    /** The page's new export, in place of the one before (whose file is deleted). */
    void replace(ListExport next) {
        discard();
        export = next;
        started = next.getFormat();
    }

    /** The export this page started here, or none. */
    public ListExport current() {
        return export;
    }

    /** The format of an export this page started on another node, now out of reach; null when none is. */
    public String lostFormat() {
        return export == null ? started : null;
    }

    /** The finished file; none when the export was lost with its node (the page then says so). */
    public StreamedContent download() {
        return export == null ? null : export.download();
    }

    /** Deletes the file, and forgets the export. */
    public void discard() {
        if (export != null) {
            export.discard();
            export = null;
        }
        started = null;
    }
}
