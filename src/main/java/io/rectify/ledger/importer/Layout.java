package io.rectify.ledger.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.rectify.ledger.BulletinStyle;
import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.TextPart;
import io.rectify.ledger.WorkEventCategory;

/**
 * The workbook's layout: sheet names and columns, each column with the header variants people use. The
 * template, the export and the import all read it from here, so they cannot drift apart.
 */
public final class Layout {

    public static final String ROUND = "轮次";
    public static final String LEDGER = "台账";
    public static final String EVENTS = "工作情况";
    public static final String LEADERS = "领导";
    public static final String TEXTS = "文稿";
    public static final String UNITS = "责任单位";
    public static final String HELP = "填写说明";

    // hints that are also the wording of a bad cell
    private static final String CODE_HINT = "英文字母、数字、- 或 _,如 luojiang-2024;导入月度更新时据此找到轮次";
    private static final String PART_HINT = "开头(代替自动生成的开头段) / 概况(开头后的一段)、组织落实 / 主要负责人(第一部分的段落)、"
            + "工作打算导语 / 工作打算(第三部分的导语和各条)";
    private static final String LEVEL_HINT = "正文(空白即正文) / 一级标题 / 二级标题 / 三级标题:本单位自拟的“一、”“（一）”“1.”"
            + "标题,按公文标题字体印出(黑体、楷体、仿宋)";
    private static final String VERSION_HINT = "导出时写入的时间(年-月-日 时:分:秒),导入时与页面上的文稿修改比对;请勿修改,"
            + "新增的行留空";

    private static final ValueType<MeasureKind> KIND_WORDS = ValueType.words(40, MeasureKind::parse,
            "未知的措施类型“%s”:应为立行立改、限期整改或长期坚持", MeasureKind::label,
            Arrays.stream(MeasureKind.values()).map(MeasureKind::label).toList())
            .missing("缺少措施类型:立行立改、限期整改或长期坚持");
    private static final ValueType<MeasureStatus> STATUS_WORDS = ValueType.words(40, MeasureStatus::parse,
            "未知的完成情况“%s”:应为未启动、推进中、已完成或持续推进", MeasureStatus::label,
            Arrays.stream(MeasureStatus.values()).map(MeasureStatus::label).toList()).blank(MeasureStatus.NOT_STARTED);
    /** Any word the office counts in (处分, 万元 …): the list only suggests. */
    private static final ValueType<String> CATEGORY_WORDS = ValueType.text(40, WorkEventCategory::stored,
            WorkEventCategory::problem, WorkEventCategory::written)
            .missing("缺少类别:如" + String.join("、", WorkEventCategory.firstWords()) + ",或本单位自己的统计项(处分、组织处理、万元……)")
            .choices(WorkEventCategory.firstWords(), false).width(14);
    private static final ValueType<TextPart> PART_WORDS = ValueType.words(40, TextPart::parse, "未知的部分“%s”:" + PART_HINT,
            TextPart::label, Arrays.stream(TextPart.values()).map(TextPart::label).toList())
            .missing("缺少部分:" + PART_HINT).width(14);
    private static final ValueType<Integer> LEVEL_WORDS = ValueType.words(12, TextPart::level, "“%s”不是层级:" + LEVEL_HINT,
            TextPart.LEVELS::get, TextPart.LEVELS).blank(0).width(10);
    private static final ValueType<java.time.LocalDateTime> VERSION_STAMP = ValueType.words(40,
            t -> java.util.Optional.ofNullable(ValueType.stamp(t)), "“%s”不是导出时写入的版本:" + VERSION_HINT,
            s -> s.format(ValueType.STAMP), List.of()).width(20);

    private Layout() {}

    /**
     * A column's header, whether a sheet needs it, what goes in it (the instruction sheet), other headers meaning it,
     * and what its cells hold.
     */
    public record Spec(String label, boolean required, String hint, List<String> synonyms, ValueType<?> type) {}

    public interface Column {
        Spec spec();

        default String label() { return spec().label(); }

        default boolean required() { return spec().required(); }

        default List<String> synonyms() { return spec().synonyms(); }

        /** What goes in it, for the instruction sheet. */
        default String hint() { return spec().hint(); }

        default ValueType<?> type() { return spec().type(); }

        default boolean matches(String header) {
            String h = normalize(header);
            if (h.equals(normalize(label()))) return true;
            for (String s : synonyms()) if (h.equals(normalize(s))) return true;
            return false;
        }
    }

