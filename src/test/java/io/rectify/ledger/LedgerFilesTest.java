package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.ledger.importer.Cell;
import io.rectify.ledger.importer.LedgerValidator;
import io.rectify.ledger.importer.ValueType;
import io.rectify.testsupport.WorkbookParts;

/** Reading and checking ledger files, without a database: formats, encodings, every rule, hostile files. */
class LedgerFilesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final RoundFacts KNOWN = new RoundFacts(7, "town-2025", "巡察", "区委", "区委第一巡察组", "某某镇党委", "镇党委",
            LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 1), "中共某某镇委员会", null, null, null, true);

    @TempDir
    Path dir;

    LedgerValidator validator() {
        return new LedgerValidator(new LedgerValidator.Existing() {
            @Override
            public Optional<RoundFacts> round(String code) { return code.equals(KNOWN.code()) ? Optional.of(KNOWN) : Optional.empty(); }

            @Override
            public Map<Integer, String> sections(long roundId) { return Map.of(1, "落实上级部署方面"); }
        }, TODAY);
    }

    List<String> problems(Path file, String round) {
        return validator().validate(file, round).problems().lines();
    }

    @Test
    void datesAreReadInTheFormsPeopleType() {
        LocalDate d = LocalDate.of(2025, 3, 31);
        for (String s : List.of("2025-03-31", "2025-3-31", "2025年3月31日", "2025.3.31", "2025/3/31", " 2025/03/31 ",
                "２０２５年３月３１日", "20250331", "2025-03-31 00:00:00", "2025年 3月 31日")) {
            assertThat(ValueType.date(Cell.text(s))).as(s).contains(d);
        }
        assertThat(ValueType.date(Cell.of("45747", Cell.Type.NUMBER))).contains(d); // an Excel serial number
        assertThat(ValueType.date(Cell.of("2025-03-31", Cell.Type.DATE))).contains(d);
        for (String s : List.of("2025-02-30", "2025-13-01", "明年三月", "3/31/2025", "2025年3月", "31.3.2025")) {
            assertThat(ValueType.date(Cell.text(s))).as(s).isEmpty();
        }
    }

    @Test
    void statusesAndKindsByTheirChineseNames() {
        assertThat(MeasureStatus.parse("已完成")).contains(MeasureStatus.COMPLETED);
        assertThat(MeasureStatus.parse(" 推进中 ")).contains(MeasureStatus.IN_PROGRESS);
        assertThat(MeasureStatus.parse("持续推进")).contains(MeasureStatus.ONGOING);
        assertThat(MeasureStatus.parse("未启动")).contains(MeasureStatus.NOT_STARTED);
        assertThat(MeasureStatus.parse("差不多")).isEmpty();
        assertThat(MeasureKind.parse("立行立改")).contains(MeasureKind.IMMEDIATE);
        assertThat(MeasureKind.parse("限期整改")).contains(MeasureKind.TIME_BOUND);
        assertThat(MeasureKind.parse("长期坚持")).contains(MeasureKind.LONG_TERM);
        // the words offices use besides the labels, and the names
        assertThat(MeasureStatus.parse("整改中")).contains(MeasureStatus.IN_PROGRESS);
        assertThat(MeasureStatus.parse("持续整改")).contains(MeasureStatus.ONGOING);
        assertThat(MeasureKind.parse("持续整改")).contains(MeasureKind.LONG_TERM);
        assertThat(MeasureKind.parse("time_bound")).contains(MeasureKind.TIME_BOUND);
    }

    @Test
    void workEventCategoriesAreTheOnesTheBulletinCounts() {
        assertThat(WorkEventCategory.of("调度")).contains(WorkEventCategory.DISPATCH_MEETING);
        assertThat(WorkEventCategory.stored(" 实地复核 ")).isEqualTo("RECHECK");
        assertThat(WorkEventCategory.stored("MECHANISM")).isEqualTo("MECHANISM");
        assertThat(WorkEventCategory.stored("追缴资金（万元）")).isEqualTo("追缴资金（万元）");
        assertThat(WorkEventCategory.written("DISPATCH_MEETING")).isEqualTo("调度");
        assertThat(WorkEventCategory.fixed("追缴资金（万元）")).isFalse();
    }

    @Test
    void onsiteDatesMayBeWrittenAsAPartOfAMonthButNotTheFeedbackDate() {
        List<List<Object>> round = LedgerFixtures.roundSheet("town-2026");
        round.set(5, List.of("进驻开始", "2025年3月中旬"));
        round.set(6, List.of("进驻结束", "２０２５年４月底"));
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("轮次", round);
        sheets.put("台账", LedgerFixtures.ledgerMonth1());
        LedgerValidator.Result r = validator().validate(LedgerFixtures.workbook(dir.resolve("coarse.xlsx"), sheets), null);
        assertThat(r.problems().lines()).isEmpty();
        assertThat(r.round().onsiteStart()).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(r.round().onsiteStartPart()).isEqualTo("中旬");
        assertThat(r.round().onsiteEnd()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(r.round().onsiteEndPart()).isEqualTo("底");

        round.set(6, List.of("进驻结束", "2025年4月中下旬"));
        round.set(7, List.of("反馈日期", "2025年6月上旬"));
        Path bad = LedgerFixtures.workbook(dir.resolve("coarse-bad.xlsx"), sheets);
        assertThat(problems(bad, null)).containsExactly(
                "coarse-bad.xlsx:轮次:第7行:进驻结束:“2025年4月中下旬”不是日期(可写2025-03-31、2025年3月31日、2025.3.31或2025/3/31),"
                        + "也可写作2022年9月中旬(上旬、中旬、下旬、初、底)",
                "coarse-bad.xlsx:轮次:第8行:反馈日期:“2025年6月上旬”不是日期(可写2025-03-31、2025年3月31日、2025.3.31或2025/3/31)");
    }

    @Test
    void aGoodWorkbookHasNoProblems() {
        Path file = LedgerFixtures.standard(dir.resolve("good.xlsx"), "town-2026", LedgerFixtures.ledgerMonth1());
        LedgerValidator.Result r = validator().validate(file, null);
        assertThat(r.problems().lines()).isEmpty();
        assertThat(r.measureRows()).isEqualTo(6);
        assertThat(r.roundCode()).isEqualTo("town-2026");
        assertThat(r.problemDrafts()).hasSize(3);
        assertThat(r.problemDrafts().get("学习贯彻上级精神不够深入").statement).isEqualTo("制定理论学习计划,每月开展集中学习。");
        assertThat(r.sections()).extracting(s -> s.title + s.seq).containsExactly("落实上级部署方面1", "全面从严治党方面2");
        assertThat(r.events()).hasSize(3);
        assertThat(r.leaders()).hasSize(2);
        assertThat(r.round().deployedBy()).isEqualTo("区委");
        assertThat(r.round().shortName()).isEqualTo("镇党委");
        assertThat(r.round().onsiteEnd()).isEqualTo(LocalDate.of(2025, 4, 15));
    }

    @Test
    void everyRuleIsReportedAsOneLineAndAllOfThemInOnePass() {
        List<List<Object>> ledger = new ArrayList<>();
        ledger.add(List.of((Object[]) LedgerFixtures.LEDGER_HEADER));
        String s1 = "（一）落实上级部署方面";
        String p1 = "问题一";
        ledger.add(LedgerFixtures.row(1, s1, p1, "措施", "镇长", "镇党政办", "2025-09-30", "限期整改", "差不多", "", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(2, s1, p1, "措施", "镇长", "镇党政办", "明年", "限期整改", "", "", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(3, s1, p1, "措施", "镇长", "", "2025-09-30", "限期整改", "", "", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(4, s1, p1, "措施", "镇长", "镇党政办", "2025-05-01", "限期整改", "", "", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(1, s1, p1, "措施", "镇长", "镇党政办", "2025-09-30", "限期整改", "", "", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(6, s1, p1, "措施", "镇长", "镇党政办", "2025-09-30", "限期整改", "已完成", "", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(7, s1, p1, "措施", "镇长", "镇党政办", "2025-09-30", "马上改", "", "", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(8, s1, p1, "措施", "镇长", "镇党政办", "2025-09-30", "限期整改", "推进中", "在推进", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(9, s1, p1, "措施", "镇长", "镇党政办", "2025-09-30", "限期整改", "推进中", "", "2099-01-01", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(10, "（二）全面从严治党方面", p1, "措施", "镇长", "镇党政办", "2025-09-30", "限期整改", "", "", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(11, s1, p1, "措施", "镇长", "镇党政办", "2025-09-30", "限期整改", "已完成", "", "2025-07-31", "2025-08-01", "", "", "", ""));
        ledger.add(LedgerFixtures.row("十二", s1, p1, "措施", "镇长", "镇党政办", "2025-09-30", "限期整改", "推进中", "", "2025-07-31", "2025-07-01", "也许", "", "", ""));
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        List<List<Object>> round = LedgerFixtures.roundSheet("town-2026");
        round.set(2, List.of("巡视类型", "视察"));
        sheets.put("轮次", round);
        sheets.put("台账", ledger);
        List<List<Object>> events = LedgerFixtures.eventsSheet();
        events.add(List.of("2025-07-01", "聚餐{次}", "两次", ""));
        sheets.put("工作情况", events);
        List<List<Object>> leaders = LedgerFixtures.leadersSheet();
        leaders.add(List.of("王五", "", "not-an-email"));
        leaders.add(List.of("赵六", "", "zhangsan@example.org"));
        sheets.put("领导", leaders);
        Path file = LedgerFixtures.workbook(dir.resolve("bad.xlsx"), sheets);

        List<String> lines = problems(file, null);
        assertThat(lines).containsExactly(
                "bad.xlsx:轮次:第3行:巡视类型:“视察”既不是巡视也不是巡察",
                "bad.xlsx:台账:第2行:完成情况:未知的完成情况“差不多”:应为未启动、推进中、已完成或持续推进",
                "bad.xlsx:台账:第3行:整改时限:“明年”不是日期(可写2025-03-31、2025年3月31日、2025.3.31或2025/3/31)",
                "bad.xlsx:台账:第4行:责任单位:缺少责任单位",
                "bad.xlsx:台账:第5行:整改时限:2025-05-01早于反馈日期2025-06-01",
                "bad.xlsx:台账:第6行:序号:序号1重复(第2行已有)",
                "bad.xlsx:台账:第7行:完成情况:已完成但没有完成日期:请填写完成日期或进展日期",
                "bad.xlsx:台账:第8行:措施类型:未知的措施类型“马上改”:应为立行立改、限期整改或长期坚持",
                "bad.xlsx:台账:第9行:进展日期:缺少进展日期:推进中要写汇报日期",
                "bad.xlsx:台账:第10行:进展日期:2099-01-01晚于今天(2026-01-15)",
                "bad.xlsx:台账:第11行:反馈问题:该反馈问题在第2行属于方面“落实上级部署方面”;一个问题只属于一个方面",
                "bad.xlsx:台账:第12行:完成日期:2025-08-01晚于进展日期2025-07-31",
                "bad.xlsx:台账:第13行:序号:“十二”不是正整数",
                "bad.xlsx:台账:第13行:完成日期:填了完成日期,但完成情况是推进中(只有已完成的措施才有完成日期)",
                "bad.xlsx:台账:第13行:实地复核:“也许”应为是或否",
                "bad.xlsx:工作情况:第5行:类别:类别“聚餐{次}”不能含有{ } : $ 等符号(它要在文稿中写作{类别})",
                "bad.xlsx:工作情况:第5行:次数:“两次”不是次数或数额(0或正数,最多4位小数,如3、7.132)",
                "bad.xlsx:领导:第4行:电子邮箱:“not-an-email”不是电子邮箱地址",
                "bad.xlsx:领导:第5行:电子邮箱:重复:zhangsan@example.org在第2行已有");
    }

    @Test
    void columnsAreFoundByTheirHeaderInAnyOrderWithTheUsualVariants() throws IOException {
        List<List<Object>> ledger = new ArrayList<>();
        ledger.add(List.of("洛江区巡视整改台账")); // a title row above the header
        ledger.add(List.of("*整改时限（日期）", "编号", "问题类别", "存在问题", "具体措施", "牵头领导", "牵头单位", "整改类型", "整改状态",
                "进展情况", "汇报日期", "备注"));
        ledger.add(List.of("2025-09-30", 1, "落实上级部署方面", "问题一", "措施一", "镇长", "镇党政办", "限期整改", "推进中", "推进中",
                "2025-06-30", "随便写"));
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("整改台账", ledger);
        sheets.put("轮次", LedgerFixtures.roundSheet("town-2026"));
        LedgerValidator.Result r = validator().validate(LedgerFixtures.workbook(dir.resolve("variants.xlsx"), sheets), null);
        assertThat(r.problems().lines()).isEmpty();
        assertThat(r.measureRows()).isEqualTo(1);
        assertThat(r.notes()).containsExactly("以下列未使用：备注");
    }

    @Test
    void aMissingColumnIsNamedWithTheHeadersThatWouldDo() {
        List<List<Object>> ledger = LedgerFixtures.ledgerMonth1();
        ledger.replaceAll(row -> { List<Object> r = new ArrayList<>(row); r.remove(5); return r; }); // no 责任单位
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("轮次", LedgerFixtures.roundSheet("town-2026"));
        sheets.put("台账", ledger);
        assertThat(problems(LedgerFixtures.workbook(dir.resolve("nounit.xlsx"), sheets), null)).containsExactly(
                "nounit.xlsx:台账:第1行:责任单位:缺少此列(表头写责任单位或牵头单位、责任部门、牵头部门)");
    }

    @Test
    void csvInUtf8AndGbkWithQuotesAndLineBreaks() throws IOException {
        List<List<Object>> ledger = LedgerFixtures.ledgerMonth2();
        ledger.set(3, LedgerFixtures.row(3, "（一）落实上级部署方面", "重点项目推进缓慢", "建立项目调度机制,\"每周一调度\"\n逐项销号", "镇长",
                "镇经济发展办", "2025年10月31日", "限期整改", "推进中", "调度办法已印发试行", "2025-07-31", "", "否", "镇长", "否", ""));
        String text = LedgerFixtures.csv(ledger);
        for (Map.Entry<String, byte[]> e : Map.of(
                "utf8.csv", text.getBytes(StandardCharsets.UTF_8),
                "utf8bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)),
                "gbk.csv", text.getBytes(Charset.forName("GBK"))).entrySet()) {
            Path file = Files.write(dir.resolve(e.getKey()), e.getValue());
            LedgerValidator.Result r = validator().validate(file, "town-2025");
            assertThat(r.problems().lines()).as(e.getKey()).isEmpty();
            assertThat(r.measureRows()).as(e.getKey()).isEqualTo(7);
            assertThat(r.problemDrafts().keySet()).as(e.getKey()).contains("重点项目推进缓慢", "学习贯彻上级精神不够深入");
        }
        Path unknown = Files.write(dir.resolve("x.csv"), text.getBytes(StandardCharsets.UTF_8));
        assertThat(problems(unknown, "nowhere")).containsExactly(
                "x.csv:未知的轮次“nowhere”:CSV 文件只能更新已有的轮次,请先导入该轮次的工作簿");
        Path latin = Files.write(dir.resolve("latin.csv"), new byte[] {(byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFF});
        assertThat(problems(latin, "town-2025")).containsExactly("latin.csv:文件既不是 UTF-8 也不是 GBK 编码的文本；"
                + "请在 Excel 中另存为“CSV UTF-8(逗号分隔)”或“CSV(逗号分隔)”后重新导入");
        Path unclosed = Files.writeString(dir.resolve("quote.csv"), String.join(",", LedgerFixtures.LEDGER_HEADER)
                + "\n1,\"（一）落实上级部署方面,问题\n", StandardCharsets.UTF_8);
        assertThat(problems(unclosed, "town-2025"))
                .contains("quote.csv:台账:第2行:方面:从这里开始的引号没有配对(少了一个\"):请补上引号后重新导入");
    }

    @Test
    void hostileFilesAreRefusedInOneLine() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.xlsx"), "序号,方面\n1,2\n");
        // each refusal in Chinese for the secretary, naming the file, the reason and what to do
        assertThat(problems(text, null)).containsExactly("notes.xlsx:不是 Excel 工作簿（.xlsx）：文件不是 zip 压缩包；"
                + "请在 Excel 中另存为 .xlsx 后重新导入（如果是 CSV 文件，请把文件名的扩展名改为 .csv）");
        Path xls = Files.write(dir.resolve("old.xlsx"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
                (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        assertThat(problems(xls, null)).containsExactly("old.xlsx:这是旧版 Excel 97-2003 文件（.xls）或其他旧格式文件，不能导入；"
                + "请在 Excel 中打开，另存为“Excel 工作簿(*.xlsx)”后重新导入");
        Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertThat(problems(empty, null)).containsExactly("empty.xlsx:文件是空的（0 字节）；请在 Excel 中重新保存台账后再导入");
        Path emptyCsv = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertThat(problems(emptyCsv, "town-2025")).containsExactly("empty.csv:文件是空的（0 字节）；请在 Excel 中重新保存台账后再导入");
        Path truncated = dir.resolve("truncated.xlsx");
        byte[] good = Files.readAllBytes(LedgerFixtures.standard(dir.resolve("g.xlsx"), "town-2026", LedgerFixtures.ledgerMonth1()));
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        assertThat(problems(truncated, null)).containsExactly(
                "truncated.xlsx:无法读取工作簿，文件可能已损坏或不完整；请在 Excel 中打开并另存为 .xlsx 后重新导入");
        Path workbookAsCsv = Files.write(dir.resolve("ledger.csv"), good);
        assertThat(problems(workbookAsCsv, "town-2025")).containsExactly(
                "ledger.csv:不是 CSV 文件：这是 zip 压缩包（多半是 Excel 工作簿）；请把文件名的扩展名改为 .xlsx 后重新导入");
        Path word = Files.write(dir.resolve("ledger.docx"), good);
        assertThat(problems(word, null)).containsExactly("ledger.docx:无法识别的文件类型：只能导入 Excel 工作簿（.xlsx）"
                + "或只含台账工作表的 CSV 文件（.csv）；请在 Excel 中另存为其中一种后重新导入");
        assertThat(problems(dir.resolve("gone.xlsx"), null)).containsExactly("gone.xlsx:找不到文件；请确认文件名和所在位置后重新导入");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        Path file = replaceLedgerSheet("bomb.xlsx", out -> {
            out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            char[] spaces = new char[1 << 20];
            Arrays.fill(spaces, ' ');
            for (int i = 0; i < 300; i++) out.write(spaces); // 300 MB of nothing, compressed a thousandfold
            out.write("</sheetData></worksheet>");
        });
        assertThat(Files.size(file)).isLessThan(2_000_000);
        assertThat(problems(file, null)).singleElement().asString()
                .isEqualTo("bomb.xlsx:不能导入：工作簿中有一部分解压后远大于压缩时的大小，或超过 1024 MB（疑似“zip 炸弹”）；"
                        + "请在 Excel 中重新保存台账后再导入");
    }

    @Test
    void aFiftyMegabyteCellIsRefusedWithoutReadingItIntoMemory() throws IOException {
        Random random = new Random(1);
        Path file = replaceLedgerSheet("bigcell.xlsx", out -> {
            out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            out.write("<row r=\"1\">");
            String[] header = LedgerFixtures.LEDGER_HEADER;
            for (int i = 0; i < header.length; i++) {
                out.write("<c r=\"" + (char) ('A' + i) + "1\" t=\"inlineStr\"><is><t>" + header[i] + "</t></is></c>");
            }
            out.write("</row><row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>");
            char[] chunk = new char[1 << 20];
            for (int i = 0; i < 50; i++) {
                for (int j = 0; j < chunk.length; j++) chunk[j] = (char) ('a' + random.nextInt(26));
                out.write(chunk);
            }
            out.write("</t></is></c></row></sheetData></worksheet>");
        });
        List<String> lines = problems(file, null);
        assertThat(lines).contains("bigcell.xlsx:台账:第2行:整改措施:单元格有52,428,800个字,最多10,000个字");

        Path csv = dir.resolve("bigcell.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(String.join(",", LedgerFixtures.LEDGER_HEADER) + "\n1,方面,问题,");
            char[] chunk = new char[1 << 20];
            Arrays.fill(chunk, 'x');
            for (int i = 0; i < 50; i++) w.write(chunk);
            w.write(",镇长,镇党政办,2025-09-30,限期整改,,,,,,,,\n");
        }
        assertThat(problems(csv, "town-2025"))
                .contains("bigcell.csv:台账:第2行:整改措施:单元格有52,428,800个字,最多10,000个字");
    }

    @Test
    void formulasGiveTheirSavedValueAndWithoutOneAreAProblem() {
        Path file = LedgerFixtures.standard(dir.resolve("f.xlsx"), "town-2026", LedgerFixtures.ledgerMonth1());
        Path withFormulas = LedgerFixtures.edit(file, dir.resolve("formulas.xlsx"), wb -> {
            var sheet = wb.getSheet("台账");
            sheet.getRow(2).getCell(0).setCellFormula("A2+1"); // saved value computed below
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            sheet.getRow(3).createCell(5).setCellFormula("\"镇\"&\"经济发展办\""); // no saved value
            sheet.getRow(4).getCell(3).setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(sheet.getRow(4).getCell(3));
        });
        assertThat(problems(withFormulas, null)).containsExactly(
                "formulas.xlsx:台账:第4行:责任单位:公式没有保存计算结果:请在 Excel 中打开文件重新保存,或改为粘贴数值",
                "formulas.xlsx:台账:第5行:整改措施:单元格是错误值#DIV/0!(公式计算出错):请改正后重新导入");
    }

    @Test
    void emptyAndMissingSheetsAreNamed() {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("轮次", LedgerFixtures.roundSheet("town-2026"));
        sheets.put("台账", List.of());
        assertThat(problems(LedgerFixtures.workbook(dir.resolve("e1.xlsx"), sheets), null)).containsExactly(
                "e1.xlsx:台账:-:-:工作表是空的:要有表头(序号、方面、反馈问题、整改措施、责任领导、责任单位、整改时限、"
                        + "措施类型、完成情况、整改进展、进展日期)和数据行");
        sheets.put("台账", List.of(List.of((Object[]) LedgerFixtures.LEDGER_HEADER)));
        assertThat(problems(LedgerFixtures.workbook(dir.resolve("e2.xlsx"), sheets), null)).containsExactly(
                "e2.xlsx:台账:第1行:-:没有整改措施:只有表头,没有数据行");
        sheets.remove("台账");
        sheets.put("Sheet1", LedgerFixtures.ledgerMonth1());
        assertThat(problems(LedgerFixtures.workbook(dir.resolve("e3.xlsx"), sheets), null)).containsExactly(
                "e3.xlsx:台账:-:-:缺少工作表:工作簿要有“轮次”和“台账”两表(现有:轮次、Sheet1)");
        sheets.put("轮次", List.of());
        sheets.put("台账", LedgerFixtures.ledgerMonth1());
        assertThat(problems(LedgerFixtures.workbook(dir.resolve("e4.xlsx"), sheets), null)).contains(
                "e4.xlsx:轮次:-:-:工作表是空的:应按“项目 | 内容”两列填写轮次的基本情况(轮次编码、巡视类型……)");
    }

    /** A good workbook whose 台账 sheet XML is replaced by what the body writes (streamed, never in memory). */
    Path replaceLedgerSheet(String name, WorkbookParts.Body body) throws IOException {
        Path good = LedgerFixtures.standard(dir.resolve("base-" + name), "town-2026", LedgerFixtures.ledgerMonth1());
        return WorkbookParts.replace(good, dir.resolve(name), "xl/worksheets/sheet2.xml", body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
