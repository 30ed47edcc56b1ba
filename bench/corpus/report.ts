/**
 * One generated report: picks its format (by year), layout, damage and encoding in realistic
 * proportions, assembles title, prose and tables into lines, and returns the bytes with the truth.
 */
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import type { Rng } from './prng.ts';
import type { GeneratedAgency } from './agencies.ts';
import { NO_DAMAGE, renderTable, type Line, type TableDamage } from './layouts.ts';
import { appealsSentence, fillerParagraphs, normativeDocsSentence, proactiveSentence, requestsSentence, wrap, type WrapStyle } from './prose.ts';
import { buildStatsFujian, buildStatsNational, buildTable2, buildTable3, buildTable4, type DataRow, type Table, type ZeroStyle } from './tables.ts';
import type { Encoding, Layout, TrueCell, TrueProse, Truth } from './truth.ts';
import { crawledPage, minifyHtml, misreadName, withPageNumbers, wrapMidFigure } from './shapes.ts';

/** Relative size of an agency's caseload: a province's government sees far more than a township. */
const LEVEL_SCALE: Record<string, [government: number, department: number]> = {
  province: [15, 4],
  city: [8, 1.5],
  county: [3, 0.5],
  township: [0.15, 0.15],
};

export function agencyScale(rng: Rng, agency: GeneratedAgency): number {
  const [gov, dept] = LEVEL_SCALE[agency.level];
  return (agency.department ? dept : gov) * (0.3 + 2.7 * rng.next());
}

export interface ReportPlan {
  format: Truth['format'];
  variant: Truth['variant'];
  layout: Layout;
  encoding: Encoding;
  traditional: boolean;
  crlf: boolean;
  zero: ZeroStyle;
  blankTotal: boolean;
  damage: TableDamage;
  wrap: WrapStyle;
  /** Shapes of the whole text (shapes.ts). */
  pageNumbers: boolean;
  wrappedFigures: boolean;
  agencyMisread: boolean;
  minified: boolean;
  wordComments: boolean;
}

/** The proportions of formats, layouts, damage and encodings (report-format.md §E, §G). */
export function planReport(rng: Rng, agency: GeneratedAgency, year: number): ReportPlan {
  const narrative = rng.chance(year <= 2018 ? 0.35 : year <= 2020 ? 0.06 : 0.03);
  const format: Truth['format'] = narrative ? 'narrative' : year <= 2018 ? 'pre-2019' : year <= 2020 ? '2019' : '2021';
  const variant = format === 'pre-2019' ? (agency.fujian && rng.chance(0.7) ? 'fujian' : 'national') : null;
  const layout = rng.weighted<Layout>([
    ['tab', 30],
    ['space', 22],
    ['pdf-layout', 18],
    ['markdown', 8],
    ['html', 15],
    ['column', 2],
    ['crawled', 10],
  ]);
  const extracted = layout === 'space' || layout === 'pdf-layout';
  const damage: TableDamage = {
    ...NO_DAMAGE,
    brokenRows: extracted ? 0.04 : 0,
    splitLabels: extracted ? 0.1 : 0,
    fused: extracted && rng.chance(0.04),
    missingCell: (extracted || layout === 'tab') && rng.chance(0.02),
    typos: extracted && rng.chance(0.03),
    splitTags: layout === 'html' && rng.chance(0.3),
    wordExport: layout === 'html' && rng.chance(0.3),
    realHeaders: layout === 'html' && rng.chance(0.6),
  };
  damage.headerSpans = damage.realHeaders && rng.chance(0.4);
  const wrap: WrapStyle = layout === 'html' || layout === 'markdown' || layout === 'tab' || layout === 'crawled' ? 'para' : rng.chance(0.5) ? 'pdf-gap' : 'pdf';
  return {
    format,
    variant,
    layout,
    encoding: rng.weighted<Encoding>([
      ['utf8', 82],
      ['utf8-bom', 3],
      ['gbk', 14],
      ['utf16le', 1],
    ]),
    traditional: rng.chance(0.01),
    crlf: rng.chance(0.1),
    zero: rng.weighted<ZeroStyle>([
      ['0', 78],
      ['—', 9],
      ['——', 5],
      ['-', 5],
      ['/', 3],
    ]),
    blankTotal: (layout === 'tab' || layout === 'html' || layout === 'markdown') && rng.chance(0.03),
    damage,
    wrap,
    pageNumbers: extracted && rng.chance(0.3),
    wrappedFigures: wrap !== 'para' && rng.chance(0.3),
    agencyMisread: rng.chance(0.02),
    minified: layout === 'html' && rng.chance(0.3),
    wordComments: layout === 'html' && damage.wordExport,
  };
}

