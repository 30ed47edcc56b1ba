/** The site's one stylesheet, served at /assets/style.css (a module, so it ships in every build of dist/). */
export const STYLE_CSS = `
:root { --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #fff; --soft: #f6f8fa; --accent: #0b57d0; --warn: #9a6700; --bad: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
header.site { display: flex; gap: 1.2em; align-items: baseline; padding: .6em 1.2em; border-bottom: 1px solid var(--line); background: var(--soft); flex-wrap: wrap; }
header.site .brand { font-weight: 700; font-size: 1.1em; color: var(--fg); text-decoration: none; }
header.site nav a { margin-right: 1em; }
main { padding: 1em 1.2em 3em; max-width: 1400px; }
a { color: var(--accent); }
h1 { font-size: 1.4em; margin: .3em 0 .6em; }
h2 { font-size: 1.15em; margin: 1.4em 0 .5em; }
.muted { color: var(--muted); }
form.search { display: flex; gap: .5em; max-width: 720px; }
form.search input[type=search] { flex: 1; font-size: 1.1em; padding: .45em .6em; border: 1px solid var(--line); border-radius: 6px; }
button, input[type=submit] { font: inherit; padding: .4em .9em; border: 1px solid var(--line); border-radius: 6px; background: var(--soft); cursor: pointer; }
form.filters { display: flex; gap: .8em; flex-wrap: wrap; align-items: end; margin: .5em 0 1em; }
form.filters label { display: flex; flex-direction: column; font-size: .9em; color: var(--muted); }
form.filters select, form.filters input { font: inherit; padding: .25em .4em; }
ul.examples li { margin: .2em 0; }
.answer { border: 1px solid var(--line); border-radius: 8px; padding: .8em 1em; margin: 1em 0; max-width: 960px; }
.answer .lead { font-size: 1.1em; white-space: pre-line; }
.result { border-top: 1px solid var(--line); padding: .6em 0; }
.result:first-of-type { border-top: 0; }
.figure { font-size: 1.5em; font-weight: 700; }
.formula { color: var(--muted); }
blockquote { margin: .3em 0; padding: .2em .8em; border-left: 3px solid var(--line); color: #333; }
.warnings { color: var(--warn); }
.warnings li { margin: .2em 0; }
table { border-collapse: collapse; margin: .4em 0 1em; font-size: .92em; }
th, td { border: 1px solid var(--line); padding: .2em .5em; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.exports { font-size: .9em; }
.exports a { margin-left: .6em; }
.cell-number { background: #fff; }
.cell-dash { background: #eef1f4; }
.cell-blank { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #f2f2f2 4px, #f2f2f2 8px); }
.cell-undecided { background: #ffebe9; color: var(--bad); font-weight: 600; }
.cell-computed { background: #ddf4ff; font-style: italic; }
.cell-missing { color: var(--muted); }
.legend span { display: inline-block; padding: 0 .5em; margin-right: .4em; border: 1px solid var(--line); }
.report-layout { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1.2em; align-items: start; }
@media (max-width: 900px) { .report-layout { grid-template-columns: 1fr; } }
.report-text { border: 1px solid var(--line); border-radius: 6px; max-height: 85vh; overflow: auto; font: 13px/1.55 ui-monospace, "Noto Sans Mono CJK SC", monospace; }
.report-text ol { list-style: none; margin: 0; padding: 0; }
.report-text li { display: grid; grid-template-columns: 4.2em 1fr; white-space: pre-wrap; word-break: break-all; }
.report-text li > a.ln { color: var(--muted); text-align: right; padding-right: .8em; text-decoration: none; user-select: none; }
.report-text li .pg { color: var(--muted); font-size: .85em; }
.report-text li.cited { background: #fff8c5; }
.report-text li:target { background: #ffd33d; outline: 2px solid #bf8700; }
.tables { max-height: 85vh; overflow: auto; }
.chart { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
.side-by-side { display: flex; gap: 1.2em; flex-wrap: wrap; align-items: flex-start; }
.notice { border: 1px solid #d4a72c; background: #fff8c5; padding: .5em .8em; border-radius: 6px; max-width: 960px; }
.error { border: 1px solid #ff8182; background: #ffebe9; padding: .5em .8em; border-radius: 6px; max-width: 960px; }
pre.check { background: var(--soft); padding: .8em; overflow: auto; font-size: 12.5px; max-height: 60vh; }
.pager a { margin-right: 1em; }
.kind-count { color: var(--muted); font-weight: 400; }
`;

/** The tab icon (our own, not fetched from anywhere): 公 on the accent colour. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57d0"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">公</text></svg>`;
