<#-- The subject line of the mail that carries the quarterly brief (one line). -->
<#if marking?has_content>【${marking}】</#if>${round.inspectedOrg}${round.kind}整改${quarter.name}专题会议汇报材料
