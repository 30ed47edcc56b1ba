/**
 * A report's file as users may see it: relative to the reports folder, never the server's own path
 * (/srv/gongkai/data/reports/… says where and how the server is installed).
 */
import { basename, isAbsolute, relative, resolve } from 'node:path';

export function reportPath(file: string, reportsDir?: string): string {
  if (reportsDir) {
    const rel = relative(resolve(reportsDir), resolve(file));
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split('\\').join('/');
  }
  // Outside the reports folder (ingested from elsewhere): the file name alone.
  return basename(file);
}
