package io.rectify.cli;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;

import freemarker.template.Configuration;
import freemarker.template.Template;

import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.DocumentInfo;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.document.OfficialDocument.Signature;
import io.rectify.document.OfficialDocument.Table;
import io.rectify.ledger.importer.LedgerSources;
import io.rectify.ledger.importer.XlsxSource;
import io.rectify.render.OfficialFormatRenderer;
import io.rectify.render.word.WordWriter;

/**
 * {@code import} runs on one thread from the JVM's start to the draft written: Spring, the workbook, the import, then
 * the draft (FreeMarker, the faces, OpenPDF, POI's .docx), each loading and initializing its classes for the first
 * time in the process. Meanwhile the machine's second core idles. This thread does each of those once, in memory, on
 * the workbook (read, not changed) and on a scratch document, while Spring starts: the real work then finds its
 * classes initialized and the faces loaded (they are kept once per JVM, {@code FontSet}). Nothing it makes is kept
 * or written; a failure is ignored: the real work does the same and reports it.
 */
final class WarmUp {

    private static final long MAX_WORKBOOK = 4L << 20;

    private WarmUp() {}

    /** Starts the warm-up of an import of {@code file}; {@code draft}: also what making the draft needs. */
    static Thread forImport(Path file, boolean draft) {
        Thread t = new Thread(() -> {
            try {
                // the classes are the point, not the data: a big workbook is not read twice
                if (LedgerSources.format(file) == LedgerSources.Format.XLSX && Files.size(file) <= MAX_WORKBOOK) {
                    workbook(file);
                }
                if (!draft) return;
                OfficialDocument doc = scratch();
                new OfficialFormatRenderer().render(doc);
                new WordWriter().write(doc);
                templates();
            } catch (Throwable e) { // nothing to report: the real work meets the same and says so
                LoggerFactory.getLogger(WarmUp.class).debug("warm-up stopped: {}", e.toString());
            }
        }, "warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void workbook(Path file) {
        // before Spring has set the log levels, POI would print a hostile workbook's XML error with its stack trace on
        // the secretary's terminal: silence it as application.properties does (logging.level...XMLHelper=OFF)
        if (LoggerFactory.getLogger("org.apache.poi.util.XMLHelper") instanceof ch.qos.logback.classic.Logger poi) {
            poi.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        try (XlsxSource source = XlsxSource.open(file)) {
            for (String sheet : source.sheetNames()) {
                int[] rows = {0};
                source.read(sheet, row -> ++rows[0] < 20);
            }
        }
    }

    private static void templates() throws Exception {
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        new Template("warm-up", "<#list items as i>${i?string(\"0.0\")}%<#sep>、</#list>", config)
                .process(Map.of("items", List.of(1, 2)), new StringWriter());
    }

    /** A page of what a bulletin has: headings of each level, paragraphs with digits and marks, a table. */
    private static OfficialDocument scratch() {
        List<Block> body = new ArrayList<>();
        body.add(new Paragraph("按照省委巡视工作统一部署，2025年1-7月整改完成率为86.5%（“当下改”与“长久立”相结合）。"));
        body.add(new Heading(1, "一、组织整改落实情况"));
        body.add(new Heading(2, "（一）强化责任落实"));
        body.add(new Heading(3, "1.完善工作机制"));
        body.add(new Paragraph("联系电话：0595-22637375；电子邮箱：ljqwdcs@163.com。"));
        List<List<String>> rows = List.of(List.of("1", "推进城中村污水管网改造", "区住建局", "已完成"),
                List.of("2", "规范扶持企业优惠政策", "区发改局", "推进中"));
        body.add(new Table("表1 整改措施进展情况", List.of("序号", "整改措施", "责任单位", "状态"), rows, List.of(1, 6, 2, 2)));
        LocalDate date = LocalDate.of(2025, 12, 25);
        String organ = "中共泉州市洛江区委";
        return new OfficialDocument(new DocumentInfo("关于巡视整改进展情况的通报", organ, "巡视整改", List.of("通报"), date),
                null, null, "关于巡视整改进展情况的通报", null, body, List.of(), new Signature(organ, date), null);
    }
}
