<#-- The progress bulletin (巡视整改进展情况的通报), style 责任落实式 (the default): part 一 the narrative of the
     committee and of its first-responsible person, part 二 one 公开表述 per problem by section, part 三 the plans.
     One element per line: title:, h1:…h4:, p:, signature:, date:.
     Figures come from the data: f.* (work events, ledger counts), problems.* and measures.* (as of the date),
     and sections[].problems/measures. Texts people wrote for the round are in texts.*, their {名称} figures already filled in
     (they are printed as written, never run as templates); each is {text, level, kind}, kind p or h1…h3 (the 层级).
     require: lines name what a draft of this style must have, else it is incomplete: text in one of the 文稿 parts
     named (their labels), or 公开表述 (each problem's public statement). -->
<#include "/lib/format.ftl">
<#assign k = round.kind>
require: 组织落实 主要负责人
require: 公开表述
require: 工作打算导语 工作打算
title: <#if round.title?has_content>${round.title}<#else>${round.issuingOrgan}关于${k}整改进展情况的通报</#if>
subject: ${k}整改进展情况
keywords: ${k}整改, 通报, ${round.inspectedOrg}
<#if texts.OPENING?has_content>
<@paragraphs texts.OPENING/>
<#else>
p: 根据${round.deployedBy}部署,${cnPeriod(round.onsiteStart, round.onsiteEnd)},${round.inspectingBody}对${round.inspectedOrg}开展了${k},并于${cnDate(round.feedbackDate)}反馈了${k}意见。按照党务公开规定和${k}工作有关要求,现将${k}整改进展情况通报如下。
</#if>
<@paragraphs texts.OVERVIEW![]/>
h1: 一、${round.shortName}及主要负责人组织整改落实情况
<@paragraphs texts.COMMITTEE![]/>
<@paragraphs texts.SECRETARY![]/>
h1: 二、集中整改期内${k}整改进展情况
p: 截至${cnDate(asOf)},${k}反馈的${problems.total}个问题已完成整改${problems.completed}个<#if problems.longTerm gt 0>、长期坚持整改${problems.longTerm}个</#if><#if problems.inProgress gt 0>、正在整改${problems.inProgress}个</#if>;细化的${measures.total}项整改措施已完成${measures.completed}项、完成率${measures.rate?string("0.0")}%<#if measures.longTerm gt 0>,长期坚持${measures.longTerm}项</#if><#if measures.inProgress gt 0>,<#if measures.active gt 0>正在推进${measures.active}项</#if><#if measures.notStarted gt 0><#if measures.active gt 0>、</#if>尚未启动${measures.notStarted}项</#if><#if measures.overdue gt 0>(其中超期${measures.overdue}项,已督促加快进度)</#if></#if>。
<#list sections as s>
h2: (${cn(s.seq)})${s.title}
<#list s.items as item>
p: ${item.seq}.${item.statement}
</#list>
</#list>
h1: 三、对持续整改的工作打算
<@paragraphs texts.PLAN_INTRO![]/>
<@numbered texts.PLAN_ITEM![]/>
<@closing "整改进展情况"/>
signature: ${round.issuingOrgan}
date: ${asOf.iso}
