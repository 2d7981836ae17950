package io.rectify.render;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Consumer;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * What makes the same document give the same bytes: the document information with a date taken from the document,
 * the seed of the fonts' subset tags, and the file identifier.
 */
final class ReproducibleOutput {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final byte[] ID_KEY = "/ID [<".getBytes(StandardCharsets.ISO_8859_1);

    private ReproducibleOutput() {
    }

    /** Title, author, subject, keywords, creator and language; call before the document is opened. */
    static void writeInfo(Document pdf, PdfWriter writer, OfficialDocument doc) {
        OfficialDocument.DocumentInfo info = doc.info();
        if (info.title() != null) {
            pdf.addTitle(info.title());
        }
        if (info.author() != null) {
            pdf.addAuthor(info.author());
        }
        if (info.subject() != null) {
            pdf.addSubject(info.subject());
        }
        if (!info.keywords().isEmpty()) {
            pdf.addKeywords(String.join(", ", info.keywords()));
        }
        pdf.addCreator("Rectify");
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
    }

    /**
     * The creation and modification dates: the document's own date (else its signature's), midnight in Beijing;
     * call after the document is opened, which sets them to now.
     */
    static void writeInfoDates(PdfWriter writer, OfficialDocument doc) {
        LocalDate created = created(doc);
        GregorianCalendar cal = new GregorianCalendar(TimeZone.getTimeZone(ZONE), Locale.ROOT);
        cal.clear();
        cal.set(created.getYear(), created.getMonthValue() - 1, created.getDayOfMonth(), 0, 0, 0);
        PdfDate date = new PdfDate(cal);
        writer.getInfo().put(PdfName.CREATIONDATE, date);
        writer.getInfo().put(PdfName.MODDATE, date);
    }

    /** The date the document is dated: its own, else its signature's; midnight of it in {@link #ZONE}. */
    static LocalDate created(OfficialDocument doc) {
        return doc.info().created() != null ? doc.info().created()
                : doc.signature() != null && doc.signature().date() != null ? doc.signature().date()
                : LocalDate.of(2000, 1, 1);
    }

    static ZonedDateTime createdAt(OfficialDocument doc) {
        return created(doc).atStartOfDay(ZONE);
    }

    /** A 64-bit FNV-1a fingerprint of everything the document prints: seeds the subset tags. */
    static long seed(OfficialDocument doc) {
        long[] h = {0xcbf29ce484222325L};
        Consumer<Object> add = o -> {
            String s = String.valueOf(o);
            for (int i = 0; i < s.length(); i++) {
                h[0] = (h[0] ^ s.charAt(i)) * 0x100000001b3L;
            }
            h[0] = (h[0] ^ 0x1F) * 0x100000001b3L;
        };
        add.accept(doc.info());
        add.accept(doc.masthead());
        add.accept(doc.marking());
        add.accept(doc.title());
        add.accept(doc.addressee());
        for (Block b : doc.body()) {
            add.accept(b);
        }
        add.accept(doc.attachments());
        add.accept(doc.signature());
        add.accept(doc.colophon());
        return h[0];
    }

    /**
     * Replaces the random file identifier that OpenPDF writes in the trailer ({@code /ID [<32 hex><32 hex>]}) by
     * the MD5 of the file's other bytes, both halves the same (a new file). Same length, so no offset moves.
     */
    static byte[] fixFileId(byte[] pdf) {
        int at = lastIndexOf(pdf, ID_KEY);
        if (at < 0) {
            return pdf;
        }
        int first = at + ID_KEY.length;
        int second = first + 32 + 2;
        if (second + 32 > pdf.length || pdf[first + 32] != '>' || pdf[first + 33] != '<') {
            return pdf;
        }
        Arrays.fill(pdf, first, first + 32, (byte) '0');
        Arrays.fill(pdf, second, second + 32, (byte) '0');
        byte[] d = DigestUtils.md5(pdf);
        byte[] hex = HexFormat.of().withUpperCase().formatHex(d).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(hex, 0, pdf, first, 32);
        System.arraycopy(hex, 0, pdf, second, 32);
        return pdf;
    }

    private static int lastIndexOf(byte[] data, byte[] key) {
        outer:
        for (int i = data.length - key.length; i >= 0; i--) {
            for (int j = 0; j < key.length; j++) {
                if (data[i + j] != key[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
