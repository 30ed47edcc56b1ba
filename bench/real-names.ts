/**
 * Names and years on real reports: for each report file of a folder, the agency (full name, place) and
 * year the product reads from the whole file, against the expected agency and year of its gold file
 * (gold/<name>.json "agency", "year"). Also the identity read from the title alone, so that names can be
 * judged while a file is refused for another reason. Material stays outside the repository:
 *
 *   node --import tsx bench/real-names.ts ../shared/real
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from '../src/ingest/parse.ts';
import { readIdentity } from '../src/ingest/identity/identity.ts';
import { buildDocument } from '../src/ingest/text/document.ts';
import { loadReport } from '../src/ingest/text/load.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('用法 / usage: node --import tsx bench/real-names.ts <报告文件夹 / folder with gold/*.json>');
  process.exit(2);
}

/** A one-title document with a six-section body, so the title's reading is judged on its own. */
const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
function fromTitle(title: string): string {
  const r = readIdentity(buildDocument([title, ...SECTIONS, ...Array.from({ length: 20 }, () => '正文。')]));
  return r.ok ? `${r.value.agency.name} ${r.value.year}` : `拒绝 ${r.error.code}`;
}

let files = 0;
let right = 0;
let titleRight = 0;
for (const f of readdirSync(dir).filter((x) => /\.(txt|md|html?)$/iu.test(x)).sort()) {
  const goldPath = join(dir, 'gold', `${basename(f).replace(/\.[^.]+$/u, '')}.json`);
  if (!existsSync(goldPath)) continue;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { agency: string; year: number };
  const bytes = readFileSync(join(dir, f));
  const loaded = loadReport(bytes, f);
  let read: string;
  let warnings = '';
  if (!loaded.ok) read = `拒绝 ${loaded.error.code}`;
  else {
    const parsed = parseDocument(loaded.doc);
    if (parsed.ok) {
      const a = parsed.report.agency;
      read = `${a.name} ${parsed.report.year}`;
      const names = parsed.report.warnings.filter((w) => w.code.startsWith('name.'));
      if (names.length) warnings = `  [${names.map((w) => w.code).join(', ')}]`;
      read += `  (${[a.province, a.city, a.county].filter(Boolean).join(' / ') || '无地区'})`;
    } else read = `拒绝 ${parsed.error.code}: ${parsed.error.message.slice(0, 60)}`;
  }
  const title = /^标题[:：]\s*(.+)$/mu.exec(bytes.toString('utf8'))?.[1]?.trim() ?? '';
  const byTitle = title ? fromTitle(title) : '（无标题行）';
  const want = `${gold.agency} ${gold.year}`;
  const ok = read.startsWith(`${want} `) || read === want;
  files++;
  if (ok) right++;
  if (byTitle === want) titleRight++;
  console.log(`${ok ? '✓' : '✗'} ${f}\n    应为 ${want}\n    整份读出 ${read}${warnings}\n    仅标题行 ${byTitle}`);
}
console.log(`\n整份报告读对机构与年度 ${right}/${files}；仅凭标题行 ${titleRight}/${files}`);
