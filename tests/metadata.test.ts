import { describe, expect, it } from 'vitest';
import { formatSourcesTable } from '../src/cli/sourcesTable.ts';
import { parseDocument } from '../src/corpus/parse.ts';
import type { DocumentMetadata } from '../src/corpus/types.ts';

/**
 * Small documents written for these tests in the shapes real ones arrive in (the articles are
 * invented). Each states what a reader of a citation or of the sources list would notice.
 */
interface Fixture {
  shape: string;
  extension: '.txt' | '.md' | '.html';
  text: string;
  expected: Partial<DocumentMetadata>;
  /** Text the document must keep (attachments, promulgation lines). */
  keeps?: string[];
}

const fixtures: Fixture[] = [
  {
    shape: 'regulation copied from a web page: breadcrumb, title, order parenthetical, chapters',
    extension: '.txt',
    text: `首页 > 政策法规 > 部门规章
快递网点管理办法
【字体：大 中 小】【打印】【关闭】
（中华人民共和国交通运输部令2019年第9号，2019年5月6日公布，自2019年7月1日起施行）
第一章 总则
第一条 为了规范快递网点的设立和经营，保护用户合法权益，制定本办法。
第二条 在中华人民共和国境内设立快递网点，适用本办法。
第二章 网点设立
第一节 一般规定
第三条 快递网点应当在营业场所公示服务种类和资费标准。
第四条 本办法自2019年7月1日起施行。
`,
    expected: {
      title: '快递网点管理办法',
      date: '2019-05-06',
      effectiveDate: '2019-07-01',
      issuer: '交通运输部',
      documentNumber: '交通运输部令2019年第9号',
      scope: '全国',
      categories: ['首页 > 政策法规 > 部门规章'],
    },
    keeps: ['（中华人民共和国交通运输部令2019年第9号', '第一节 一般规定'],
  },
  {
    shape: 'State Council regulation: order and later revision in one parenthetical',
    extension: '.txt',
    text: `示例寄递安全条例
（2016年3月2日中华人民共和国国务院令第800号公布　根据2019年3月2日《国务院关于修改部分行政法规的决定》修订）
第一章　总则
第一条 为了保障寄递安全，制定本条例。
第二条 寄递企业应当执行收寄验视制度。
第三条 本条例自2016年5月1日起施行。
`,
    expected: { title: '示例寄递安全条例', date: '2019-03-02', effectiveDate: '2016-05-01', issuer: '国务院', documentNumber: '国务院令第800号', scope: '全国' },
  },
  {
    shape: 'law: adoption and revision by the congress in the parenthetical',
    extension: '.txt',
    text: `中华人民共和国示例邮件法
（1990年12月2日第七届全国人民代表大会常务委员会第十八次会议通过　2009年4月24日第十一届全国人民代表大会常务委员会第八次会议修订）
第一条 为了保护通信自由，制定本法。
第二条 邮件受法律保护。
第三条 本法自2009年10月1日起施行。
`,
    expected: { title: '中华人民共和国示例邮件法', date: '2009-04-24', effectiveDate: '2009-10-01', issuer: '全国人民代表大会常务委员会', scope: '全国' },
  },
  {
    shape: 'notice exported from Word: banner, 发文字号, title on two lines, 落款 with date, attachment',
    extension: '.txt',
    text: `浙江省邮政管理局文件
浙邮管发〔2020〕3号
关于做好2020年春节期间
寄递渠道安全保障工作的通知
各市邮政管理局：
　　为做好春节期间寄递渠道安全保障工作，现将有关事项通知如下：
　　一、严格落实收寄验视、实名收寄和过机安检制度。
　　二、加强值班值守，遇有突发情况及时报告。
　　附件：春节期间寄递企业值班表
浙江省邮政管理局
2020年1月10日
（此件公开发布）
附件
春节期间寄递企业值班表
企业名称、值班人员、联系电话
`,
    expected: {
      title: '关于做好2020年春节期间寄递渠道安全保障工作的通知',
      date: '2020-01-10',
      issuer: '浙江省邮政管理局',
      documentNumber: '浙邮管发〔2020〕3号',
      scope: '浙江省',
    },
    keeps: ['附件：春节期间寄递企业值班表', '企业名称、值班人员、联系电话', '浙江省邮政管理局\n2020年1月10日'],
  },
  {
    shape: 'joint notice exported from Word: issuers before 关于, 落款 dated in Chinese numerals',
    extension: '.txt',
    text: `国家邮政局　商务部
关于推进快递进村的指导意见
各省、自治区、直辖市邮政管理局、商务主管部门：
　　为推进快递服务进村，提出如下意见。
　　一、完善农村寄递网络。
国家邮政局　商务部
二〇二一年三月五日
`,
    expected: { title: '国家邮政局　商务部关于推进快递进村的指导意见', date: '2021-03-05', issuer: '国家邮政局、商务部', scope: '全国' },
  },
  {
    shape: 'Markdown regulation: # title, history lines, ## chapters',
    extension: '.md',
    text: `# 示例省快递条例

2015年7月1日 广东省第十二届人民代表大会常务委员会第十次会议通过

2020年9月29日 广东省第十三届人民代表大会常务委员会第二十五次会议修正

<!-- INFO END -->

## 第一章 总则

第一条 为了促进快递业发展，制定本条例。

第二条 本省行政区域内的快递活动，适用本条例。

第三条 本条例自2015年10月1日起施行。
`,
    expected: { title: '示例省快递条例', date: '2020-09-29', effectiveDate: '2015-10-01', issuer: '广东省人民代表大会常务委员会', scope: '广东省' },
    keeps: ['2015年7月1日 广东省第十二届人民代表大会常务委员会第十次会议通过'],
  },
  {
    shape: 'Markdown with front matter: stated title, date and issuer win over the text',
    extension: '.md',
    text: `---
title: 快递服务规范（修订稿）
date: 2022-02-01
issuer: 国家邮政局
---
# 快递服务规范
（中华人民共和国交通运输部令2012年第3号，2012年1月1日公布，自2012年3月1日起施行）
第一条 快递企业应当按照本规范提供服务。
`,
    expected: { title: '快递服务规范（修订稿）', date: '2022-02-01', effectiveDate: '2012-03-01', issuer: '国家邮政局', documentNumber: '交通运输部令2012年第3号' },
  },
  {
    shape: 'web page stored by /corpus add-url: front matter names where it was fetched from',
    extension: '.html',
    text: `---
title: 关于加强快递包装管理的通知
date: '2024-01-05'
source: 国家邮政局
sourceUrl: https://www.example.gov.cn/zcfg/202401/t20240105_1.html
---
<div><p>各省、自治区、直辖市邮政管理局：</p><p>一、严格落实包装标准。</p></div>
`,
    expected: { title: '关于加强快递包装管理的通知', date: '2024-01-05', source: '国家邮政局', sourceUrl: 'https://www.example.gov.cn/zcfg/202401/t20240105_1.html', attachedTo: null },
  },
  {
    shape: 'attachment stored with its page: the page is named; an address that is not http(s) is dropped',
    extension: '.md',
    text: `---
sourceUrl: javascript:alert(1)
attachedTo: HTTPS://www.example.gov.cn/zcfg/page.html
---
示例市快递服务管理办法
第一条 为了规范示例市快递服务，制定本办法。
`,
    expected: { title: '示例市快递服务管理办法', sourceUrl: null, attachedTo: 'https://www.example.gov.cn/zcfg/page.html' },
  },
  {
    shape: 'HTML page: <title> with site name, <h1>, publication line with source',
    extension: '.html',
    text: `<html><head><meta charset="utf-8"><title>关于加强智能快件箱管理的通知_国家邮政局</title></head>
<body><div class="nav">首页</div><div class="nav">通知公告</div>
<h1>关于加强智能快件箱管理的通知</h1>
<p>发布时间：2021-03-02　来源：国家邮政局</p>
<p>各省、自治区、直辖市邮政管理局：</p>
<p>为规范智能快件箱投递，现通知如下。快递企业使用智能快件箱投递快件，应当征得收件人同意。</p>
</body></html>`,
    expected: { title: '关于加强智能快件箱管理的通知', date: '2021-03-02', source: '国家邮政局', scope: '全国' },
  },
  {
    shape: 'HTML page with only a <title>: the site name is dropped',
    extension: '.html',
    text: `<html><head><title>快递末端网点备案指引 - 示例邮政网</title></head>
<body><p>快递末端网点应当自开办之日起二十日内向邮政管理部门备案。</p></body></html>`,
    expected: { title: '快递末端网点备案指引' },
  },
  {
    shape: 'news item without a title line: a title from its lead (who and what)',
    extension: '.txt',
    text: `日前，江苏、浙江、安徽、福建等省邮政管理局分别召开会议，传达学习全国邮政管理工作会议精神，部署今年重点工作。
江苏省邮政管理局
要求全系统抓好寄递安全，确保寄递渠道安全畅通。
`,
    expected: { title: '江苏、浙江等地邮政管理局召开会议', date: null, issuer: null, scope: '全国' },
  },
  {
    shape: 'news item of one provincial bureau: its first two clauses, and its province as scope',
    extension: '.txt',
    text: `近日，河北省邮政管理局召开会议，部署寄递安全工作。
会议要求各市局加强检查。
`,
    expected: { title: '河北省邮政管理局召开会议，部署寄递安全工作', scope: '河北省' },
  },
  {
    shape: 'news item opening with its source and date: the preamble is not the title',
    extension: '.txt',
    text: `国家邮政局网站消息，4月8日，国家邮政局召开安全生产电视电话会议，部署下一阶段安全生产重点任务。
会议强调，要坚决抓好安全生产各项工作落实落地。
`,
    expected: { title: '国家邮政局召开安全生产电视电话会议' },
  },
  {
    shape: 'news item in Traditional script opening with its source: 據…報道 is not the title',
    extension: '.txt',
    text: `據新華社報道，國家郵政局召開會議，部署寄遞安全工作。
會議要求各地加強檢查。
`,
    expected: { title: '國家郵政局召開會議，部署寄遞安全工作' },
  },
  {
    shape: 'web page in Traditional script: section line, title, 發布時間 line, 來源 at the end',
    extension: '.txt',
    text: `各省快遞協會動態
國家郵政局部署寄遞渠道安全專項整治工作
發布時間：2019-06-03
6月2日，國家郵政局召開電視電話會議，部署寄遞渠道安全專項整治工作。
(本文來源:國家郵政局)
`,
    expected: { title: '國家郵政局部署寄遞渠道安全專項整治工作', date: '2019-06-03', source: '國家郵政局', categories: ['各省快遞協會動態'] },
  },
  {
    shape: 'title line broken by a wrong decode: cut before the quote the garbage leaves open',
    extension: '.txt',
    text: `國家郵政局部署工作 做好“六穩”落實“六?!迸ν瓿扇昴繕巳蝿?
發布時間：2020-04-28
4月27日，國家郵政局召開會議，部署下一階段任務。
`,
    expected: { title: '國家郵政局部署工作 做好“六穩”落實…', date: '2020-04-28' },
  },
  {
    shape: 'regulation text without a title line: chapters and sections are never the title',
    extension: '.txt',
    text: `第一章 总则
第一节 一般规定
第一条 为了规范快递包装，减少资源消耗，制定本规定。
第二条 快递企业应当使用环保包装。
第三条 本规定自2020年6月1日起施行。
`,
    expected: { title: '为了规范快递包装，减少资源消耗…', effectiveDate: '2020-06-01' },
  },
];

