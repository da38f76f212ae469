/**
 * What a downloaded body really is, from its first bytes (magic numbers), not from what the server or the link
 * claims: "%PDF-", a ZIP container (docx/xlsx/odt/ods), an OLE compound file (doc/xls), "{\rtf", or HTML.
 */
export type SniffedType = 'pdf' | 'zip-office' | 'ole-office' | 'rtf' | 'html' | 'empty' | 'other';

export function sniff(head: Buffer): SniffedType {
  if (head.length === 0) return 'empty';
  const start = head.subarray(0, 8);
  if (head.indexOf('%PDF-') >= 0 && head.indexOf('%PDF-') < 1024) return 'pdf';
  if (start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04) return 'zip-office';
  if (start.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole-office';
  const text = head
    .subarray(0, 2048)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('{\\rtf')) return 'rtf';
  if (
    /^(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<!doctype html)/.test(text) ||
    /<(?:html|body|title)[\s>]/.test(text)
  )
    return 'html';
  return 'other';
}

/** The container each announced file type comes in. */
export const FAMILY: Record<string, SniffedType> = {
  pdf: 'pdf',
  docx: 'zip-office',
  xlsx: 'zip-office',
  odt: 'zip-office',
  ods: 'zip-office',
  doc: 'ole-office',
  xls: 'ole-office',
  rtf: 'rtf',
};

/** A closer name for a ZIP office file, from the part names near its start (word/, xl/, ODF mimetype). */
export function zipKind(head: Buffer): string {
  const text = head.toString('latin1');
  if (text.includes('application/vnd.oasis.opendocument.text')) return 'odt';
  if (text.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (text.includes('word/')) return 'docx';
  if (text.includes('xl/')) return 'xlsx';
  return 'zip';
}
