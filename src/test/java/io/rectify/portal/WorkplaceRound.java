package io.rectify.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;
import io.rectify.jobs.ImportLauncher;
import io.rectify.jobs.NightlyLauncher;
import io.rectify.ledger.RoundRepository;

/**
 * A small round of its own for the workplace tests (so they never change the demo round other portal tests check):
 * imported from a first month's 台账 through the import job, with its texts and a draft, and a secretary, a leader
 * and a leader of another round. {@link #month2} is the next month's 台账 a secretary uploads on the page: a measure
 * completed, a deadline moved, a new measure, and the 公开表述 the first month lacked.
 */
final class WorkplaceRound {

    final String code;
    final String secretary;
    final String leader;
    final long roundId;
    final Path month2;

    private WorkplaceRound(String code, String secretary, String leader, long roundId, Path month2) {
        this.code = code;
        this.secretary = secretary;
        this.leader = leader;
        this.roundId = roundId;
        this.month2 = month2;
    }

    private static final Map<String, WorkplaceRound> MADE = new LinkedHashMap<>();

    /** The round {@code code}, made once per test JVM (the portal tests share one application and database). */
    static synchronized WorkplaceRound get(ApplicationContext context, Path work, String code) throws Exception {
        WorkplaceRound made = MADE.get(code);
        if (made != null) return made;
        Path dir = Files.createDirectories(work.resolve("workbooks-" + code));
        Path month1 = workbook(dir.resolve(code + "-台账-6月.xlsx"), code, ledger(false));
        ImportLauncher.Outcome imported = context.getBean(ImportLauncher.class).run(month1, code, false);
        if (imported.summary() == null) throw new IllegalStateException("the first month did not import: " + imported.validation().problems().lines());
        long roundId = context.getBean(RoundRepository.class).findByCode(code).orElseThrow().id();
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        texts(jdbc, roundId);
        var run = context.getBean(NightlyLauncher.class).run(LocalDate.now(), code);
        if (run.getStatus() != BatchStatus.COMPLETED) throw new IllegalStateException("no draft for " + code + ": " + run.getAllFailureExceptions());
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        String secretary = code.substring(0, 4) + "-sec";
        String leader = code.substring(0, 4) + "-lead";
        accounts.add(secretary, Role.SECRETARY, List.of(code), PortalFixture.PASSWORD.toCharArray());
        accounts.add(leader, Role.LEADER, List.of(code), PortalFixture.PASSWORD.toCharArray());
        made = new WorkplaceRound(code, secretary, leader, roundId, workbook(dir.resolve(code + "-台账-7月.xlsx"), code, ledger(true)));
        MADE.put(code, made);
        return made;
    }

    /** The leader of the demo round's neighbour, other-2025 (a leader of round B for round A's 签发). */
    static synchronized String otherLeader(ApplicationContext context) {
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        if (accounts.find("olga").isEmpty()) {
            accounts.add("olga", Role.LEADER, List.of(PortalFixture.OTHER), PortalFixture.PASSWORD.toCharArray());
        }
        return "olga";
    }

    private static void texts(JdbcClient jdbc, long roundId) {
        String committee = "镇党委坚决扛起巡察整改政治责任，召开专题会议研究部署，逐条对照反馈问题制定整改方案，"
                + "建立问题、任务、责任、时限“四张清单”，做到整改不到位不放过、群众不满意不放过。".repeat(3);
        String secretary = "镇党委书记切实履行第一责任人责任，带头领办重点问题，多次深入一线督导检查，"
                + "推动各项整改任务落地见效。".repeat(3);
        List<Object[]> rows = List.of(new Object[] {"COMMITTEE", 1, committee}, new Object[] {"SECRETARY", 1, secretary},
                new Object[] {"PLAN_INTRO", 1, "镇党委将持续抓好巡察整改工作，巩固深化整改成果。"},
                new Object[] {"PLAN_ITEM", 1, "在责任落实上再深化，压紧压实各级整改责任。".repeat(4)},
                new Object[] {"PLAN_ITEM", 2, "在长效机制上再发力，对已完成整改的问题开展“回头看”。".repeat(4)},
                new Object[] {"PLAN_ITEM", 3, "在以改促进上再聚焦，把整改成效转化为推动发展的实际成效。".repeat(4)});
        for (Object[] r : rows) {
            jdbc.sql("INSERT INTO round_text (round_id, part, seq, body) VALUES (?, ?, ?, ?)").params(roundId, r[0], r[1], r[2])
                    .update();
        }
    }

