<#-- Number and date wording shared by the documents. -->
<#-- 63 → "60余": "more than" the tens below; a round number stays as it is. -->
<#function over n>
  <#if n < 20 || n % 10 == 0><#return n?c></#if>
  <#return ((n / 10)?floor * 10)?c + "余">
</#function>
<#-- 9 → "近10": "nearly" the tens above. -->
<#function nearly n>
  <#if n % 10 == 0><#return n?c></#if>
  <#return "近" + ((n / 10)?ceiling * 10)?c>
</#function>
<#-- 1 → 一, 12 → 十二, 26 → 二十六 (for （一）… and 一、…). -->
<#function cn n>
  <#local digits = ["零","一","二","三","四","五","六","七","八","九"]>
  <#if n < 10><#return digits[n]></#if>
  <#if n < 20><#return "十" + (n % 10 == 0)?then("", digits[n % 10])></#if>
  <#return digits[(n / 10)?floor] + "十" + (n % 10 == 0)?then("", digits[n % 10])>
</#function>
<#-- {y,m,d} → 2025年2月21日; a date written coarsely prints as written (its text: 2022年9月中旬) -->
<#function cnDate d><#return d.text!(d.y?c + "年" + d.m + "月" + d.d + "日")></#function>
<#-- a period: 2024年8月20日至9月29日, 2022年9月中旬至10月下旬 (the year once when both ends share it) -->
<#function cnPeriod a b>
  <#if a.y == b.y><#return cnDate(a) + "至" + b.md!(b.m + "月" + b.d + "日")></#if>
  <#return cnDate(a) + "至" + cnDate(b)>
</#function>
<#-- A part of the texts the office wrote, one element each: a paragraph, or a heading of the level its 层级 names. -->
<#macro paragraphs texts>
<#list texts as t>
${t.kind}: ${t.text}
</#list>
</#macro>
<#-- The same, the paragraphs numbered 1. 2. … (headings are not counted). -->
<#macro numbered texts>
<#local n = 0>
<#list texts as t>
<#if t.level == 0>
<#local n = n + 1>
p: ${n}.${t.text}
<#else>
${t.kind}: ${t.text}
</#if>
</#list>
</#macro>
<#-- The closing paragraph: supervision welcome, with the round's contacts (what: 整改进展情况 or 整改情况). -->
<#macro closing what>
p: 欢迎广大干部群众对${round.kind}${what}进行监督。如有意见建议,请及时向我们反映。<#if round.contactPhone?has_content>联系电话:${round.contactPhone};</#if><#if round.contactAddress?has_content>通信地址:${round.contactAddress};</#if><#if round.contactEmail?has_content>电子邮箱:${round.contactEmail}。</#if>
</#macro>
