import type { DocumentReading, DownloadCandidate, DownloadsEvidence } from '@egov-monitor/rubric';
import type { PageSnapshot, SnapshotLink } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { phrases, verificationBudgets } from '../data/index.js';
import { absoluteHttpUrl, hasTime, withBudget } from './live/live.js';
import { readDocument } from './documents/read-document.js';
import { isUnfinished } from './live/unfinished.js';
import { FAMILY, sniff, zipKind } from './documents/sniff.js';
import { clip, pathWords } from '@egov-monitor/rubric';

const DOCUMENT_TYPES = ['pdf', 'docx', 'doc', 'odt', 'xlsx', 'xls', 'ods', 'rtf'];

/** The document type a link announces: by extension, then by its text ("Descargar (PDF)", "Formato Word"). */
export function announcedType(
  link: Pick<SnapshotLink, 'href' | 'text' | 'label' | 'download'>,
): string | null {
  let path = '';
  let query = '';
  try {
    const url = new URL(link.href);
    path = decodeURIComponent(url.pathname).toLowerCase();
    query = decodeURIComponent(url.search).toLowerCase();
  } catch {
    return null;
  }
  const byExtension = /\.([a-z]{3,4})$/.exec(path)?.[1];
  if (byExtension && DOCUMENT_TYPES.includes(byExtension)) return byExtension;
  // download.php?file=formulario.pdf
  const inQuery = /\.(pdf|docx?|odt|xlsx?|ods|rtf)(?:&|$)/.exec(query)?.[1];
  if (inQuery) return inQuery;
  const text = `${link.text} ${link.label}`.toLowerCase();
  const inText = /\b(pdf|docx?|odt|xlsx?|ods|rtf)\b/.exec(text)?.[1];
  if (
    inText &&
    (link.download ||
      phrases('downloadText').test(text) ||
      /[([]\s*(?:pdf|docx?|odt|xlsx?|ods|rtf)/.test(text))
  )
    return inText;
  if (/\bword\b/.test(text) && phrases('downloadText').test(text)) return 'doc';
  if (/\bexcel\b/.test(text) && phrases('downloadText').test(text)) return 'xls';
  if (link.download || (phrases('downloadText').isExactly(link.text) && !byExtension)) return '';
  return null;
}

interface Found {
  page: PageSnapshot;
  link: SnapshotLink;
  fileType: string;
  /** Form words in the link itself (text, URL, its list item) weigh more than on the page around it. */
  score: number;
}

/** Document links that sit next to forms, applications, procedures or downloads. */
export function findDocumentLinks(pages: PageSnapshot[]): Found[] {
  const form = phrases('formContext');
  const byHref = new Map<string, Found>();
  for (const page of pages) {
    if (page.soft404 || page.status >= 400) continue;
    const pageIsAboutForms =
      form.test(page.title) ||
      page.headings.some((h) => form.test(h.text)) ||
      form.test(pathWords(page.url).join(' '));
    for (const link of page.links) {
      const href = absoluteHttpUrl(link.href);
      if (!href || byHref.has(href)) continue;
      const fileType = announcedType(link);
      if (fileType === null) continue;
      const inLink = form.test(`${link.text} ${link.label}`) || form.test(pathWords(href).join(' '));
      const inContext = form.test(link.context);
      if (!inLink && !inContext && !pageIsAboutForms) continue;
      byHref.set(href, {
        page,
        link: { ...link, href },
        fileType,
        score: (inLink ? 4 : 0) + (inContext ? 2 : 0) + (pageIsAboutForms ? 1 : 0),
      });
    }
  }
  return [...byHref.values()].sort(
    (a, b) => b.score - a.score || a.page.depth - b.page.depth || a.link.href.localeCompare(b.link.href),
  );
}

/**
 * Downloads the file (at most `maxBytes`), says whether it really is a document, and reads it: its fields and
 * labelled blanks tell a form to fill in from a report.
 */
export async function confirmDownload(
  site: Pick<SiteContext, 'fetch'>,
  url: string,
  announced: string,
  maxBytes = verificationBudgets.downloads.maxBytes,
): Promise<{ check: DownloadCandidate['check']; fileType: string; document?: DocumentReading }> {
  const response = await site.fetch(url, { method: 'GET', maxBytes });
  const base = { status: response.status, contentType: response.contentType, bytes: response.bytes };
  if (response.error)
    return {
      check: {
        ...base,
        ok: false,
        problem: `request failed: ${response.error}`,
        ...(isUnfinished(response.error) ? { unfinished: true } : {}),
      },
      fileType: announced,
    };
  if (response.status >= 400 || response.status === 0)
    return { check: { ...base, ok: false, problem: `HTTP ${response.status}` }, fileType: announced };
  const sniffed = sniff(response.head);
  if (sniffed === 'empty' || response.bytes === 0)
    return { check: { ...base, ok: false, problem: 'empty body' }, fileType: announced };
  if (sniffed === 'html')
    return {
      check: {
        ...base,
        ok: false,
        problem: 'HTML page instead of a document (error page, soft 404 or login wall)',
      },
      fileType: announced,
    };
  if (sniffed === 'other')
    return {
      check: {
        ...base,
        ok: false,
        problem: `not a document (content-type ${response.contentType || 'none'}, unknown signature)`,
      },
      fileType: announced,
    };
  const real =
    sniffed === 'pdf'
      ? 'pdf'
      : sniffed === 'rtf'
        ? 'rtf'
        : sniffed === 'ole-office'
          ? announced === 'xls'
            ? 'xls'
            : announced || 'doc'
          : zipKind(response.head);
  const fileType = announced || real;
  // Whole when fewer bytes than the cap came and nothing more was announced (a compressed transfer may announce
  // fewer bytes than it inflates to, hence the second test).
  const complete =
    response.head.length < maxBytes && (response.bytes === null || response.head.length >= response.bytes);
  const document = await readDocument(response.head, sniffed, { complete, byteCap: maxBytes });
  const check =
    announced && FAMILY[announced] !== sniffed
      ? { ...base, ok: true, problem: `announced ${announced}, received ${real}` }
      : { ...base, ok: true };
  return {
    check,
    fileType: document.read && document.format !== 'pdf' ? document.format : fileType,
    document,
  };
}

/**
 * downloadable_forms: document links (pdf, doc(x), odt, xls(x), ods, rtf — by extension, `download` attribute
 * or link text) on pages or in sections about forms, applications, procedures and downloads, the most form-like
 * first and at most `maxCandidates` per site (data/verification.json). Each one is downloaded (up to a byte cap)
 * and read — PDF text and AcroForm fields, DOCX/ODT/XLSX/ODS text and controls — so the rubric judges what the
 * document is, not what its link or file name says: a methodology named "…Formularios.pdf" is not a form.
 */
export async function collectDownloads(site: SiteContext): Promise<DownloadsEvidence> {
  const candidates: DownloadCandidate[] = [];
  const found = findDocumentLinks(site.pages).slice(0, verificationBudgets.downloads.maxCandidates);
  let notChecked = 0;
  for (const [index, item] of found.entries()) {
    if (!hasTime(site, 2_000)) {
      notChecked = found.length - index;
      site.log(`downloads: safety time limit reached, ${notChecked} documents not checked`);
      break;
    }
    const { check, fileType, document } = await confirmDownload(site, item.link.href, item.fileType);
    candidates.push({
      pageUrl: item.page.url,
      href: item.link.href,
      linkText: clip(item.link.text || item.link.label, 160),
      context: clip(item.link.context || item.page.title, 300),
      fileType,
      check:
        check.problem === undefined
          ? { status: check.status, contentType: check.contentType, bytes: check.bytes, ok: check.ok }
          : check,
      ...(document ? { document } : {}),
    });
  }
  return {
    candidates: candidates.sort((a, b) => a.pageUrl.localeCompare(b.pageUrl) || a.href.localeCompare(b.href)),
    ...(notChecked > 0 ? { notChecked } : {}),
  };
}

export const downloadsCollector: Collector<'downloads'> = {
  kind: 'downloads',
  collect: (site) => collectDownloads(withBudget(site)),
};
