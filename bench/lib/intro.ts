/** The fixed introduction of docs/performance.md: how it is measured, what the generator writes, the machine. */
import { BENCH_DIR } from './cache.ts';
import { machineLine, type Machine } from './machine.ts';

export function introText(machine: Machine): string {
  return `# Performance

Measured by \`npm run bench\` (\`bench/run.ts\`; one file per benchmark in \`bench/\`). Each section below says how it was
measured and when; re-run a benchmark to replace its section (\`npm run bench -- --only ask\`). \`--quick\` runs smaller
inputs (1,000-report ingest and accuracy corpora, a 10,000-report "large" index) so a run fits in a few minutes.

Inputs are generated, never downloaded: \`npm run gen:corpus -- --agencies N --years 2015-2025 --out DIR [--seed S]\` writes
realistic reports (every format, layout, encoding and kind of extraction damage in report-format.md §G, in realistic
proportions; names from the GB/T 2260 gazetteer) each beside a \`.truth.json\` sidecar with its true identity and every true
cell with its line. What the generator writes (bench/corpus/report.ts, planReport):

| | proportions |
|---|---|
| format | ≤ 2018: pre-2019 statistics table 65% (Fujian agencies: Fujian's variant 70% of those), narrative-only 35%; 2019–2020: 2019 format 94%, narrative 6%; ≥ 2021: 2021 format 97%, narrative 3% |
| agencies | governments and 23 kinds of department at province, city and county level, and townships (街道办事处/镇/乡人民政府), weighted towards governments and city departments; thousands of 统计局, repeated district names |
| layout | tab 30% · space-separated PDF text 22% · pdftotext -layout 18% · HTML (rowspan/colspan) 15% · Markdown 8% · one cell per line 2% |
| encoding | UTF-8 82% · UTF-8 with BOM 3% · GBK (GB18030 when a place name needs it) 14% · UTF-16LE 1%; Traditional characters 1%; CRLF 10% |
| figures | mostly 0 or small, some hundreds, rare thousands; zeros printed as 0 78% · — 14% · - 5% · / 3%; blank 总计 column 3% of tab/HTML/Markdown tables |
| damage (PDF text) | numbers on the next line 4% of rows · labels broken mid-word 10% of long labels · fused digit runs in 4% of reports · one missing number in 2% · OCR misreads in 3% · Word-style split labels in 30% of HTML |

The benchmarks cache corpora and indexes under \`${BENCH_DIR.replace(process.env.HOME ?? '~', '~')}\` ($GONGKAI_BENCH_DIR).

Machine (last run): ${machineLine(machine)}. This machine is shared by several engineers' processes: a load average
above the core count means the figures below are lower bounds.
`;
}
