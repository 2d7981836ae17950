<#-- The bulletin, style 汇总式: a 巡察办's notice over the units of a round. One round holds the whole 巡察 of several
     units, and each measure's 责任单位 names the unit it belongs to (the inspected unit); the notice prints the totals of
     all units, then one line per unit (units: name, problems.*, measures.*, in the order they first appear in the
     台账). Give the round its 标题 (e.g. 中共某某县委巡察工作领导小组办公室关于十五届县委第三轮巡察整改情况的通报) and
     name the units in 被巡视单位 (e.g. 县发展和改革局等3个单位). The office's texts print where marked below.
     To adjust it, copy this folder and write the copy's folder name in the 轮次 sheet's 通报样式. -->
<#include "/lib/format.ftl">
<#assign k = round.kind>
require: 整改措施
title: <#if round.title?has_content>${round.title}<#else>${round.issuingOrgan}关于${k}整改情况的通报</#if>
subject: ${k}整改情况
keywords: ${k}整改, 通报, ${round.inspectedOrg}
<#if texts.OPENING?has_content>
<@paragraphs texts.OPENING/>
<#else>
p: 根据${round.deployedBy}统一部署,${cnPeriod(round.onsiteStart, round.onsiteEnd)},${round.inspectingBody}对${round.inspectedOrg}进行了${k},并于${cnDate(round.feedbackDate)}反馈了${k}意见。按照党务公开原则和${k}整改工作有关要求,现将${k}整改情况通报如下。
</#if>
<#if texts.OVERVIEW?has_content>
<@paragraphs texts.OVERVIEW/>
<#else>
p: 截至${cnDate(asOf)},${units?size}个被${k}单位共有${k}反馈问题${problems.total}个,已完成整改${problems.completed}个<#if problems.inProgress gt 0>、正在整改${problems.inProgress}个</#if><#if problems.longTerm gt 0>、长期坚持整改${problems.longTerm}个</#if>,整改完成率${problems.percent}%;细化整改措施${measures.total}项,已完成${measures.completed}项。
</#if>
<@paragraphs texts.COMMITTEE![]/>
<@paragraphs texts.SECRETARY![]/>
p: 各被${k}单位整改情况如下:
<#list units as u>
p: ${u?counter}.${u.name}:反馈问题${u.problems.total}个,已完成整改${u.problems.completed}个<#if u.problems.inProgress gt 0>、正在整改${u.problems.inProgress}个</#if><#if u.problems.longTerm gt 0>、长期坚持整改${u.problems.longTerm}个</#if>,整改完成率${u.problems.percent}%;整改措施${u.measures.total}项,已完成${u.measures.completed}项<#if u.measures.overdue gt 0>,超期未完成${u.measures.overdue}项</#if>。
</#list>
<@paragraphs texts.PLAN_INTRO![]/>
<@numbered texts.PLAN_ITEM![]/>
<@closing "整改情况"/>
signature: ${round.issuingOrgan}
date: ${asOf.iso}