    /** 台账: one row per measure. */
    public enum LedgerColumn implements Column {
        SEQ("序号", true, ValueType.positive(40).missing("缺少序号:每项措施都要有序号"),
                "措施的编号,整数,在本轮次中唯一;再次导入时按序号找到同一项措施", "编号", "措施序号", "措施编号"),
        SECTION("方面", true, ValueType.text(255).width(30),
                "反馈意见所属方面,如“（一）落实巡视和审计等监督发现问题整改方面”;空白表示同上一行",
                "反馈意见方面", "所属方面", "问题类别", "问题方面"),
        PROBLEM("反馈问题", true, ValueType.text(500).width(30),
                "巡视反馈的问题;同一问题的多项措施写同样的文字,空白表示同上一行(合并单元格亦可)",
                "问题", "存在问题", "问题描述", "反馈意见", "问题表现"),
        MEASURE("整改措施", true, ValueType.text(Cells.MAX_CELL).missing("缺少整改措施").width(50),
                "措施内容", "措施", "措施内容", "具体措施", "具体整改措施"),
        LEADER("责任领导", true, ValueType.text(64).missing("缺少责任领导"),
                "如“区委书记”", "牵头领导", "分管领导", "责任区领导"),
        UNIT("责任单位", true, ValueType.text(128).missing("缺少责任单位"),
                "如“区委办”;多个单位写在同一格", "牵头单位", "责任部门", "牵头部门"),
        DEADLINE("整改时限", true, ValueType.date().missing("缺少整改时限(长期坚持的措施写第一个节点日期)"),
                "日期,不早于反馈日期;长期坚持的措施写第一个节点日期", "完成时限", "时限", "整改期限",
                "完成期限"),
        KIND("措施类型", true, KIND_WORDS,
                "立行立改 / 限期整改 / 长期坚持", "整改类型", "类型", "整改方式"),
        STATUS("完成情况", true, STATUS_WORDS,
                "未启动 / 推进中 / 已完成 / 持续推进;空白即未启动", "整改状态", "状态", "进展状态",
                "完成状态"),
        NOTE("整改进展", true, ValueType.text(Cells.MAX_CELL).width(50),
                "本次汇报的进展情况(一两句话)", "进展情况", "进展", "推进情况", "整改进展情况"),
        REPORT_DATE("进展日期", true, ValueType.date(),
                "本次汇报的日期(如每月末);填了完成情况或整改进展就要填", "汇报日期", "报告日期",
                "填报日期", "更新日期"),
        COMPLETION_DATE("完成日期", false, ValueType.date(),
                "已完成的措施完成的日期;空白则取进展日期", "销号日期", "办结日期", "实际完成日期"),
        RECHECKED("实地复核", false, ValueType.yesNo(),
                "是 / 否:完成情况经实地复核确认", "是否实地复核", "复核"),
        LEAD_LEADER("领办领导", false, ValueType.text(64),
                "领办该问题的领导(问题一级,同一问题各行相同)", "领办"),
        BY_SECRETARY("书记领办", false, ValueType.yesNo(),
                "是 / 否:该问题由书记领办(问题一级)", "是否书记领办", "主要领导领办"),
        STATEMENT("公开表述", false, ValueType.text(Cells.MAX_CELL).width(50),
                "通报第二部分为该问题印出的整改进展(问题一级);空白则保留原有表述",
                "公开进展表述", "通报表述", "整改进展公开表述"),
        RESCHEDULED("改期日期", false, ValueType.date(),
                "整改时限、措施类型、责任领导或责任单位改变时,新内容开始生效的日期;空白则取进展日期"
                + "(再空白则取导入当天)。此前日期的通报仍按原内容生成", "调整日期", "变更日期", "生效日期"),
        RESCHEDULE_REASON("改期原因", false, ValueType.text(500),
                "改变的原因(可选,记入历史)", "调整原因", "变更原因"),
        EVIDENCE("佐证材料", false, ValueType.text(2000),
                "已完成措施销号的佐证材料文件名(PDF、JPG、PNG、Word、Excel),多个用、或;分隔。命令行导入时"
                + "文件放在工作簿所在的文件夹(或 --evidence 指定的文件夹);网页上传时在措施的销号页面显示为待上传",
                "佐证", "佐证文件", "佐证材料文件");

        private final Spec spec;

