<#-- The bulletin, style 问题清单式 (problem-first: departments, hospitals, many 巡察 bulletins): the opening, a 概况
     paragraph with the counts, then the problem tree quoting the feedback — （一）在“方面”方面 → 1.关于“问题”问题的整改
     → （1）整改措施 — each measure followed by what was last reported and its status from the ledger (已完成 / 正在整改,
     计划于…完成 / 长期坚持), numbered per level. No part 一 or 三 of its own: texts the office wrote for them
     (组织落实, 工作打算 …) print where marked below, with their 层级.
     To adjust it for an office's rounds, copy this folder (templates/styles/problems → templates/styles/my-office),
     edit the copy, and write its folder name in the 轮次 sheet's 通报样式. The model is the one of the 责任落实式
     (see templates/styles/responsibility/bulletin.ftl); each problem (item) also has its measures: content, note
     (the latest 整改进展), unit, state (completed / longTerm / open), overdue and deadline. -->
<#include "/lib/format.ftl">
<#assign k = round.kind>
<#-- "落实上级部署方面" → 落实上级部署 (the bulletin writes 在“…”方面) -->
<#function aspect t><#return t?remove_ending("方面")></#function>
<#-- the feedback as quoted: without its closing mark, and without a final 问题 (关于“…”问题的整改) -->
<#function quoted t>
  <#local q = t?trim?remove_ending("。")?remove_ending("；")?remove_ending(";")>
  <#return q?remove_ending("问题")>
</#function>
<#-- a sentence ends with its mark -->
<#function sentence t>
  <#if t?trim == "" || t?trim?matches(".*[。！？；.!?;]$")><#return t?trim></#if>
  <#return t?trim + "。">
</#function>
<#function status m>
  <#if m.state == "completed"><#return "已完成。"></#if>
  <#if m.state == "longTerm"><#return "长期坚持。"></#if>
  <#return "正在整改,计划于" + cnDate(m.deadline) + "前完成。">
</#function>
require: 整改措施
title: <#if round.title?has_content>${round.title}<#else>${round.issuingOrgan}关于${k}整改情况的通报</#if>
subject: ${k}整改情况
keywords: ${k}整改, 通报, ${round.inspectedOrg}
<#if texts.OPENING?has_content>
<@paragraphs texts.OPENING/>
<#else>
p: 根据${round.deployedBy}统一部署,${cnPeriod(round.onsiteStart, round.onsiteEnd)},${round.inspectingBody}对${round.inspectedOrg}进行了${k}。${cnDate(round.feedbackDate)},${round.inspectingBody}向${round.inspectedOrg}反馈了${k}意见。按照党务公开原则和${k}整改工作有关要求,现将${k}整改情况予以公布。
</#if>
<#if texts.OVERVIEW?has_content>
<@paragraphs texts.OVERVIEW/>
<#else>
p: 截至${cnDate(asOf)},${k}反馈${problems.total}个问题,已完成整改${problems.completed}个<#if problems.inProgress gt 0>、正在整改${problems.inProgress}个</#if><#if problems.longTerm gt 0>、长期坚持整改${problems.longTerm}个</#if>,整改完成率${problems.percent}%。
</#if>
<@paragraphs texts.COMMITTEE![]/>
<@paragraphs texts.SECRETARY![]/>
<#list sections as s>
h2: (${cn(s?counter)})在“${aspect(s.title)}”方面
<#list s.items as item>
h3: ${item?counter}.关于“${quoted(item.summary)}”问题的整改
<#list item.measures as m>
h4: (${m?counter})${sentence(m.content)}
p: ${sentence(m.note)}${status(m)}
</#list>
</#list>
</#list>
<@paragraphs texts.PLAN_INTRO![]/>
<@numbered texts.PLAN_ITEM![]/>
<@closing "整改情况"/>
signature: ${round.issuingOrgan}
date: ${asOf.iso}
