import { createParsePool } from '../src/ingest/pool.ts';
import { readFileSync } from 'node:fs';
const pool = createParsePool({ jobs: 2 });
const r = await pool.parse('data/reports/001_0057fa3dafb4cac1.txt', readFileSync('data/reports/001_0057fa3dafb4cac1.txt'));
console.log(r.ok, r.ok ? r.report.figures.length : r.error);
await pool.close();