const SECTION_TITLES: Record<string, string[]> = {
  overview: ['一、总体情况', '一、总体情况', '一、概述'],
  proactive: ['二、主动公开政府信息情况'],
  requests: ['三、收到和处理政府信息公开申请情况'],
  appeals: ['四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开申请行政复议、提起行政诉讼的情况'],
  problems: ['五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'],
  other: ['六、其他需要报告的事项'],
};

export interface GeneratedReport {
  bytes: Buffer;
  ext: 'txt' | 'html';
  truth: Omit<Truth, 'file'>;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

function findSum(table: Table, metric: string): number {
  for (const r of table.rows) if (r.kind === 'data') for (const c of r.cells) if (c.metric === metric && (c.applicant === 'total' || c.applicant === null) && !c.cumulative) return c.actual;
  return 0;
}

function websiteFor(rng: Rng): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = '';
  for (let i = rng.int(4, 8); i > 0; i--) s += letters[rng.int(0, 25)];
  return `http://www.${s}.gov.cn/`;
}

export function generateReport(rng: Rng, agency: GeneratedAgency, year: number, scale: number): GeneratedReport {
  const plan = planReport(rng, agency, year);
  const lines: Line[] = [];
  const push = (...ls: Line[]) => lines.push(...ls);
  const blank = () => push({ text: '', cells: [] });
  const heading = (key: keyof typeof SECTION_TITLES) => {
    blank();
    const t = rng.pick(SECTION_TITLES[key]);
    push({ text: plan.layout === 'markdown' ? `## ${t}` : plan.layout === 'pdf-layout' ? `  ${t}` : t, cells: [] });
    if (plan.wrap !== 'pdf') blank();
  };
  const we = agency.department ? rng.pick(['我局', '本机关', '我单位']) : rng.pick(['本机关', '我区', '本级政府']);
  const vars = { year, we, name: agency.name };
  const yearLabel = rng.pick([`${year}年`, `${year} 年`, `${year}年度`, `${year} 年度`]);
  const title = `${agency.name}${year}年政府信息公开工作年度报告`;

  // Title: the name alone on a line, or the whole title on one line (sometimes wrapped, as seed 002).
  const titleStyle = rng.int(0, 2);
  if (rng.chance(0.5)) blank();
  const titleLine = lines.length + 1;
  const docName = plan.format === 'pre-2019' && rng.chance(0.3) ? '政府信息公开年度报告' : '政府信息公开工作年度报告';
  if (titleStyle === 0) push({ text: (plan.layout === 'markdown' ? '# ' : ' ') + agency.name, cells: [] }, { text: `${yearLabel}${docName}`, cells: [] });
  else if (titleStyle === 1) push({ text: `${agency.name}${yearLabel}${docName}`, cells: [] });
  else push({ text: `${agency.name} ${yearLabel}政府信息`, cells: [] }, { text: docName.slice(4), cells: [] });
  // A place character of the name misread in the title; the body still spells the name right.
  const misread = plan.agencyMisread ? misreadName(rng, agency.name, agency.county ?? agency.city) : null;
  if (misread) lines[titleLine - 1].text = lines[titleLine - 1].text.replace(agency.name, misread);
  blank();

  const site = websiteFor(rng);
  const start = rng.chance(0.01) ? `${year}0` : String(year); // the "20120 年" typo
  push(...wrap(rng, `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，特向社会公布${year}年度本机关政府信息公开工作年度报告。本报告中所列数据的统计期限自 ${start} 年 1 月 1 日起至 ${year} 年 12 月 31 日止。本报告电子版可在${agency.name}门户网站（${site}）下载。如对本报告有疑问，请与${agency.name}办公室联系。`, plan.wrap));

  const tables: Table[] = [];
  heading('overview');
  push(...fillerParagraphs(rng, rng.int(1, 3), vars, plan.wrap));
  if (plan.format === '2019' || plan.format === '2021') {
    const isGov = agency.department === null;
    const t2 = buildTable2(rng, plan.format, scale, isGov);
    const t3 = buildTable3(rng, plan.format, scale, plan.zero, plan.blankTotal);
    const t4 = buildTable4(rng, scale, plan.zero);
    tables.push(t2, t3, t4);
    const fresh = findSum(t3, 'requests.new');
    const said = rng.chance(0.03) ? fresh + rng.int(1, 9) : fresh; // the prose and the table may disagree (seed 001)
    if (rng.chance(0.6)) push(requestsSentence(rng, year, we, said, rng.chance(0.5) ? findSum(t3, 'requests.result.total') : null));
    push(...fillerParagraphs(rng, rng.int(1, 2), vars, plan.wrap));
    heading('proactive');
    if (plan.format === '2021' && rng.chance(0.3)) push(normativeDocsSentence(rng, year, we, findSum(t2, 'normative_docs.issued'), findSum(t2, 'normative_docs.repealed')));
    push(...renderTable(rng, t2, plan.layout, plan.damage));
    heading('requests');
    push(...renderTable(rng, t3, plan.layout, plan.damage));
    heading('appeals');
    push(...renderTable(rng, t4, plan.layout, plan.damage));
  } else if (plan.format === 'pre-2019') {
    const stats = plan.variant === 'fujian' ? buildStatsFujian(rng, scale, year) : buildStatsNational(rng, scale, plan.zero);
    tables.push(stats);
    const pTotal = findSum(stats, 'proactive.total');
    if (rng.chance(0.5)) push(proactiveSentence(rng, we, pTotal));
    push(...fillerParagraphs(rng, rng.int(1, 2), vars, plan.wrap));
    heading('requests');
    push(requestsSentence(rng, year, we, findSum(stats, 'requests.new'), null));
    heading('appeals');
    push(appealsSentence(rng, year, findSum(stats, 'review.total'), findSum(stats, 'litigation.total')));
    heading('problems');
    push(...fillerParagraphs(rng, 2, vars, plan.wrap, 'problems'));
    blank();
    push({ text: plan.layout === 'markdown' ? '## 六、政府信息公开情况统计表' : '六、政府信息公开情况统计表', cells: [] });
    blank();
    push({ text: '政府信息公开情况统计表', cells: [] }, { text: `（${year} 年度）`, cells: [] }, { text: `填报单位：${agency.name}`, cells: [] });
    blank();
    push(...renderTable(rng, stats, plan.layout === 'column' ? 'space' : plan.layout, plan.damage));
  } else {
    // Narrative-only (seed 000): the figures live in sentences.
    const fresh = Math.round(Math.max(0, scale * 3 * rng.next() * (rng.chance(0.4) ? 0 : 1)));
    const review = rng.chance(0.1) ? rng.int(1, 3) : 0;
    const suits = rng.chance(0.05) ? rng.int(1, 2) : 0;
    heading('proactive');
    push(proactiveSentence(rng, we, rng.int(20, Math.max(21, Math.round(400 * scale)))));
    push(...fillerParagraphs(rng, 1, vars, plan.wrap));
    heading('requests');
    push(requestsSentence(rng, year, we, fresh, null));
    heading('appeals');
    push(appealsSentence(rng, year, review, suits));
  }
  if (plan.format !== 'pre-2019') {
    heading('problems');
    push(...fillerParagraphs(rng, 2, vars, plan.wrap, 'problems'));
    heading('other');
    push({ text: '无。', cells: [] });
  }

  let body = lines;
  if (plan.wrappedFigures) body = wrapMidFigure(rng, body);
  if (plan.pageNumbers) body = withPageNumbers(rng, body);
  const html = plan.layout === 'html' ? toHtml(rng, body, title, plan.encoding, plan.wordComments) : null;
  const out = html
    ? plan.minified
      ? minifyHtml(html)
      : html
    : plan.layout === 'crawled'
      ? crawledPage(rng, body, { title: misread ? title.replace(agency.name, misread) : title, publisher: agency.name, year, site })
      : body;
  const cells: TrueCell[] = [];
  const prose: TrueProse[] = [];
  out.forEach((l, i) => {
    for (const c of l.cells) cells.push({ ...c, line: i + 1 });
    for (const p of l.prose ?? []) prose.push({ ...p, line: i + 1 });
  });
  // A dropped cell was never printed: cite the line its row's other numbers are on.
  for (const t of tables) for (const r of t.rows) if (r.kind === 'data') fixDroppedLines(r, cells);

  let text = out.map((l) => l.text).join(plan.crlf ? '\r\n' : '\n') + (plan.crlf ? '\r\n' : '\n');
  if (plan.traditional) text = toTraditional(text);
  const damage = describeDamage(plan, cells);
  const { bytes, encoding } = encode(text, plan.encoding);
  return {
    bytes,
    ext: plan.layout === 'html' ? 'html' : 'txt',
    truth: {
      agency: {
        name: agency.name,
        province: agency.province,
        city: agency.city,
        county: agency.county,
        divisionCode: agency.divisionCode,
        level: agency.level,
      },
      year,
      format: plan.format,
      variant: plan.variant,
      layout: plan.layout,
      encoding,
      traditional: plan.traditional,
      damage,
      title,
      titleLine: plan.layout === 'html' ? out.findIndex((l) => l.text.includes(agency.name)) + 1 : plan.layout === 'crawled' ? 1 : titleLine,
      cells,
      prose,
    },
  };
}

