/**
 * A notice page shaped like a Chinese government site's (the notice itself is invented): the
 * publishing system's meta tags, navigation, breadcrumbs, a 发布时间/来源 line, the article with
 * 一、二、 items, attachment links, a sidebar of other news, and the footer.
 */
export const NOTICE = {
  title: '关于规范示例市快递末端投递服务的通知',
  date: '2024-01-05',
  publisher: '示例市邮政管理局',
  items: [
    '一、快递企业应当按照约定地址投递快件，不得未经用户同意擅自使用智能快件箱或快递服务站投递。',
    '二、快递企业使用智能快件箱投递的，应当及时告知收件人取件信息，免费保管期限不得少于二十四小时。',
    '三、快递企业应当建立投诉处理制度，对用户投诉应当在七日内处理完毕并答复用户。',
    '四、本通知自2024年2月1日起施行。',
  ],
};

/** Words of the site's furniture: none may reach the stored document. */
export const BOILERPLATE = ['机构概况', '当前位置', '热点新闻', '版权所有', '网站地图', '京ICP备'];

export interface NoticeLink {
  href: string;
  text: string;
}

export function noticePage(attachments: readonly NoticeLink[] = [], head = '<meta charset="utf-8">'): string {
  const links = attachments.map((a) => `<a href="${a.href}">${a.text}</a>`).join('<br>');
  return `<!DOCTYPE html>
<html><head>${head}
<title>${NOTICE.title}_${NOTICE.publisher}</title>
<meta name="SiteName" content="${NOTICE.publisher}网站">
<meta name="ArticleTitle" content="${NOTICE.title}">
<meta name="PubDate" content="${NOTICE.date} 09:30">
<meta name="ContentSource" content="${NOTICE.publisher}">
</head><body>
<div class="top"><a href="/">首页</a> | <a href="/jg">机构概况</a> | <a href="/zw">政务公开</a> | <a href="/hd">互动交流</a> | <a href="/map">网站地图</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt; 通知公告</div>
<div class="wrap">
<div class="side"><h3>热点新闻</h3><ul>
<li><a href="/news/1.html">示例市召开寄递安全工作会议</a></li>
<li><a href="/news/2.html">示例市开展快递业务旺季服务保障工作</a></li>
</ul></div>
<div class="article">
<h1>${NOTICE.title}</h1>
<div class="info">发布时间：${NOTICE.date}　来源：${NOTICE.publisher}　【字体：大 中 小】</div>
<div class="content" id="zoom">
<p>各快递企业：</p>
<p>为规范快递末端投递服务，保障用户合法权益，现就有关事项通知如下：</p>
${NOTICE.items.map((item) => `<p>${item}</p>`).join('\n')}
<p style="text-align:right">${NOTICE.publisher}</p>
<p style="text-align:right">2024年1月5日</p>
${links ? `<p>附件：<br>${links}</p>` : ''}
</div></div></div>
<div class="footer"><p>主办单位：${NOTICE.publisher}　版权所有　京ICP备00000000号</p><p>地址：示例市示例路1号　联系电话：000-00000000</p></div>
</body></html>`;
}
