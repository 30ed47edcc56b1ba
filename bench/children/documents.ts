/**
 * Child process of the benchmarks: rewrite some web-page reports of a generated corpus as PDF and .docx
 * (bench/corpus/documents.ts), then mark the corpus done with documents.json.
 *   node --import tsx bench/children/documents.ts DIR PDF_SHARE DOCX_SHARE
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDocuments } from '../corpus/documents.ts';

const [dir, pdf, docx] = process.argv.slice(2);
const made = await writeDocuments(dir, { pdf: Number(pdf), docx: Number(docx) }, (s) => console.error(`  ${s}`));
writeFileSync(join(dir, 'documents.json'), JSON.stringify(made) + '\n');
