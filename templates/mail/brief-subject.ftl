<#-- The subject line of the mail that carries the quarterly brief (one line): what it is and what is asked. -->
<#if marking?has_content>【${marking}】</#if>请审阅：${round.inspectedOrg}${round.kind}整改${quarter.name}专题会议汇报材料
