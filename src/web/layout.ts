/** The page shell every page shares: head with our stylesheet only, the site navigation, the content. */
import { html, type Html } from './html.ts';

const NAV: Array<[string, string]> = [
  ['/', '问答'],
  ['/agencies', '单位'],
  ['/compare', '排名与比较'],
  ['/review', '报告审核'],
];

export function page(title: string, body: Html, options: { description?: string } = {}): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 公开 gongkai</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ''}
<link rel="stylesheet" href="/assets/style.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
</head>
<body>
<header class="site"><a class="brand" href="/">公开 gongkai</a><nav>${NAV.map(([href, label]) => html`<a href="${href}">${label}</a>`)}</nav>
<span class="muted">政府信息公开工作年度报告：每个数字都有出处</span></header>
<main>
${body}
</main>
</body>
</html>
`.value;
}

/** "导出：CSV · JSON" for the table a page shows, keeping the page's own query. */
export function exportLinks(path: string, query: string): Html {
  const join = query ? `${query}&` : '?';
  return html`<p class="exports">导出此表：<a href="${path}${join}format=csv" download>CSV</a><a href="${path}${join}format=json">JSON</a></p>`;
}
