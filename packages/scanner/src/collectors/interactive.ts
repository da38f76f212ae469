import { CHANNEL_KINDS } from '@egov-monitor/rubric';
import type { ChannelKind, InteractiveEvidence } from '@egov-monitor/rubric';
import type { PageSnapshot, SnapshotLink } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { liveSteps, phrases, vendors, widgetVendors } from '../data/index.js';
import type { Vendor } from '../data/index.js';
import { hasTime, looksComingSoon, withBudget } from './live/live.js';
import { vendorsOnPage } from './recognize/vendors.js';
import { probeChat } from './flows/chat-panel.js';
import { exploreForum, postingForm } from './flows/forum-threads.js';
import { markIfUnfinished } from './live/unfinished.js';
import { clip, pathWords } from '@egov-monitor/rubric';

type Channel = InteractiveEvidence['channels'][number];

/** Pages whose rendered widgets are read (the home page and the contact or help page). */
const MAX_LIVE_PAGES = 2;

const SOCIAL_CLUSTER =
  /facebook|twitter|instagram|youtube|tiktok|linkedin|s[ií]guenos|redes sociales|follow us/i;

/** Sits next to a service (help, contact, procedure), not only among the footer's social icons. */
function tiedToService(page: Pick<PageSnapshot, 'title' | 'url'>, link: SnapshotLink): boolean {
  if (link.inFooter || SOCIAL_CLUSTER.test(link.context)) return false;
  const context = phrases('serviceContext');
  return (
    context.test(`${link.text} ${link.label} ${link.context}`) ||
    context.test(page.title) ||
    context.test(pathWords(page.url).join(' '))
  );
}

/** A messaging link that opens a real conversation: a number, a handle or an invite code. */
function messagingTarget(kind: string, href: string): boolean {
  try {
    const url = new URL(href);
    if (kind === 'whatsapp') {
      const phone = url.searchParams.get('phone') ?? url.pathname.replace(/\D/g, '');
      return (
        /\d{7,}/.test(phone) ||
        (/chat\.whatsapp\.com$/.test(url.hostname) && url.pathname.length > 5) ||
        /wa\.link$/.test(url.hostname)
      );
    }
    return /^\/[\w.+-]{3,}/.test(url.pathname);
  } catch {
    return href.startsWith('whatsapp:') || href.startsWith('tg:');
  }
}

function kindOf(vendor: Vendor): ChannelKind {
  return CHANNEL_KINDS.find((k) => k === vendor.kind) ?? 'chat';
}

/** Widgets, forums and comment systems declared in the page (scripts, iframes, snippets, forms). */
export function staticChannels(page: PageSnapshot): Channel[] {
  const channels: Channel[] = [];
  const placeholder = looksComingSoon(page);
  for (const hit of vendorsOnPage(page, [...vendors.chat, ...vendors.forums, ...vendors.comments])) {
    const kind = kindOf(hit.vendor);
    // A forum's own pages carry its markers; a link to viewtopic.php elsewhere is only a link to a forum. Forum
    // software counts only with a way to post: its threads are opened to find one (exploreForum).
    if (kind === 'forum' && hit.how !== 'link' && !postingForm(page)) continue;
    channels.push({
      url: page.url,
      kind,
      vendor: hit.vendor.name,
      how: hit.how,
      live: hit.how !== 'link' && !placeholder,
      tiedToService: kind === 'chat' || kind === 'chatbot' ? true : kind === 'comments' ? false : true,
      detail: clip(
        `${hit.vendor.name} ${hit.loaded ? 'loaded' : 'declared'}: ${hit.evidence}${placeholder ? ` — the page says "${placeholder}"` : ''}`,
        300,
      ),
    });
  }
  return channels;
}

/** WhatsApp, Messenger and Telegram links, with whether they are a service channel or a social icon. */
export function messagingChannels(page: PageSnapshot): Channel[] {
  const channels: Channel[] = [];
  for (const link of page.links) {
    const vendor = vendors.messaging.find((v) => v.links.some((p) => p.test(link.href)));
    if (!vendor) continue;
    const soon = phrases('comingSoon').find(`${link.text} ${link.context}`)[0];
    const target = messagingTarget(vendor.kind, link.href);
    channels.push({
      url: page.url,
      kind: kindOf(vendor),
      vendor: vendor.name,
      how: 'link',
      live: target && !soon,
      tiedToService: tiedToService(page, link),
      detail: clip(
        `${link.href} "${link.text || link.label}"${link.inFooter ? ' (footer)' : ''}${link.context ? ` — ${link.context}` : ''}${!target ? ' — no number or account in the link' : ''}${soon ? ` — "${soon}"` : ''}`,
        300,
      ),
    });
  }
  return channels;
}

