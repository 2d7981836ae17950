<#-- The plain-text body of the mail that carries the quarterly brief: a note from the 整改办 (who sends, what is
     attached, what is asked of the leader) with the key figures; the counts are those of the brief (one meaning each). -->
<#include "../lib/format.ftl">
<#assign yellow = dueSoon?filter(m -> m.yellow)>
各位领导：

现将《${round.inspectedOrg}${round.kind}整改${quarter.name}专题会议汇报材料》报送您（PDF文件，见附件），请在季度专题会议前审阅，会上重点研究材料第三部分“需研究决定的事项”。

截至${cnDate(asOf)}，主要情况如下：
一、整改措施${measures.total}项，${w.COMPLETED}${measures.completed}项，完成率${measures.rate}%<#if !quarter.first>，比${quarter.previousName}末<#if change.rateSign gt 0>提高${change.ratePoints}个百分点<#elseif change.rateSign lt 0>下降${change.ratePoints}个百分点<#else>持平</#if>，本季度新增完成${change.completedNumber}项</#if>。
二、${w.IN_PROGRESS}${measures.inProgress}项，其中${w.OVERDUE}${measures.overdue}项<#if warnings?filter(x -> x.count gt 0)?has_content>（<#list warnings?filter(x -> x.count gt 0) as x>${x.label}${x.count}项<#sep>、</#list>）</#if><#if measures.notStarted gt 0>、${w.NOT_STARTED}${measures.notStarted}项</#if>；${w.LONG_TERM}${measures.longTerm}项。
三、季度末后${greenDays}个工作日内到期的整改措施${dueSoon?size}项<#if yellow?has_content>，其中${yellowDays}个工作日内到期${yellow?size}项</#if>；${quarter.nextName}到期的整改措施${dueNext?size}项。
<#if callIn?has_content>四、有${w.OVERDUE}未完成措施的责任单位${callIn?size}个，材料建议约谈提醒。
</#if>

如对材料有意见或需补充情况，请直接回复本邮件。

<#if marking?has_content>本邮件及附件为${marking}，请勿转发。
</#if>
${round.shortName}${round.kind}整改工作领导小组办公室
