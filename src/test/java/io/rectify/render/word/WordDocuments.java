package io.rectify.render.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import io.rectify.document.DocumentMarkup;
import io.rectify.document.OfficialDocument;

/** Reading a .docx and a PDF back as text, for comparing the two; and a brief-like document with tables and a chart. */
public final class WordDocuments {

    private WordDocuments() {}

    /** The text of the body in reading order: paragraphs, and table cells row by row. */
    public static List<String> paragraphs(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> out = new ArrayList<>();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    out.add(p.getText());
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) out.add(cell.getText());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body's text, folded. */
    public static String docxText(byte[] docx) {
        return fold(String.join("", paragraphs(docx)));
    }

    /** Whitespace and line breaks removed. */
    public static String fold(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * The PDF's text, whitespace and page numbers (— 3 —) removed, and the table headers that the PDF repeats at
     * the top of a page (right after the previous page's number) dropped: Word repeats them by itself.
     */
    public static String pdfText(byte[] pdf, OfficialDocument model) {
        List<String> headers = new ArrayList<>();
        List<OfficialDocument.Block> blocks = new ArrayList<>(model.body());
        model.attachments().forEach(a -> blocks.addAll(a.body()));
        for (OfficialDocument.Block b : blocks) {
            if (b instanceof OfficialDocument.Table t) headers.add(String.join("", t.header()));
        }
        return pdfText(pdf, headers);
    }

    /** As above, with the header rows given as the text of their cells. */
    public static String pdfText(byte[] pdf, List<String> tableHeaders) {
        String s;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            s = fold(new PDFTextStripper().getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String header : tableHeaders) {
            s = s.replaceAll("—\\d+—" + Pattern.quote(fold(header)), "—0—");
        }
        return s.replaceAll("—\\d+—", "");
    }

    /** A brief in miniature: marking, tables (one across pages), a chart, signature, two 附件 (one across pages). */
    public static OfficialDocument brief() {
        StringBuilder m = new StringBuilder();
        m.append("marking: 内部资料\n");
        m.append("title: 泉州市洛江区委巡视整改2025年第四季度进展情况汇报\n");
        m.append("subject: 巡视整改季度专题会议汇报材料\nkeywords: 巡视整改, 季度专题会议\n");
        m.append("p: 按照“后续整改阶段每季度召开1次专题会议”的要求,现将截至2025年12月31日巡视整改进展情况汇报如下。\n");
        m.append("h1: 一、总体进展\n");
        m.append("p: 省委第二巡视组于2025年2月21日反馈巡视意见,反馈问题66个,细化整改措施189项。\n");
        m.append("table: 表1 整改措施总体情况\ncols: 4, 3, 3, 3\nth: 项目 | 本季度末 | 上季度末 | 变化\n");
        m.append("tr: 整改措施(项) | 189 | 189 | 0\ntr: 已完成(项) | 150 | 120 | +30\ntr: 完成率(%) | 79.4 | 63.5 | +15.9\n");
        m.append("h1: 二、各方面整改进展\n");
        m.append("chart: 图1 各方面整改措施进展(项) | 已完成 | 长期坚持 | 推进中\n");
        m.append("bar: (一)落实党中央决策部署方面 | 30 | 3 | 2\nbar: (二)群众身边腐败问题方面 | 25 | 1 | 6\n");
        m.append("h2: (一)落实党中央决策部署方面\n");
        m.append("table: 表2 逐项问题整改措施完成情况\ncols: 2, 8, 2, 3, 3\nth: 序号 | 反馈问题 | 措施 | 已完成 | 推进中\n");
        for (int i = 1; i <= 40; i++) {
            m.append("tr: ").append(i).append(" | 第").append(i).append("个问题：城中村污水管网改造项目建设推进不及时，验收滞后 | 3 | 2 | 1\n");
        }
        m.append("h2: (二)群众身边腐败问题方面\n");
        m.append("h3: 1.基层监督\n");
        m.append("h4: (1)村级财务\n");
        m.append("p: 本方面整改措施35项,已完成25项。\n");
        m.append("signature: 中共泉州市洛江区委巡视整改工作领导小组办公室\ndate: 2025-12-31\n");
        m.append("annex: 各责任单位整改措施完成情况\n");
        m.append("p: 31个责任单位按应完成整改措施的完成率排列如下。\n");
        m.append("table:\ncols: 2, 8, 3, 3\nth: 排名 | 责任单位 | 应完成 | 已完成\n");
        for (int i = 1; i <= 30; i++) m.append("tr: ").append(i).append(" | 区第").append(i).append("责任单位 | 12 | 10\n");
        m.append("annex: 长期坚持的整改措施及最新进展\n");
        m.append("p: 长期坚持的整改措施29项,最新进展见台账。\n");
        return DocumentMarkup.parse(m.toString(), "brief-test");
    }
}
