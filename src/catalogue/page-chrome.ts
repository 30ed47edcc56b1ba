/**
 * Words of a saved web page that are not the report: a crawler's `key: value` header block, and the
 * portal's breadcrumb / share / print chrome around the body. Data, read by ingest/text/crawled.ts.
 */

/** Header keys a crawler writes before the body, by what they are. */
export const HEADER_KEYS: Record<string, 'title' | 'published' | 'publisher' | 'url' | 'other'> = {
  标题: 'title',
  题名: 'title',
  名称: 'title',
  title: 'title',
  发布时间: 'published',
  发布日期: 'published',
  成文日期: 'published',
  日期: 'published',
  时间: 'published',
  date: 'published',
  发布机构: 'publisher',
  发文机关: 'publisher',
  来源: 'publisher',
  信息来源: 'publisher',
  source: 'publisher',
  原文链接: 'url',
  原文地址: 'url',
  链接: 'url',
  网址: 'url',
  url: 'url',
  文号: 'other',
  发文字号: 'other',
  索引号: 'other',
  栏目: 'other',
  分类: 'other',
  主题分类: 'other',
  关键词: 'other',
  作者: 'other',
  本地目录: 'other',
  保存路径: 'other',
};

/** Lines of the header block that carry no key ("页面链接与图片详见 links.tsv") and the body separator. */
export const HEADER_NOTE = /^(?:页面链接|附件与图片|图片详见|links\.tsv)/u;
export const BODY_SEPARATOR = /^[=\-*#]{3,}\s*(?:正文|内容|body)?\s*[=\-*#]*$/iu;

/** How a breadcrumb starts ("当前位置：首页 > 政务公开 > …"). */
export const BREADCRUMB_START = /^\s*(?:(?:当前位置|您当前的位置|您现在的位置|您的位置|所在位置|当前页面)\s*[:：]|首页\s*[>＞›»\/])/u;

/**
 * Page chrome that may follow a breadcrumb before the report's first words: share targets, view
 * switches, print/close, font size, "来源：… 时间：…" bylines. The body starts after the last of them.
 */
export const CHROME_TOKENS = [
  '相关链接：',
  '相关链接:',
  '文件下载',
  '文字版',
  '全真版',
  'QQ空间',
  '微信',
  '微博',
  '分享到：',
  '分享到:',
  '分享到',
  '【打印】',
  '【关闭】',
  '打印本页',
  '关闭窗口',
  '字号：',
  '【大 中 小】',
  '【大】【中】【小】',
  '-->',
  '浏览次数：',
  '阅读次数：',
];

/** How far into a breadcrumb line chrome may still be (characters). */
export const CHROME_REACH = 400;

/** A portal's footer after a report's body: download, print, close, back-to-top links. */
export const TRAILING_CHROME = /^(?:附件下载|相关附件|打印本页|关闭窗口|返回顶部|【打印】|【关闭】|【打印】\s*【关闭】|分享到[:：]?)$/u;
