package kz.qorgau.web.lists;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A list page's export when the user's session moves to another node: the file stays behind, the page says so. */
class PageExportTest {

    @TempDir
    Path dir;

    private static PageExport moved(PageExport page) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(page); // as the Data Grid keeps the view
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PageExport) in.readObject();
        }
    }

    @Test
    void onTheNodeThatMadeItTheExportIsThereAndNothingIsLost() throws Exception {
        PageExport page = new PageExport();
        assertThat(page.lostFormat()).isNull();
        ListExport job = new ListExport(ListFiles.Format.CSV, "orders.csv", 3, true, Files.createFile(dir.resolve("a.csv")));
        page.replace(job);
        assertThat(page.current()).isSameAs(job);
        assertThat(page.lostFormat()).isNull();
    }

    @Test
    void onAnotherNodeThePageKnowsWhichExportWasLostAndOffersNoFile() throws Exception {
        PageExport page = new PageExport();
        page.replace(new ListExport(ListFiles.Format.XLSX, "cases.xlsx", 3, true, Files.createFile(dir.resolve("a.xlsx"))));

        PageExport elsewhere = moved(page);

        assertThat(elsewhere.current()).isNull();
        assertThat(elsewhere.lostFormat()).isEqualTo("XLSX");
        assertThat(elsewhere.download()).isNull();
        elsewhere.discard(); // she starts another export, or leaves the page
        assertThat(elsewhere.lostFormat()).isNull();
    }

    @Test
    void aNewExportDeletesTheFileOfTheOneBefore() throws Exception {
        Path first = Files.createFile(dir.resolve("first.csv"));
        PageExport page = new PageExport();
        page.replace(new ListExport(ListFiles.Format.CSV, "orders.csv", 3, true, first));
        page.replace(new ListExport(ListFiles.Format.XLSX, "orders.xlsx", 3, true, Files.createFile(dir.resolve("second.xlsx"))));
        assertThat(first).doesNotExist();
        assertThat(page.current().getFormat()).isEqualTo("XLSX");
        page.discard();
        assertThat(dir.resolve("second.xlsx")).doesNotExist();
        assertThat(page.current()).isNull();
    }
}