function fixDroppedLines(row: DataRow, cells: TrueCell[]): void {
  const dropped = row.cells.find((c) => c.damage.includes('dropped'));
  if (!dropped) return;
  const sibling = cells.find((c) => c.metric === dropped.metric && c.damage.includes('missing_cell'));
  cells.push({ ...dropped, line: sibling?.line ?? 0 });
}

function describeDamage(plan: ReportPlan, cells: TrueCell[]): string[] {
  const out = new Set<string>();
  if (plan.crlf) out.add('crlf');
  if (plan.traditional) out.add('traditional');
  if (plan.blankTotal) out.add('blank_total');
  if (plan.zero !== '0') out.add(`zero_as_${plan.zero}`);
  if (plan.damage.splitTags) out.add('html_split_tags');
  if (plan.damage.wordExport) out.add('html_word_export');
  if (plan.damage.realHeaders) out.add(plan.damage.headerSpans ? 'html_header_spans' : 'html_real_headers');
  if (plan.minified) out.add('html_minified');
  if (plan.layout === 'crawled') out.add('crawled');
  if (plan.pageNumbers) out.add('page_numbers');
  if (plan.wrappedFigures) out.add('wrapped_figures');
  if (plan.agencyMisread) out.add('agency_misread');
  for (const c of cells) for (const d of c.damage) out.add(d);
  return [...out].sort();
}

