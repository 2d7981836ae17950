package io.rectify.render;

import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.DocumentInfo;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.document.OfficialDocument.Signature;
import io.rectify.document.OfficialDocument.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Documents for the renderer's tests: the reference bulletin and generated stress documents. */
public final class TestDocuments {

    public static final String REFERENCE_TITLE = "中共泉州市洛江区委关于巡视整改进展情况的通报";

    private TestDocuments() {}

    /** What the composer does before the renderer sees the text: half-width ,():; become full-width. */
    public static String fullWidth(String s) {
        return s.replace(',', '，').replace('(', '（').replace(')', '）').replace(':', '：').replace(';', '；');
    }

    public static List<String> referenceLines() {
        try (InputStream in = TestDocuments.class.getResourceAsStream("/reference/luojiang-2025-12-25.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reference bulletin: line 1 the opening paragraph, 一、 lines level 1, (一) lines level 2, everything else
     * paragraphs; the last two lines are the 署名 and the date 2025-12-25.
     */
    public static OfficialDocument referenceBulletin() {
        List<String> lines = referenceLines();
        List<Block> body = new ArrayList<>();
        for (String raw : lines.subList(0, lines.size() - 2)) {
            String line = fullWidth(raw);
            if (line.matches("^[一二三四五六七八九十]+、.*")) {
                body.add(new Heading(1, line));
            } else if (line.matches("^（[一二三四五六七八九十]+）.*")) {
                body.add(new Heading(2, line));
            } else {
                body.add(new Paragraph(line));
            }
        }
        String organ = lines.get(lines.size() - 2);
        return document(REFERENCE_TITLE, body, organ, LocalDate.of(2025, 12, 25));
    }

    public static OfficialDocument document(String title, List<Block> body, String organ, LocalDate date) {
        return new OfficialDocument(
                new DocumentInfo(title, organ, "巡视整改进展情况", List.of("巡视整改", "通报"), date),
                null, null, title, null, body, List.of(), new Signature(organ, date), null);
    }

    /** 1,000 characters of body text with punctuation, digits and Latin words mixed in. */
    public static String longParagraph(int length) {
        String[] pieces = {"深入学习贯彻习近平新时代中国特色社会主义思想，", "2025年1-7月完成规上工业单位增加值能耗下降16.6%、",
                "排名全市第2。", "PM2.5平均浓度较2023年同期下降13.3%，", "“两个确立”“两个维护”", "（暂行）",
                "联系电话：0595-22637375；", "电子邮箱：ljqwdcs@163.com。", "推动《关于进一步规范扶持企业优惠政策有关事项的通知》落实，",
                "AI智能导办平台获评全市赋能营商环境十大数字化应用；", "坚持“当下改”与“长久立”相结合……", "做到两手抓、两促进。"};
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (sb.length() < length) {
            sb.append(pieces[i++ % pieces.length]);
        }
        sb.setLength(length - 1);
        sb.append('。');
        return sb.toString();
    }

    /** A stress document: a long title, a 1,000-character paragraph, many headings, mixed digits and Latin, a table. */
    public static OfficialDocument stress() {
        List<Block> body = new ArrayList<>();
        body.add(new Paragraph(longParagraph(1000)));
        String[] cn = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        for (int h = 0; h < 6; h++) {
            body.add(new Heading(1, cn[h] + "、关于第" + (h + 1) + "部分的工作情况和下一步打算"));
            for (int s = 0; s < 2; s++) {
                body.add(new Heading(2, "（" + cn[s] + "）落实2025年度第" + (s + 1) + "季度重点任务方面"));
                body.add(new Heading(3, (s + 1) + ".持续推进PM2.5和PM10联防联控，目标值为35μg以下"));
                body.add(new Heading(4, "（" + (s + 1) + "）完善Excel台账与CSV导入校验"));
                body.add(new Paragraph(longParagraph(60 + 37 * h + 11 * s)));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r <= 30; r++) {
            rows.add(List.of(String.valueOf(r), "第" + r + "项整改措施：加快推进城中村污水管网改造项目建设，完成验收", "区住建局",
                    r % 3 == 0 ? "已完成" : "推进中", (50 + r) + ".5%"));
        }
        body.add(new Table("表1 整改措施进展情况", List.of("序号", "整改措施", "责任单位", "状态", "完成率"), rows,
                List.of(1, 6, 2, 2, 2)));
        body.add(new Paragraph("以上情况，特此通报。"));
        return document("中共泉州市洛江区委关于2025年第三季度巡视整改持续推进情况暨下一步重点工作安排的通报", body,
                "中共泉州市洛江区委", LocalDate.of(2025, 10, 8));
    }

    /** A document with every optional part: 版头, marking, 主送, attachments, 版记, and names outside Fandol. */
    public static OfficialDocument withMasthead() {
        LocalDate date = LocalDate.of(2025, 7, 1);
        List<Block> body = List.of(
                new Paragraph("为深入贯彻落实省委巡视反馈意见，经研究，现就有关事项通知如下。"),
                new Heading(1, "一、总体要求"),
                new Paragraph("请朱镕基、王喆、李堃同志牵头，各单位于2025年7月15日前报送整改进展情况，并抄送区委巡视整改办公室。"),
                new Heading(1, "二、工作安排"),
                new Paragraph("各单位要高度重视，认真组织实施。"));
        return new OfficialDocument(
                new DocumentInfo("关于做好巡视整改进展情况报送工作的通知", "中共泉州市洛江区委办公室", "巡视整改",
                        List.of("巡视整改", "通知"), date),
                new OfficialDocument.Masthead("000001", "秘密★1年", "特急", "中共泉州市洛江区委办公室文件", "泉洛委办发〔2025〕8号"),
                "内部资料",
                "关于做好巡视整改进展情况报送工作的通知",
                "各乡镇党委，区直各单位党组（党委）：",
                body,
                List.of(OfficialDocument.Attachment.named("巡视整改进展情况报送表"),
                        OfficialDocument.Attachment.named("巡视整改工作联系人名单（请各单位于2025年7月10日前报送区委巡视整改办公室）")),
                new Signature("中共泉州市洛江区委办公室", date),
                new OfficialDocument.Colophon("区委各常委，区人大常委会、区政府、区政协党组，区纪委监委", "中共泉州市洛江区委办公室", date));
    }
}