    static List<List<Object>> ledger(boolean month2) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("序号", "方面", "反馈问题", "整改措施", "责任领导", "责任单位", "整改时限", "措施类型",
                "完成情况", "整改进展", "进展日期", "完成日期", "实地复核", "领办领导", "书记领办", "公开表述"));
        rows.add(row(1, "（一）落实上级部署方面", "学习贯彻上级精神不够深入", "制定理论学习计划", "镇党委书记", "镇党政办",
                LocalDate.of(2025, 7, 31), "立行立改", "已完成", "已印发学习计划", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 20),
                "是", "镇党委书记", "是", "制定理论学习计划，每月开展集中学习，已印发学习计划并组织集中学习三次。"));
        rows.add(month2
                ? row(2, "（一）落实上级部署方面", "学习贯彻上级精神不够深入", "开展专题学习研讨", "镇党委副书记", "镇党政办",
                        "2025-09-30", "限期整改", "已完成", "已开展四次研讨，完成整改", "2025-07-31", "2025-07-25", "否", "", "", "")
                : row(2, "（一）落实上级部署方面", "学习贯彻上级精神不够深入", "开展专题学习研讨", "镇党委副书记", "镇党政办",
                        "2025-09-30", "限期整改", "推进中", "已开展两次研讨", "2025-06-30", "", "", "", "", ""));
        rows.add(row(3, "（一）落实上级部署方面", "重点项目推进缓慢", "建立项目调度机制", "镇长", "镇经济发展办",
                month2 ? "2025-10-31" : "2025-08-31", "限期整改", "推进中", month2 ? "调度办法已印发试行" : "已起草调度办法",
                month2 ? "2025-07-31" : "2025-06-30", "", "否", "镇长", "否", "建立项目调度机制，每周调度重点项目进展。"));
        rows.add(row(4, "（一）落实上级部署方面", "重点项目推进缓慢", "加快项目征迁", "镇长", "镇征迁办",
                LocalDate.of(2025, 12, 31), "长期坚持", "持续推进", "完成征迁30户", LocalDate.of(2025, 6, 30), "", "", "", "", ""));
        rows.add(row(5, "（二）全面从严治党方面", "财务管理不规范", "修订财务管理制度", "镇纪委书记", "镇财政所",
                LocalDate.of(2025, 8, 31), "限期整改", month2 ? "推进中" : "未启动", month2 ? "已起草制度初稿" : "",
                month2 ? LocalDate.of(2025, 7, 31) : "", "", "", "镇纪委书记", "否", month2 ? "修订财务管理制度，规范报销审批。" : ""));
        rows.add(row(6, "（二）全面从严治党方面", "财务管理不规范", "开展财务专项检查", "镇纪委书记", "镇纪委", LocalDate.of(2025, 10, 31),
                "限期整改", "推进中", "已制定检查方案", LocalDate.of(2025, 6, 30), "", "", "", "", ""));
        if (month2) {
            rows.add(row(7, "（二）全面从严治党方面", "财务管理不规范", "开展财务知识培训", "镇纪委书记", "镇财政所",
                    LocalDate.of(2025, 11, 30), "限期整改", "未启动", "", "", "", "", "", "", ""));
        }
        return rows;
    }

    static List<Object> row(Object... values) { return new ArrayList<>(List.of(values)); }

    static Path workbook(Path file, String code, List<List<Object>> ledger) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        List<List<Object>> round = new ArrayList<>();
        round.add(List.of("项目", "内容"));
        round.add(List.of("轮次编码", code));
        round.add(List.of("巡视类型", "巡察"));
        round.add(List.of("巡视组", "区委第一巡察组"));
        round.add(List.of("被巡视单位", "某某镇党委"));
        round.add(List.of("进驻开始", LocalDate.of(2025, 3, 1)));
        round.add(List.of("进驻结束", LocalDate.of(2025, 4, 15)));
        round.add(List.of("反馈日期", LocalDate.of(2025, 6, 1)));
        round.add(List.of("发文机关", "中共某某镇委员会"));
        round.add(List.of("联系电话", "0595-22223333"));
        sheets.put("轮次", round);
        sheets.put("台账", ledger);
        return write(file, sheets);
    }

    static Path write(Path file, Map<String, List<List<Object>>> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet s = wb.createSheet(e.getKey());
                int r = 0;
                for (List<Object> values : e.getValue()) {
                    Row row = s.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        Cell cell = row.createCell(c);
                        if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v != null) {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