/**
 * Forums to open, in the site's order: links named "Foro"/"Forum", and analysed pages that run forum software
 * without a posting form of their own (their threads may hold one).
 */
function forumIndexes(
  site: SiteContext,
): { url: string; from: string; text: string; inFooter: boolean; known?: PageSnapshot }[] {
  const forum = phrases('forum');
  const found = new Map<
    string,
    { url: string; from: string; text: string; inFooter: boolean; known?: PageSnapshot }
  >();
  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    const software = vendorsOnPage(page, vendors.forums).find((h) => h.how !== 'link');
    if (software && !found.has(page.url))
      found.set(page.url, {
        url: page.url,
        from: page.url,
        text: software.vendor.name,
        inFooter: false,
        known: page,
      });
    for (const link of page.links) {
      if (!forum.isExactly(link.text) && !forum.isExactly(link.label) && !/^foros?\b/i.test(link.text))
        continue;
      const url = link.href.split('#')[0]!;
      if (!/^https?:/.test(url) || found.has(url)) continue;
      const known = site.pages.find((p) => p.url === url && p.status < 400 && !p.soft404);
      found.set(url, {
        url,
        from: page.url,
        text: link.text || link.label,
        inFooter: link.inFooter,
        ...(known ? { known } : {}),
      });
    }
  }
  return [...found.values()];
}

/** Where a visitor looks for a chat, best first: the home page, pages named for chat or online help, then contact. */
function chatPages(site: SiteContext): PageSnapshot[] {
  const chat = phrases('chatLauncher');
  const service = phrases('serviceContext');
  const rest = site.pages.slice(1).filter((p) => !p.soft404 && p.status < 400);
  const named = (p: PageSnapshot, m: typeof chat) =>
    m.test(p.title) ||
    m.test(pathWords(p.url).join(' ')) ||
    p.headings.some((h) => h.level <= 1 && m.test(h.text));
  const ordered = [
    ...rest.filter((p) => named(p, chat)),
    ...rest.filter((p) => !named(p, chat) && named(p, service)),
  ];
  return [site.pages[0], ...ordered]
    .filter((p): p is PageSnapshot => p !== undefined)
    .slice(0, liveSteps.chat.pagesPerSite);
}

/**
 * Widgets that exist only in the rendered DOM (custom elements like <df-messenger>, chat launchers), as the
 * crawl's snapshot found them once the page's scripts ran (PageSnapshot.widgets).
 */
function renderedWidgets(page: PageSnapshot): Channel[] {
  const url = page.url;
  const soon = phrases('comingSoon');
  return page.widgets.map((hit) => {
    const vendor = widgetVendors.find((v) => v.id === hit.id);
    const placeholder = soon.find(hit.text)[0];
    return {
      url,
      kind: vendor ? kindOf(vendor) : 'chat',
      ...(vendor ? { vendor: vendor.name } : {}),
      how: 'element' as const,
      live: !placeholder,
      tiedToService:
        !vendor || vendor.kind === 'chat' || vendor.kind === 'chatbot' || vendor.kind === 'forum',
      detail: clip(
        `${vendor ? vendor.name : 'chat widget'} rendered: ${hit.selector}${placeholder ? ` — says "${placeholder}"` : ''}`,
        300,
      ),
    };
  });
}

/**
 * interactive_channels: chat widgets and chatbots by vendor (scripts, iframes, snippets, rendered elements) and by
 * their interface (a panel with a message box and a send control, opened by its launcher: a self-hosted chat
 * counts), WhatsApp/Messenger/Telegram links (tied to a service or only social icons), forums with a way to post
 * (their threads opened to find the reply form) and comment systems. The mere word "chat" is not a channel, nor a
 * forum whose threads can only be read.
 */
