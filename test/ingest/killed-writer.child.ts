/**
 * Child process for store.test.ts: starts building an index, writes one report, says "ready" and waits
 * to be killed — a run interrupted in the middle, deterministically.
 */
import { readFileSync } from 'node:fs';
import { openIndexWriter } from '../../src/ingest/store/writer.ts';
import { processFile } from '../../src/ingest/process-file.ts';

const [db, file] = process.argv.slice(2);
const parsed = processFile(file, readFileSync(file));
if (!parsed.ok) throw new Error(parsed.error.message);
const writer = openIndexWriter(db);
writer.writeReport(file, 'from-killed-run', parsed.report);
process.stdout.write(`ready ${writer.writePath}\n`);
setInterval(() => {}, 1000);