function encode(text: string, wanted: Encoding): { bytes: Buffer; encoding: Encoding } {
  switch (wanted) {
    case 'utf8':
      return { bytes: Buffer.from(text, 'utf8'), encoding: wanted };
    case 'utf8-bom':
      return { bytes: Buffer.from('\ufeff' + text, 'utf8'), encoding: wanted };
    case 'utf16le':
      return { bytes: Buffer.from('\ufeff' + text, 'utf16le'), encoding: wanted };
    case 'gbk':
    case 'gb18030': {
      // A rare place-name character outside GBK needs GB18030 (its superset) to survive the round trip.
      const gbk = iconv.encode(text, 'gbk');
      if (iconv.decode(gbk, 'gbk') === text) return { bytes: gbk, encoding: 'gbk' };
      return { bytes: iconv.encode(text, 'gb18030'), encoding: 'gb18030' };
    }
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const WORD_SPAN = '<span style="font-family:仿宋_GB2312;font-size:16.0pt">';

/** Word's HTML for a paragraph: text in <span>s, a stated figure sometimes split over two ("2" + "17"). */
function wordParagraph(rng: Rng, text: string): string {
  const m = /\d{2,}/u.exec(text);
  const k = m && rng.chance(0.3) ? m.index + rng.int(1, m[0].length - 1) : -1;
  const inner = k < 0 ? esc(text) : `${esc(text.slice(0, k))}</span>${WORD_SPAN}${esc(text.slice(k))}`;
  return `<p class="MsoNormal" style="text-indent:32.0pt">${WORD_SPAN}${inner}</span></p>`;
}

/** A Word list heading: its number inside <!--[if !supportLists]--> … <!--[endif]-->. */
function wordHeading(text: string): string {
  const m = /^([一二三四五六七八九十]、)(.*)$/u.exec(text);
  if (!m) return `<p class="MsoNormal">${WORD_SPAN}<b>${esc(text)}</b></span></p>`;
  return `<p class="MsoNormal" style="text-indent:32.0pt;mso-list:l0 level1 lfo1"><!--[if !supportLists]-->${WORD_SPAN}${m[1]}</span><!--[endif]-->${WORD_SPAN}${esc(m[2])}</span></p>`;
}

/** A web page: prose as <p>, headings bold, tables already rendered as HTML rows (one <tr> per line). */
function toHtml(rng: Rng, lines: Line[], title: string, encoding: Encoding, word: boolean): Line[] {
  const charset = encoding === 'gbk' || encoding === 'gb18030' ? 'gbk' : 'utf-8';
  const out: Line[] = [
    { text: '<!DOCTYPE html>', cells: [] },
    { text: '<html>', cells: [] },
    { text: '<head>', cells: [] },
    { text: `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`, cells: [] },
    { text: `<title>${esc(title)}</title>`, cells: [] },
    { text: '</head>', cells: [] },
    { text: '<body>', cells: [] },
    { text: '<div class="TRS_Editor">', cells: [] },
  ];
  for (const l of lines) {
    if (l.text === '') continue;
    if (l.text.startsWith('<')) out.push(l);
    else if (/^\s*[一二三四五六七八九十]、/.test(l.text) && l.text.length < 40 && l.cells.length === 0) {
      out.push({ ...l, text: word ? wordHeading(l.text.trim()) : `<p style="text-indent:2em"><strong>${esc(l.text.trim())}</strong></p>` });
    } else out.push({ ...l, text: word ? wordParagraph(rng, l.text.trim()) : `<p style="text-indent:2em">${esc(l.text.trim())}</p>` });
  }
  out.push({ text: '</div>', cells: [] }, { text: '</body>', cells: [] }, { text: '</html>', cells: [] });
  return out;
}