        LedgerColumn(String label, boolean required, ValueType<?> type, String hint, String... synonyms) {
            spec = new Spec(label, required, hint, List.of(synonyms), type);
        }

        @Override public Spec spec() { return spec; }
    }

    /** 轮次: the round's facts, one per row (项目, 内容). */
    public enum RoundItem implements Column {
        CODE("轮次编码", true, ValueType.text(255,
                c -> io.rectify.ledger.RoundCode.valid(c) ? null : "“" + c + "”不是轮次编码:" + CODE_HINT),
                RoundFacts::code,
                CODE_HINT, "编码", "轮次代码", "代码"),
        KIND("巡视类型", true, ValueType.text(255, k -> k.equals("巡视") || k.equals("巡察") ? null : "“" + k + "”既不是巡视也不是巡察")
                        .choices(List.of("巡视", "巡察"), true), RoundFacts::inspectionKind,
                "巡视 或 巡察", "类型", "巡视巡察"),
        DEPLOYED_BY("部署机关", false, ValueType.text(255), RoundFacts::deployedBy,
                "如“省委”(“根据省委部署”);空白则由巡视组推出", "部署单位"),
        BODY("巡视组", true, ValueType.text(255), RoundFacts::inspectingBody,
                "如“省委巡视二组”", "巡察组", "巡视机构", "巡察机构"),
        ORG("被巡视单位", true, ValueType.text(255), RoundFacts::inspectedOrg,
                "如“洛江区委”", "被巡察单位", "被巡视党组织", "被巡察党组织"),
        SHORT_NAME("简称", false, ValueType.text(255), RoundFacts::shortName,
                "正文对被巡视党组织的称呼,如“区委”;空白则由被巡视单位推出", "被巡视单位简称"),
        ONSITE_START("进驻开始", true, ValueType.roundDate(true),
                f -> f.onsiteStartPart() == null ? f.onsiteStart() : f.onsiteStartWritten(),
                "日期,也可写作2022年9月中旬(上旬、中旬、下旬、初、底)", "进驻开始日期", "进驻日期"),
        ONSITE_END("进驻结束", true, ValueType.roundDate(true),
                f -> f.onsiteEndPart() == null ? f.onsiteEnd() : f.onsiteEndWritten(),
                "日期,也可写作2022年10月下旬(上旬、中旬、下旬、初、底)", "进驻结束日期"),
        FEEDBACK("反馈日期", true, ValueType.roundDate(false), RoundFacts::feedbackDate,
                "日期", "反馈时间", "反馈意见日期"),
        ORGAN("发文机关", true, ValueType.text(255), RoundFacts::issuingOrgan,
                "如“中共泉州市洛江区委”", "发文单位", "通报机关"),
        PHONE("联系电话", false, ValueType.text(255), RoundFacts::contactPhone,
                "通报结尾的联系电话", "电话"),
        ADDRESS("通信地址", false, ValueType.text(255), RoundFacts::contactAddress,
                "通报结尾的通信地址", "地址", "通讯地址", "邮寄地址"),
        EMAIL("电子邮箱", false, ValueType.email(255), RoundFacts::contactEmail,
                "通报结尾的电子邮箱", "邮箱", "电子邮件"),
        STYLE("通报样式", false, ValueType.text(255,
                s -> BulletinStyle.folder(s) != null ? null : "“" + s + "”不是通报样式:" + BulletinStyle.hint())
                        .choices(List.copyOf(BulletinStyle.SHIPPED.keySet()), false), RoundFacts::bulletinStyle,
                BulletinStyle.hint(), "样式", "通报格式"),
        TITLE("标题", false, ValueType.text(255), RoundFacts::bulletinTitle,
                "通报的完整标题,按本单位的写法(如“中共某某县文化和旅游体育局党组关于巡察整改进展情况的通报”);"
                + "空白则自动生成", "通报标题");

        private final Spec spec;

        /** The value the export writes (a String or a LocalDate). */
        final Function<RoundFacts, Object> exported;

        RoundItem(String label, boolean required, ValueType<?> type, Function<RoundFacts, Object> exported, String hint,
                  String... synonyms) {
            this.spec = new Spec(label, required, hint, List.of(synonyms),
                    required ? type.missing("缺少" + label + ":" + hint) : type);
            this.exported = exported;
        }

        @Override public Spec spec() { return spec; }
    }