export async function collectInteractive(site: SiteContext): Promise<InteractiveEvidence> {
  const channels: Channel[] = [];
  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    channels.push(...staticChannels(page), ...messagingChannels(page));
  }

  // The home page and the contact/help page are where a visitor looks for a chat: their rendered widgets count.
  const contactPage = site.pages.find(
    (p) => p !== site.pages[0] && phrases('serviceContext').test(`${p.title} ${pathWords(p.url).join(' ')}`),
  );
  const livePages = [site.pages[0], contactPage]
    .filter((page): page is PageSnapshot => page !== undefined)
    .slice(0, MAX_LIVE_PAGES);
  for (const page of livePages) {
    const url = page.url;
    for (const widget of renderedWidgets(page)) {
      // Already known from its script or iframe on this page; a nameless launcher next to a known vendor is that vendor's.
      const known = channels.some(
        (c) =>
          c.url === url &&
          c.how !== 'link' &&
          (c.kind === 'chat' || c.kind === 'chatbot') &&
          (!widget.vendor || c.vendor === widget.vendor),
      );
      if (!known) channels.push(widget);
    }
  }

  // A chat recognised by its interface (a panel with a message box and a send control, maybe behind a launcher),
  // on the pages where a visitor looks for one that no known widget already covers.
  for (const page of chatPages(site)) {
    const known = channels.some(
      (c) => c.url === page.url && c.how !== 'link' && (c.kind === 'chat' || c.kind === 'chatbot') && c.live,
    );
    if (known) continue;
    // One chat found by its interface is the site's chat: the same launcher on the next page says nothing new.
    if (channels.some((c) => c.detail.startsWith('chat by its interface'))) break;
    if (!hasTime(site, 8_000)) {
      site.log(`interactive: safety time limit reached; ${page.url} not probed for a chat`);
      break;
    }
    const probe = await probeChat(site, page.url);
    if (probe.problem) {
      site.log(`interactive: chat probe of ${page.url}: ${probe.problem}`);
      markIfUnfinished(site, probe.problem, `the chat probe of ${page.url}`);
    }
    if (!probe.panel) continue;
    const soon = phrases('comingSoon').find(`${probe.panel.panel} ${probe.panel.box}`)[0];
    channels.push({
      url: page.url,
      kind: 'chat',
      how: 'element',
      live: !soon,
      tiedToService: true,
      detail: clip(
        `chat by its interface: ${probe.launcher ? `the launcher "${probe.launcher}" opened ` : ''}${probe.panel.panel} with a message box (${probe.panel.box}) and a send control (${probe.panel.send}): ${probe.panel.why}`,
        300,
      ),
    });
  }

  for (const index of forumIndexes(site).slice(0, liveSteps.forum.indexesPerSite)) {
    if (!hasTime(site, 8_000)) {
      site.log(`interactive: safety time limit reached; forum ${index.url} not opened`);
      break;
    }
    const visit = await exploreForum(site, index.url, index.known);
    markIfUnfinished(site, visit.problem, `the forum ${index.url}`);
    channels.push({
      url: visit.url,
      kind: 'forum',
      ...(visit.platform ? { vendor: visit.platform } : {}),
      how: 'link',
      live: visit.canPost !== null && !visit.problem,
      tiedToService: !index.inFooter,
      detail: clip(
        `"${index.text}" on ${index.from} → HTTP ${visit.status}${visit.problem ? `, ${visit.problem}` : ''}${visit.platform ? `, ${visit.platform}` : ''}${
          visit.problem
            ? ''
            : `; ${visit.canPost ?? `no way to post${visit.notes.length ? ` (opened: ${visit.notes.join('; ')})` : ''}: read-only`}`
        }`,
        400,
      ),
    });
  }

  // A widget in the site template is on every page: one entry per vendor and marker, first page seen, with a count.
  const unique = new Map<string, Channel>();
  const pagesPerWidget = new Map<string, number>();
  for (const channel of channels) {
    const key =
      channel.how === 'link'
        ? `${channel.url}|${channel.kind}|${channel.detail}`
        : `${channel.kind}|${channel.vendor ?? ''}|${channel.how}`;
    pagesPerWidget.set(key, (pagesPerWidget.get(key) ?? 0) + 1);
    if (!unique.has(key)) unique.set(key, channel);
  }
  for (const [key, channel] of unique) {
    const count = pagesPerWidget.get(key) ?? 1;
    if (channel.how !== 'link' && count > 1)
      unique.set(key, { ...channel, detail: clip(`${channel.detail} (on ${count} pages)`, 320) });
  }
  return {
    channels: [...unique.values()].sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        (a.vendor ?? '').localeCompare(b.vendor ?? '') ||
        a.url.localeCompare(b.url) ||
        a.detail.localeCompare(b.detail),
    ),
  };
}

export const interactiveCollector: Collector<'interactive'> = {
  kind: 'interactive',
  // The live steps are bounded in number by data/live-steps.json; the time limit is the site scan's collector
  // safety net (COLLECTOR_TIMEOUT_MS), far above what they need on a healthy site.
  collect: (site) => collectInteractive(withBudget(site)),
};
