<#-- The quarterly special-meeting brief (季度专题会议汇报材料). One element per line: title:, marking:, h1:…h4:, p:,
     table: (+ cols:, th:, tr:), chart: (+ bar:), signature:, date:, annex: (a 附件: what follows it is printed after
     the signature on pages of its own, its title is listed in the 附件说明). Cells are separated by |.
     Decisions first: the main part carries the totals, the overdue measures, what needs deciding and the next
     steps; the long lists follow as 附件, each capped at listLimit rows (rectify.brief.list-limit).
     Figures come from the data: measures.*, previous.*, change.* (now − the end of the quarter before),
     problems.*, sections[], overdue[], byLeader[], dueSoon[] (黄/绿 by working days), dueNext[], longTerm[],
     recheck[], rechecked, units[], notDueUnits[], callIn[] (units with overdue measures), results[]. Each count has one
     word (w.*) and one meaning everywhere: 推进中 = neither completed nor 长期坚持, of which 超期 and 未启动. Status words are w.* and
     the overdue warning labels come with each measure (rectify.brief.* in the configuration). -->
<#include "lib/format.ftl">
<#assign k = round.kind>
<#function pct c><#return c.rate + "%"></#function>
<#function up n word><#if n gt 0><#return "增加" + n + word><#elseif n lt 0><#return "减少" + (-n) + word><#else><#return "持平"></#if></#function>
<#if marking?has_content>
marking: ${marking}
</#if>
title: ${round.inspectedOrg}${k}整改${quarter.name}进展情况汇报
subject: ${k}整改${quarter.name}专题会议汇报材料
keywords: ${k}整改, 季度专题会议, ${round.inspectedOrg}, ${quarter.code}
p: 按照“后续整改阶段每季度召开1次专题会议”的要求,现将截至${cnDate(asOf)}${k}整改进展情况汇报如下,并提出需研究决定的事项,供会议研究。
<#-- tables and 附件 are numbered as they come: an empty list gets one line, not a number -->
<#assign t = 1>
<#assign tOverdue = overdue?has_content?then(t + 1, t)><#assign t = tOverdue>
<#assign tSoon = dueSoon?has_content?then(t + 1, t)><#assign t = tSoon>
<#assign tNext = dueNext?has_content?then(t + 1, t)>
<#assign a = 1>
<#assign aLong = longTerm?has_content?then(a + 1, a)><#assign a = aLong>
<#assign aRecheck = recheckNew?has_content?then(a + 1, a)><#assign a = aRecheck>
<#assign aUnits = units?has_content?then(a + 1, a)>
<#function inProgressText c><#return "${w.IN_PROGRESS}" + c.inProgress + "项" + (c.overdue gt 0 || c.notStarted gt 0)?then("(其中" + (c.overdue gt 0)?then("${w.OVERDUE}" + c.overdue + "项", "") + (c.overdue gt 0 && c.notStarted gt 0)?then("、", "") + (c.notStarted gt 0)?then("${w.NOT_STARTED}" + c.notStarted + "项", "") + ")", "")></#function>
h1: 一、总体进展
p: ${round.inspectingBody}于${cnDate(round.feedbackDate)}反馈${k}意见,反馈问题${problems.total}个,细化整改措施${measures.total}项。截至${cnDate(asOf)},${w.COMPLETED}${measures.completed}项、完成率${pct(measures)};${inProgressText(measures)};${w.LONG_TERM}${measures.longTerm}项。<#if quarter.first>本季度为集中整改后首次季度汇报。<#else>与${quarter.previousName}末相比,新增完成${change.completedNumber}项,完成率<#if change.rateSign gt 0>提高${change.ratePoints}个百分点<#elseif change.rateSign lt 0>下降${change.ratePoints}个百分点<#else>持平</#if>,${w.OVERDUE}措施${up(change.overdueNumber, "项")}。</#if>
table: 表1 整改措施总体情况
cols: 4, 3, 3, 3
th: 项目 | 本季度末 | 上季度末 | 变化
tr: 整改措施(项) | ${measures.total} | ${previous.total} | ${change.total}
tr: ${w.COMPLETED}(项) | ${measures.completed} | ${previous.completed} | ${change.completed}
tr: ${w.IN_PROGRESS}(项) | ${measures.inProgress} | ${previous.inProgress} | ${change.inProgress}
tr: 其中${w.OVERDUE}(项) | ${measures.overdue} | ${previous.overdue} | ${change.overdue}
tr: ${w.LONG_TERM}(项) | ${measures.longTerm} | ${previous.longTerm} | ${change.longTerm}
tr: 完成率(%) | ${measures.rate} | ${previous.rate} | ${change.rate}
<#assign bySection = sections?sort_by(["measures", "rateValue"])>
<#if sections?size gt 1>
p: 从各方面看,完成率最高的是${bySection?last.title}(${pct(bySection?last.measures)}),最低的是${bySection?first.title}(${pct(bySection?first.measures)});各方面和逐项问题的完成情况见附件1。
</#if>
<#if results?has_content>
p: 整改成效方面,截至${cnDate(asOf)}累计<#list results as r>${r.label}${r.now}${r.unit}<#if !quarter.first>(本季度<#if r.changeSign gt 0>新增${r.change}${r.unit}<#else>没有新增</#if>)</#if><#sep>,</#list>。
</#if>
<#if levers!false>
p: 督办方面,<#if extensions?has_content>本季度经批准延期的整改措施${extensions?size}项(<#list extensions as e>第${e.seq}项整改时限由${cnDate(e.from)}调整为${cnDate(e.to)}<#sep>;</#list>);</#if>截至${cnDate(asOf)},经审核销号${closures.closed}项,待审核${closures.submitted}项,退回补充佐证材料${closures.returned}项。
</#if>
h1: 二、${w.OVERDUE}未完成和临近到期的整改措施
<#if overdue?has_content>
p: 截至${cnDate(asOf)},超过整改时限仍未完成的整改措施${overdue?size}项<#if warnings?filter(x -> x.count gt 0)?has_content>,其中<#list warnings?filter(x -> x.count gt 0) as x>${x.label}${x.count}项<#sep>、</#list></#if>,逐项情况见表${tOverdue}。按责任领导分:<#list byLeader as l>${l.leader?has_content?then(l.leader, "未明确责任领导")}${l.count}项(最长${w.OVERDUE}${l.mostDays}天)<#sep>;</#list>。
table: 表${tOverdue} ${w.OVERDUE}未完成的整改措施
cols: 4, 15, 8, 8, 8, 4, 7
th: 序号 | 整改措施 | 责任领导 | 责任单位 | 整改时限 | 超期天数 | 预警
<#list overdue[0..*listLimit] as m>
tr: ${m.seq} | ${m.content} | ${m.leader} | ${m.unit} | ${m.deadline.iso} | ${m.days} | ${m.warning}
</#list>
<#if overdue?size gt listLimit>
p: 其余${overdue?size - listLimit}项见台账。
</#if>
<#else>
p: 截至${cnDate(asOf)},没有超过整改时限仍未完成的整改措施。
</#if>
<#assign yellow = dueSoon?filter(m -> m.yellow)>
<#if dueSoon?has_content>
p: 季度末后${greenDays}个工作日内到期、尚未完成的整改措施${dueSoon?size}项<#if yellow?has_content>,其中${yellowDays}个工作日内到期的${yellow?size}项(黄色提醒)</#if><#if dueSoon?size gt yellow?size><#if yellow?has_content>、<#else>,其中</#if>${yellowDays + 1}至${greenDays}个工作日内到期的${dueSoon?size - yellow?size}项(绿色提醒)</#if>,见表${tSoon}。
table: 表${tSoon} 临近到期的整改措施
cols: 4, 12, 7, 7, 8, 6, 8
th: 序号 | 整改措施 | 责任领导 | 责任单位 | 整改时限 | 剩余工作日 | 提醒
<#list dueSoon[0..*listLimit] as m>
tr: ${m.seq} | ${m.content} | ${m.leader} | ${m.unit} | ${m.deadline.iso} | ${m.workingDays} | ${m.yellow?then("黄色提醒", "绿色提醒")}
</#list>
<#if dueSoon?size gt listLimit>
p: 其余${dueSoon?size - listLimit}项见台账。
</#if>
<#else>
p: 季度末后${greenDays}个工作日内没有到期的整改措施。
</#if>
h1: 三、需研究决定的事项
<#assign red = overdue?filter(m -> m.warning == topWarning)>
<#assign n = 0>
<#if overdue?has_content>
<#assign n++>
p: ${n}.${w.OVERDUE}整改措施的完成时限。<#if red?has_content && topWarning?has_content>${topWarning}的${red?size}项:<#list red[0..*listLimit] as m>第${m.seq}项“${m.content}”(${m.unit},${w.OVERDUE}${m.days}天)<#sep>;</#list><#if red?size gt listLimit>等</#if>,建议由责任领导在会上说明原因,会议研究确定完成时限和督办措施<#if overdue?size gt red?size>;其余${overdue?size - red?size}项${w.OVERDUE}措施由责任领导牵头逐项分析原因、重新明确完成时限</#if>。<#else>建议对${overdue?size}项${w.OVERDUE}措施逐项听取责任领导说明,明确完成时限。</#if>
</#if>
<#if callIn?has_content>
<#assign n++>
p: ${n}.有${w.OVERDUE}未完成措施的责任单位。截至${cnDate(asOf)},<#list callIn[0..*3] as u>${u.unit}${w.OVERDUE}${u.overdue}项、最长${u.mostDays}天<#sep>;</#list><#if callIn?size gt 3>等${callIn?size}个单位</#if>,建议由分管领导约谈提醒,限期完成。
</#if>
<#if dueNext?has_content>
<#assign n++>
p: ${n}.${quarter.nextName}到期的整改措施。共${dueNext?size}项(见表${tNext}),建议明确由责任领导逐项盯办,确保按期完成。
</#if>
<#if recheck?has_content>
<#assign n++>
p: ${n}.“回头看”的安排。${w.COMPLETED}的${measures.completed}项整改措施中,经实地复核的${rechecked}项;${w.COMPLETED}${recheckAfterDays}天以上、尚未经实地复核的${recheck?size}项<#if recheckNew?has_content>,其中本季度新进入“回头看”期的${recheckNew?size}项(见附件${aRecheck})</#if>,建议研究确定分批开展“回头看”的时间和牵头单位,防止问题反弹回潮。
</#if>
<#if longTerm?has_content>
<#assign n++>
p: ${n}.${w.LONG_TERM}措施的常态化机制。${w.LONG_TERM}的整改措施${longTerm?size}项(见附件${aLong}),建议研究明确常态化跟踪、定期调度的频次和责任。
</#if>
<#if n == 0>
p: 本季度没有需提请会议研究决定的事项。
</#if>
h1: 四、下一步工作安排
p: 1.压实整改责任。<#if overdue?has_content>对${overdue?size}项超期未完成的整改措施,由责任领导牵头逐项分析原因、重新明确完成时限,下季度专题会议听取完成情况;<#if callIn?has_content>对有${w.OVERDUE}措施的${callIn?size}个责任单位进行提醒督办。<#else>逐项督办到位。</#if><#else>对推进中的整改措施逐项跟踪,防止出现超期。</#if>
p: 2.抓好到期任务。<#if dueNext?has_content>${quarter.nextName}到期的${dueNext?size}项整改措施(见表${tNext}),由责任领导逐项盯办,确保按期完成。<#else>${quarter.nextName}没有到期的整改措施,对推进中的整改措施持续跟踪进度。</#if>
<#if dueNext?has_content>
table: 表${tNext} ${quarter.nextName}到期的整改措施
cols: 4, 15, 8, 8, 8, 7
th: 序号 | 整改措施 | 责任领导 | 责任单位 | 整改时限 | 状态
<#list dueNext[0..*listLimit] as m>
tr: ${m.seq} | ${m.content} | ${m.leader} | ${m.unit} | ${m.deadline.iso} | ${m.status}
</#list>
<#if dueNext?size gt listLimit>
p: 其余${dueNext?size - listLimit}项见台账。
</#if>
</#if>
p: 3.巩固整改成果。<#if longTerm?has_content>对${longTerm?size}项长期坚持的整改措施常态化推进;</#if><#if recheck?has_content>对${recheck?size}项已完成的整改措施组织“回头看”;<#elseif measures.completed gt 0>${w.COMPLETED}的${measures.completed}项整改措施中经实地复核${rechecked}项,暂无${w.COMPLETED}${recheckAfterDays}天以上、尚未经实地复核的措施;</#if>把整改中行之有效的做法固化为制度机制,防止问题反弹回潮。
signature: ${round.shortName}${k}整改工作领导小组办公室
date: ${asOf.iso}
annex: 各方面逐项问题整改措施完成情况
p: 各方面整改措施进展见图1,逐项问题的措施完成情况见表1<#if sections?size gt 1>至表${sections?size}</#if>。
chart: 图1 各方面整改措施进展(项) | ${w.COMPLETED} | ${w.LONG_TERM} | ${w.IN_PROGRESS}
<#list sections as s>
bar: (${cn(s.seq)})${s.title} | ${s.measures.completed} | ${s.measures.longTerm} | ${s.measures.inProgress}
</#list>
<#list sections as s>
h2: (${cn(s.seq)})${s.title}
p: 本方面整改措施${s.measures.total}项,已完成${s.measures.completed}项、完成率${pct(s.measures)}<#if s.measures.longTerm gt 0>,长期坚持${s.measures.longTerm}项</#if><#if s.measures.inProgress gt 0>,${inProgressText(s.measures)}</#if><#if !quarter.first>;本季度新增完成${s.change.completedNumber}项</#if>。
table: 表${s?counter} 逐项问题整改措施完成情况
cols: 2, 8, 2, 3, 3, 2, 3
th: 序号 | 反馈问题 | 措施 | ${w.COMPLETED} | ${w.IN_PROGRESS} | ${w.OVERDUE} | ${w.LONG_TERM}
<#list s.problems[0..*listLimit] as p>
tr: ${p.seq} | ${p.summary} | ${p.measures.total} | ${p.measures.completed} | ${p.measures.inProgress} | ${p.measures.overdue} | ${p.measures.longTerm}
</#list>
<#if s.problems?size gt listLimit>
tr: … | 其余${s.problems?size - listLimit}个问题见台账 | | | | | 
</#if>
tr: 合计 | | ${s.measures.total} | ${s.measures.completed} | ${s.measures.inProgress} | ${s.measures.overdue} | ${s.measures.longTerm}
</#list>
<#if longTerm?has_content>
annex: ${w.LONG_TERM}的整改措施及最新进展
p: ${w.LONG_TERM}的整改措施${longTerm?size}项,最新进展如下,建议常态化跟踪、定期调度。
table:
cols: 4, 14, 8, 16, 8
th: 序号 | 整改措施 | 责任单位 | 最新进展 | 报告日期
<#list longTerm[0..*listLimit] as m>
tr: ${m.seq} | ${m.content} | ${m.unit} | ${m.note} | ${m.lastReport.iso}
</#list>
<#if longTerm?size gt listLimit>
p: 其余${longTerm?size - listLimit}项见台账。
</#if>
</#if>
<#if recheckNew?has_content>
annex: 需开展“回头看”的已完成整改措施
p: ${w.COMPLETED}${recheckAfterDays}天以上、尚未经实地复核的整改措施共${recheck?size}项,其中本季度新进入“回头看”期的${recheckNew?size}项如下,建议分批组织“回头看”,防止问题反弹回潮。
table:
cols: 4, 18, 8, 8, 6
th: 序号 | 整改措施 | 责任单位 | 完成日期 | 已完成天数
<#list recheckNew[0..*listLimit] as m>
tr: ${m.seq} | ${m.content} | ${m.unit} | ${m.completion.iso} | ${m.days}
</#list>
<#if recheckNew?size gt listLimit>
p: 其余${recheckNew?size - listLimit}项见台账。
</#if>
</#if>
<#if units?has_content>
annex: 各责任单位整改措施完成情况
p: ${units?size}个责任单位按应完成整改措施(截至${cnDate(asOf)}已到整改时限或已完成的措施,不含${w.LONG_TERM}的措施)的完成率排列如下<#if notDueUnits?has_content>;另有${notDueUnits?size}个责任单位尚无应完成的措施,不参与排名(<#list notDueUnits as u>${u.unit}<#sep>、</#list>)</#if>。
table:
cols: 2, 8, 3, 3, 3, 3, 3
th: 排名 | 责任单位 | 应完成 | ${w.COMPLETED} | 完成率(%) | ${w.OVERDUE} | ${w.LONG_TERM}
<#list units[0..*listLimit] as u>
tr: ${u.rank} | ${u.unit} | ${u.due.total} | ${u.due.completed} | ${u.due.rate} | ${u.due.overdue} | ${u.measures.longTerm}
</#list>
<#if units?size gt listLimit>
p: 其余${units?size - listLimit}个责任单位见台账。
</#if>
</#if>
