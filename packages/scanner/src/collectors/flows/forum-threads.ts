/**
 * A forum counts only with a way to post (issue #17): the evaluator opens the forum, then its threads, and looks
 * for the reply form — or a reply link that leads to one (or to the sign-in that posting needs). A forum whose
 * threads can only be read is an archive, not an interactive channel. Bounded by data: forums per site, threads
 * (and reply links) per forum, in the order the forum lists them. Nothing is ever posted.
 */
import type { SiteContext } from '../collector.js';
import { liveSteps, phrases, vendors } from '../../data/index.js';
import type { PageFacts } from '../live/live.js';
import { looksComingSoon, looksNotFound, openAndRead } from '../live/live.js';
import { vendorsOnPage } from '../recognize/vendors.js';
import { clip, pathWords } from '@egov-monitor/rubric';

/** A form to write in: a message box (textarea) and a button, that is not a search. */
export function postingForm(facts: Pick<PageFacts, 'forms'>): string | null {
  for (const form of facts.forms) {
    const box = form.fields.find((f) => f.tag === 'textarea');
    if (!box || form.role === 'search') continue;
    const button = form.submitTexts[0] ?? form.fields.find((f) => f.tag === 'button')?.label ?? '';
    return clip(
      `textarea "${box.label || box.name || box.placeholder || 'message'}"${button ? `, button "${button}"` : ''}`,
      120,
    );
  }
  return null;
}

/** A sign-in form (a password field): posting is there, for members. */
function signInForm(facts: Pick<PageFacts, 'forms'>): boolean {
  return facts.forms.some((form) => form.fields.some((f) => f.type === 'password'));
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** Links of the forum's index to its threads, in the order listed: under the forum's path or named as threads. */
export function threadLinks(
  index: Pick<PageFacts, 'url' | 'links'>,
  isSameSite: (url: string) => boolean,
): string[] {
  const base = pathOf(index.url);
  const thread = phrases('forumThread');
  const post = phrases('forumPost');
  const found: string[] = [];
  for (const link of index.links) {
    if (link.inNav || link.inFooter || !/^https?:/.test(link.href) || !isSameSite(link.href)) continue;
    const href = link.href.split('#')[0]!;
    if (href === index.url.split('#')[0] || found.includes(href) || post.isExactly(link.text)) continue;
    const under = base.length > 0 && pathOf(href).startsWith(`${base}/`);
    const named =
      thread.test(pathWords(href).join(' ')) || /viewtopic|showthread|[?&](?:t|topic|thread)=/i.test(href);
    if (under || named) found.push(href);
  }
  return found;
}

/** Links that lead to writing ("Responder", "Nuevo tema", "Post reply"), in the order listed. */
function replyLinks(facts: Pick<PageFacts, 'url' | 'links'>): string[] {
  const post = phrases('forumPost');
  return [
    ...new Set(
      facts.links
        .filter(
          (l) =>
            !l.inNav &&
            !l.inFooter &&
            /^https?:/.test(l.href) &&
            (post.isExactly(l.text) || post.isExactly(l.label)),
        )
        .map((l) => l.href.split('#')[0]!)
        .filter((href) => href !== facts.url.split('#')[0]),
    ),
  ];
}

export interface ForumVisit {
  url: string;
  status: number;
  platform?: string;
  /** The forum offers a way to post: where, and what. */
  canPost: string | null;
  /** What was opened and seen, for the evidence. */
  notes: string[];
  problem?: string;
}

/**
 * Opens a forum index (or reads the crawl's snapshot of it), looks for a posting form there, then opens its
 * threads one by one (and the first reply link met) until one offers a way to post.
 */
export async function exploreForum(
  site: SiteContext,
  indexUrl: string,
  known?: PageFacts & { status?: number },
): Promise<ForumVisit> {
  const opened = known
    ? { url: known.url, status: known.status ?? 200, facts: known as PageFacts }
    : await openAndRead(site, indexUrl);
  const facts = opened.facts;
  const visit: ForumVisit = { url: opened.url, status: opened.status, canPost: null, notes: [] };
  if (!facts || opened.status === 0 || opened.status >= 400)
    return {
      ...visit,
      problem: `HTTP ${opened.status}${'error' in opened && opened.error ? ` (${clip(String(opened.error), 80)})` : ''}`,
    };
  const notFound = looksNotFound(facts);
  const soon = looksComingSoon(facts);
  if (notFound || soon) return { ...visit, problem: `the page says "${notFound ?? soon}"` };
  const platform = vendorsOnPage(facts, vendors.forums).find((h) => h.how !== 'link')?.vendor.name;
  if (platform) visit.platform = platform;
  const here = postingForm(facts);
  if (here) return { ...visit, canPost: `the forum page has a posting form (${here})` };

  // Threads, then reply links, within the data's bound per forum.
  const budget = liveSteps.forum.threadsPerForum;
  const queue = threadLinks(facts, site.isSameSite);
  const replies = replyLinks(facts);
  const toOpen = [...replies.slice(0, 1), ...queue].slice(0, budget);
  if (toOpen.length === 0) return { ...visit, notes: ['no threads or reply links listed'] };
  let opens = 0;
  const pending = [...toOpen];
  while (pending.length > 0 && opens < budget) {
    const url = pending.shift()!;
    opens += 1;
    const thread = await openAndRead(site, url);
    const t = thread.facts;
    if (!t || thread.status === 0 || thread.status >= 400) {
      visit.notes.push(`${clip(url, 100)} → HTTP ${thread.status}`);
      continue;
    }
    const form = postingForm(t);
    if (form)
      return {
        ...visit,
        canPost: `${clip(t.title || url, 80)} (${clip(t.url, 100)}) has a reply form (${form})`,
        notes: visit.notes,
      };
    if (signInForm(t) && replies.includes(url))
      return {
        ...visit,
        canPost: `its reply link leads to a sign-in form (${clip(t.url, 100)}): members post`,
        notes: visit.notes,
      };
    visit.notes.push(`${clip(t.title || url, 60)}: no reply form`);
    // A thread's own "Responder" link is the next thing a visitor clicks.
    const reply = replyLinks(t).find((href) => !toOpen.includes(href) && !replies.includes(href));
    if (reply) {
      pending.unshift(reply);
      replies.push(reply);
    }
  }
  return visit;
}
