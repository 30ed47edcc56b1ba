/**
 * What kind of file a report's bytes are, by content (the name only breaks ties): PDF, Word (.docx, and
 * legacy .doc), or text/HTML for decode.ts. Other document formats are named, so the user is told what
 * the file is rather than that it is "not text". Pure.
 */

export type FileFormat =
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'doc' }
  | { kind: 'text' }
  | { kind: 'encrypted'; what: string }
  | { kind: 'unsupported'; what: string };

function startsWith(buf: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);

function contains(buf: Uint8Array, needle: readonly number[], limit = buf.length): boolean {
  const end = Math.min(buf.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    if (buf[i] !== needle[0]) continue;
    for (let k = 1; k < needle.length; k++) if (buf[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Parts inside a ZIP container (names are stored in clear in each local header), most specific first. */
const ZIP_KINDS: { part: number[]; format: FileFormat }[] = [
  { part: ascii('word/'), format: { kind: 'docx' } },
  { part: ascii('xl/'), format: { kind: 'unsupported', what: 'Excel 表格（.xlsx）' } },
  { part: ascii('ppt/'), format: { kind: 'unsupported', what: 'PowerPoint 演示文稿（.pptx）' } },
  { part: ascii('OFD.xml'), format: { kind: 'unsupported', what: 'OFD 版式文件（请另存为 PDF）' } },
  { part: ascii('opendocument.text'), format: { kind: 'unsupported', what: 'OpenDocument 文档（.odt，请另存为 .docx 或 PDF）' } },
  { part: ascii('opendocument.spreadsheet'), format: { kind: 'unsupported', what: 'OpenDocument 表格（.ods）' } },
];

/** Streams of a legacy Office (compound file) container, named in UTF-16 in its directory. */
const CFB_KINDS: { stream: number[]; format: FileFormat }[] = [
  // A password-protected .docx/.xlsx is a compound file holding the encrypted package.
  { stream: utf16('EncryptedPackage'), format: { kind: 'encrypted', what: 'Office 文档已加密，需要密码才能打开' } },
  { stream: utf16('WordDocument'), format: { kind: 'doc' } },
  { stream: utf16('Workbook'), format: { kind: 'unsupported', what: 'Excel 表格（.xls）' } },
  { stream: utf16('Book'), format: { kind: 'unsupported', what: 'Excel 表格（.xls）' } },
  { stream: utf16('PowerPoint'), format: { kind: 'unsupported', what: 'PowerPoint 演示文稿（.ppt）' } },
];

/** Extensions of formats that are never read, when the content did not say more. */
const UNSUPPORTED_EXT: Record<string, string> = {
  '.xls': 'Excel 表格（.xls）',
  '.xlsx': 'Excel 表格（.xlsx）',
  '.et': 'WPS 表格（.et）',
  '.wps': 'WPS 文字文档（.wps，请另存为 .docx 或 PDF）',
  '.ofd': 'OFD 版式文件（请另存为 PDF）',
  '.odt': 'OpenDocument 文档（.odt，请另存为 .docx 或 PDF）',
  '.ppt': 'PowerPoint 演示文稿（.ppt）',
  '.pptx': 'PowerPoint 演示文稿（.pptx）',
  '.zip': 'ZIP 压缩文件（请先解压）',
  '.caj': 'CAJ 文件',
};

/** Formats read by a reader of their own; text and HTML are told apart later, by decode.ts and html.ts. */
export function sniffFormat(buf: Uint8Array, fileName: string): FileFormat {
  // Some PDF writers put a few bytes before the header; readers accept it within the first 1 KB.
  if (startsWith(buf, PDF) || contains(buf, PDF, 1024)) return { kind: 'pdf' };
  const ext = /\.[^./\\]+$/u.exec(fileName)?.[0].toLowerCase() ?? '';
  if (startsWith(buf, ZIP)) {
    for (const k of ZIP_KINDS) if (contains(buf, k.part, 64 * 1024)) return k.format;
    return ext === '.docx' ? { kind: 'docx' } : { kind: 'unsupported', what: UNSUPPORTED_EXT[ext] ?? 'ZIP 压缩文件（请先解压）' };
  }
  if (startsWith(buf, CFB)) {
    for (const k of CFB_KINDS) if (contains(buf, k.stream)) return k.format;
    return ext === '.doc' ? { kind: 'doc' } : { kind: 'unsupported', what: UNSUPPORTED_EXT[ext] ?? 'Office 复合文档（不是 Word 文档）' };
  }
  // A file named .xls that is really text (an export saved as tab-separated text) is still read as text.
  if (UNSUPPORTED_EXT[ext] && buf.length > 0 && !isMostlyText(buf)) return { kind: 'unsupported', what: UNSUPPORTED_EXT[ext] };
  return { kind: 'text' };
}

/** No NUL bytes in the first 4 KB (UTF-16 text has them, but has a BOM or decodes later anyway). */
function isMostlyText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 4096);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return false;
  return true;
}

/** The one-line error for a format that is not read. */
export function unsupportedMessage(what: string): string {
  return `无法读取的文件格式：${what}；可读取 PDF、Word（.docx/.doc）、网页（.htm/.html）和文本文件 / unsupported format`;
}
