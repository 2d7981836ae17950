package io.rectify.reminders;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/** The words of a unit's digest: subject, plain text and the same as HTML. */
final class DigestWording {

    private DigestWording() {}

    static String subject(String roundName, String unit, LocalDate asOf) {
        return "【督办提醒】" + roundName + "整改措施到期提醒（" + unit + "，" + date(asOf) + "）";
    }

    static String text(String unit, String contact, LocalDate asOf, List<Digest.Item> items, String office) {
        StringBuilder s = new StringBuilder();
        s.append(unit).append(contact == null || contact.isBlank() ? "" : contact).append("同志：\n\n");
        s.append("截至").append(date(asOf)).append("，贵单位负责的以下整改措施已进入预警，请予关注：\n");
        for (ReminderLevel level : ReminderLevel.values()) {
            List<Digest.Item> of = items.stream().filter(i -> i.level() == level).toList();
            if (of.isEmpty()) continue;
            s.append('\n').append(level.label).append("（").append(level.meaning).append("，").append(of.size())
                    .append("项）：\n");
            int n = 0;
            for (Digest.Item i : of) {
                s.append(++n).append(". 第").append(i.seq()).append("项：").append(i.content().strip()).append("（整改时限")
                        .append(date(i.deadline())).append("，")
                        .append(level == ReminderLevel.RED ? "已超期" + i.days() + "天" : "还有" + i.days() + "个工作日")
                        .append("）\n");
            }
        }
        s.append("\n请抓紧推进，按期完成整改，并及时报送进展情况和佐证材料；确需延期的，请说明理由，按程序申请。\n\n")
                .append(office).append('\n').append(date(asOf)).append('\n');
        return s.toString();
    }

    static String html(String text) {
        StringBuilder h = new StringBuilder("<html><body>");
        for (String line : text.split("\n", -1)) {
            h.append(line.isEmpty() ? "<br>" : "<div>" + HtmlUtils.htmlEscape(line) + "</div>");
        }
        return h.append("</body></html>").toString();
    }

    static String date(LocalDate d) { return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"; }
}