    /** 工作情况: dated work events, the countable facts of the bulletin's part 一. */
    public enum EventColumn implements Column {
        DATE("日期", true, ValueType.date().missing("缺少日期"),
                "日期", "时间", "开展日期"),
        CATEGORY("类别", true, CATEGORY_WORDS,
                "见下方类别表,或本单位自己的说法(党纪处分、组织处理、追缴资金……)", "类型", "事项类别"),
        COUNT("次数", false, ValueType.amount(),
                "次数或数额:0或正数,可有小数(万元,如7.132),空白为 1", "数量", "场次"),
        DESCRIPTION("说明", false, ValueType.text(500).width(60),
                "如会议名称;类别为“制度机制”时写制度名称", "内容", "事项", "名称", "备注");

        private final Spec spec;

        EventColumn(String label, boolean required, ValueType<?> type, String hint, String... synonyms) {
            spec = new Spec(label, required, hint, List.of(synonyms), type);
        }

        @Override public Spec spec() { return spec; }
    }

    /** 领导: who receives the quarterly brief. */
    public enum LeaderColumn implements Column {
        NAME("姓名", true, ValueType.text(64).missing("缺少姓名").width(12),
                "", "领导", "领导姓名"),
        TITLE("职务", false, ValueType.text(128).width(24),
                "如“区委书记”", "职位"),
        EMAIL("电子邮箱", true, ValueType.email(255).missing("缺少电子邮箱(季度汇报材料发到此邮箱)").width(32),
                "季度汇报材料发到此邮箱;在本轮次中唯一", "邮箱", "电子邮件", "Email");

        private final Spec spec;

        LeaderColumn(String label, boolean required, ValueType<?> type, String hint, String... synonyms) {
            spec = new Spec(label, required, hint, List.of(synonyms), type);
        }

        @Override public Spec spec() { return spec; }
    }

    /** 责任单位: where the reminders (催办) of each unit's measures go. */
    public enum UnitColumn implements Column {
        NAME("单位", true, ValueType.text(128).missing("缺少单位").width(24),
                "与台账“责任单位”列写法相同;在本轮次中唯一", "责任单位", "单位名称"),
        CONTACT("联系人", false, ValueType.text(64).width(12),
                "催办邮件称呼此人", "联系人姓名"),
        EMAIL("电子邮箱", true, ValueType.email(255).missing("缺少电子邮箱(催办邮件发到此邮箱)").width(32),
                "催办邮件(到期提醒)发到此邮箱", "邮箱", "电子邮件", "Email"),
        LEADER_EMAIL("分管领导邮箱", false, ValueType.email(255).width(32),
                "红色预警(超期)时抄送此邮箱", "领导邮箱");

        private final Spec spec;

        UnitColumn(String label, boolean required, ValueType<?> type, String hint, String... synonyms) {
            spec = new Spec(label, required, hint, List.of(synonyms), type);
        }

        @Override public Spec spec() { return spec; }
    }

    /** 文稿: the texts of the bulletin's parts 一 and 三, one paragraph (or one numbered item) per row. */
    public enum TextColumn implements Column {
        PART("部分", true, PART_WORDS, PART_HINT,
                "文稿部分", "类别", "位置"),
        SEQ("序号", false, ValueType.positive(12),
                "同一部分内的先后顺序,正整数;空白则按行的先后", "顺序", "段落序号", "编号"),
        BODY("内容", true, ValueType.text(Cells.MAX_CELL).missing("缺少内容").width(100),
                "一段文字;数字用大括号写名称,如“细化整改措施{整改措施数}项”(见下方数字名称表)",
                "正文", "文字", "段落"),
        LEVEL("层级", false, LEVEL_WORDS, LEVEL_HINT, "标题层级", "级别"),
        VERSION("版本", false, VERSION_STAMP, VERSION_HINT,
                "文稿版本", "导出时间");

        private final Spec spec;

        TextColumn(String label, boolean required, ValueType<?> type, String hint, String... synonyms) {
            spec = new Spec(label, required, hint, List.of(synonyms), type);
        }

        @Override public Spec spec() { return spec; }
    }

    /** Header text compared without spaces, required-marks (*) and notes in brackets: "*整改时限（日期）" → 整改时限. */
    public static String normalize(String header) {
        String s = Cells.strip(header).replaceAll("[\\s\\u3000*＊]", "");
        s = s.replaceAll("[（(][^）)]*[）)]$", "");
        return s.toLowerCase(Locale.ROOT);
    }
}
