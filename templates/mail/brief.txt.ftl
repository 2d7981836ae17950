<#-- The plain-text body of the mail that carries the quarterly brief: the key figures, the PDF is attached. -->
<#include "../lib/format.ftl">
各位领导：

${round.inspectedOrg}${round.kind}整改${quarter.name}专题会议汇报材料已生成，请见附件（PDF）。主要数据如下（截至${cnDate(asOf)}）：

  整改措施        ${measures.total}项
  ${w.COMPLETED}          ${measures.completed}项（完成率${measures.rate}%<#if !quarter.first>，较上季度末${change.rate}个百分点</#if>）
  ${w.IN_PROGRESS}          ${measures.inProgress}项，其中${w.OVERDUE}${measures.overdue}项
  ${w.LONG_TERM}        ${measures.longTerm}项
<#if !quarter.first>
  本季度新增完成  ${change.completedNumber}项
</#if>

需研究决定的事项：${w.OVERDUE}未完成的整改措施${overdue?size}项<#if warnings?filter(x -> x.count gt 0)?has_content>（其中<#list warnings?filter(x -> x.count gt 0) as x>${x.label}${x.count}项<#sep>、</#list>）</#if>；${quarter.nextName}到期的整改措施${dueNext?size}项；需开展“回头看”的已完成整改措施${recheck?size}项。

<#if marking?has_content>本邮件及附件为${marking}，请勿转发。</#if>
${round.shortName}${round.kind}整改工作领导小组办公室