/** Every shape also as Windows (CRLF) and as UTF-8 with a byte order mark, as Word and Notepad save them. */
const table = fixtures.flatMap((f) => [f, { ...f, shape: `${f.shape} (CRLF)`, text: f.text.replace(/\n/gu, '\r\n') }, { ...f, shape: `${f.shape} (BOM)`, text: `\uFEFF${f.text}` }]);

describe('metadata read from the text of a document', () => {
  it.each(table)('$shape', ({ extension, text, expected, keeps }) => {
    const { document } = parseDocument({ id: 'doc', path: `doc${extension}`, text, extension });
    expect(document.metadata).toMatchObject(expected);
    for (const kept of keeps ?? []) expect(document.pageContent).toContain(kept);
    // Structure and furniture never stand in for the title.
    expect(document.metadata.title).not.toMatch(/^第.{1,6}[章节条]|^附件|\r|\uFEFF|文件$/u);
  });
});

describe('the sources table (npm run sources)', () => {
  it('prints one Markdown row per document, with — where the text states nothing', () => {
    const { document } = parseDocument({ id: 'a|b', path: 'a.txt', text: fixtures[0]!.text, extension: '.txt' });
    const news = parseDocument({ id: 'news', path: 'n.txt', text: '日前，国家邮政局召开会议。\n', extension: '.txt' }).document;
    expect(formatSourcesTable([document.metadata, news.metadata]).split('\n')).toEqual([
      '| 文档 | 标题 | 日期 | 施行 | 发布机关 | 文号 | 来源 | 适用范围 |',
      '|---|---|---|---|---|---|---|---|',
      '| a\\|b | 快递网点管理办法 | 2019-05-06 | 2019-07-01 | 交通运输部 | 交通运输部令2019年第9号 | 交通运输部 | 全国 |',
      '| news | 国家邮政局召开会议 | — | — | — | — | — | 全国 |',
      '',
    ]);
  });
});
