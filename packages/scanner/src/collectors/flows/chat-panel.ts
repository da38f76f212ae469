/**
 * A chat recognised by its interface, not only by its vendor (issue #17): a conversation panel — a dialog, a
 * floating box, a frame — with a message box (textarea, contenteditable, text input) and a control that sends,
 * possibly shown only after a visitor clicks its launcher. A self-hosted chat counts like a vendor's; a contact form
 * (name, e-mail, message) in the page or in a modal is a contact form, not a chat.
 *
 * Nothing is ever sent: the launcher is clicked, the panel is read, and acting requests are refused meanwhile.
 */
import type { Frame, Page } from 'playwright-core';
import type { SiteContext } from '../collector.js';
import { liveSteps, phrases } from '../../data/index.js';
import { inPage, navigationTimeout, settle, withPage } from '../live/live.js';
import { refuseActingRequests, watchChanges } from '../live/interaction.js';
import { clip } from '@egov-monitor/rubric';

export interface ChatPanel {
  /** How a reviewer finds it: "div#chat-panel (position fixed)", "iframe#asistente". */
  panel: string;
  /** The message box: "textarea placeholder=\"Escriba su mensaje\"". */
  box: string;
  /** The send control: "button \"Enviar\"". */
  send: string;
  /** Why it is a conversation and not a form: a message log, or chat words on the panel. */
  why: string;
}

interface Words {
  send: string[];
  panel: string[];
  launcher: string[];
}

/**
 * Runs in the page: every visible message box with a send control near it, inside something that is a chat panel
 * (a dialog, a fixed or sticky box, a message log, or named like a chat), and not a contact form. `wholeDocument`
 * is set inside a chat's own frame, whose document is the panel.
 */
function findChatPanels(args: Words & { wholeDocument: boolean; frameName: string }): ChatPanel[] {
  const normal = (v: string | null | undefined) =>
    (v ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[_\-.]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const has = (text: string, list: string[]) => {
    const t = ` ${normal(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    return list.find((w) => t.includes(` ${w} `)) ?? null;
  };
  const clean = (v: string | null | undefined, max = 60) =>
    (v ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  const visible = (el: Element) => {
    const box = (el as HTMLElement).getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/)[0]}` : ''}`;
  const namesOf = (el: Element) =>
    [
      (el as HTMLElement).innerText,
      el.getAttribute('aria-label'),
      el.getAttribute('title'),
      el.getAttribute('value'),
      el.id,
      typeof el.className === 'string' ? el.className : '',
    ]
      .filter(Boolean)
      .join(' ');

  const boxes = Array.from(
    document.querySelectorAll(
      'textarea, [contenteditable=""], [contenteditable="true"], input:not([type]), input[type=text]',
    ),
  ).filter(
    (el) =>
      visible(el) &&
      !el.closest('[role=search], search') &&
      !(el as HTMLInputElement).disabled &&
      !(el as HTMLInputElement).readOnly,
  );
  const panels: ChatPanel[] = [];
  const seen = new Set<Element>();
  for (const box of boxes) {
    // The send control: a button near the box (same form, or within a few ancestors) that says it sends, or the
    // form's only submit button when it is an icon.
    let send: Element | null = null;
    let scope: Element | null = box.parentElement;
    for (let hops = 0; scope && hops < 6 && !send; hops += 1, scope = scope.parentElement) {
      const controls = Array.from(
        scope.querySelectorAll(
          'button, [role=button], input[type=submit], input[type=button], input[type=image]',
        ),
      ).filter(visible);
      send =
        controls.find((c) => has(namesOf(c), args.send)) ??
        (box.closest('form') &&
        controls.filter(
          (c) =>
            c.closest('form') === box.closest('form') && (c.getAttribute('type') ?? 'submit') === 'submit',
        ).length === 1
          ? (controls.find((c) => c.closest('form') === box.closest('form')) ?? null)
          : null);
    }
    if (!send) continue;
    // The panel: the nearest ancestor that is a dialog, floats (fixed/sticky), holds a message log or is itself
    // named as a chat (its own label, id, class or heading — not words deep inside it).
    let panel: Element | null = null;
    let why = '';
    for (
      let node: Element | null = box.parentElement, hops = 0;
      node && node !== document.body && hops < 12;
      node = node.parentElement, hops += 1
    ) {
      const style = getComputedStyle(node);
      const log = node.querySelector('[role=log]');
      const heading = node.querySelector(
        ':scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > header, :scope > div > h2, :scope > div > h3',
      );
      const named = has(
        [
          node.getAttribute('aria-label'),
          node.id,
          typeof node.className === 'string' ? node.className : '',
          heading?.textContent,
        ].join(' '),
        args.panel,
      );
      const dialog = node.matches('dialog, [role=dialog], [aria-modal=true]');
      // A page's main column that happens to have a "Chat" heading and a form further down is not a panel: a chat
      // panel is small.
      const small = ((node as HTMLElement).innerText ?? '').length <= 3_000;
      if (dialog || style.position === 'fixed' || style.position === 'sticky' || (small && (log || named))) {
        panel = node;
        why = log
          ? `a message log (${describe(log)})`
          : named
            ? `the panel says "${named}"`
            : dialog
              ? 'a dialog'
              : `a floating box (position ${style.position})`;
        break;
      }
    }
    // The form inside a chat is not the chat: a dialog, a floating box or the holder of the message log a few
    // levels up is the panel a reviewer looks for.
    for (
      let node = panel?.parentElement ?? null, hops = 0;
      panel && node && node !== document.body && hops < 4;
      node = node.parentElement, hops += 1
    ) {
      const style = getComputedStyle(node);
      const log = node.querySelector('[role=log]');
      if (
        node.matches('dialog, [role=dialog], [aria-modal=true]') ||
        style.position === 'fixed' ||
        style.position === 'sticky' ||
        (log && !panel.querySelector('[role=log]'))
      ) {
        panel = node;
        if (log) why = `a message log (${describe(log)})`;
        break;
      }
    }
    if (!panel && args.wholeDocument) {
      panel = document.body;
      why = `its own frame (${args.frameName})`;
    }
    if (!panel || seen.has(panel)) continue;
    const boxNamed = has(
      [
        box.getAttribute('placeholder'),
        box.getAttribute('aria-label'),
        (box as HTMLInputElement).labels?.[0]?.textContent,
      ].join(' '),
      args.panel,
    );
    const frameNamed = args.wholeDocument ? has(args.frameName, args.panel) : null;
    const hasLog = why.startsWith('a message log');
    const conversation = hasLog || why.startsWith('the panel says') || boxNamed || frameNamed;
    // A contact form asks who you are (e-mail) and keeps no conversation: it is a contact form, even in a modal; a
    // floating feedback box ("¿Le fue útil?") says nothing of a chat.
    const asksEmail = panel.querySelector('input[type=email], input[name*=mail i], input[name*=correo i]');
    const acts = panel.querySelector('input[type=password], input[type=file]');
    if (!conversation || acts || (asksEmail && !hasLog)) continue;
    if (!hasLog && !why.startsWith('the panel says'))
      why = `${why}; ${boxNamed ? `the message box says "${boxNamed}"` : `the frame says "${frameNamed}"`}`;
    seen.add(panel);
    panels.push({
      panel: `${describe(panel)}${why.startsWith('a floating box') ? ` (${why.slice(2)})` : ''}`,
      box: `${box.tagName.toLowerCase()}${box.getAttribute('placeholder') ? ` placeholder="${clean(box.getAttribute('placeholder'))}"` : box.getAttribute('aria-label') ? ` aria-label="${clean(box.getAttribute('aria-label'))}"` : ''}`,
      send: `${send.tagName.toLowerCase()} "${clean((send as HTMLElement).innerText || send.getAttribute('aria-label') || send.getAttribute('title') || send.getAttribute('value')) || 'icon'}"`,
      why,
    });
  }
  return panels;
}

/** Runs in the page: buttons that open a chat (named like one), marked so a locator can click them, page order. */
function markLaunchers(args: { words: string[]; max: number }): { selector: string; name: string }[] {
  const normal = (v: string | null | undefined) =>
    (v ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[_\-.]+/g, ' ');
  const has = (text: string) => {
    const t = ` ${normal(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    return args.words.some((w) => t.includes(` ${w} `));
  };
  const found: { selector: string; name: string }[] = [];
  const candidates = Array.from(
    document.querySelectorAll(
      'button, [role=button], a[href="#"], a[href^="#"], a[href^="javascript"], a:not([href]), [onclick]',
    ),
  );
  for (const el of candidates) {
    if (found.length >= args.max) break;
    const rect = (el as HTMLElement).getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || el.closest('nav, footer, [role=navigation]')) continue;
    const text = (el as HTMLElement).innerText ?? '';
    const names = [
      text,
      el.getAttribute('aria-label'),
      el.getAttribute('title'),
      el.id,
      typeof el.className === 'string' ? el.className : '',
      el.querySelector('img')?.getAttribute('alt'),
    ].join(' ');
    if (!has(names)) continue;
    const id = `egov-launcher-${found.length}`;
    el.setAttribute('data-egov-launcher', id);
    const name = /\p{L}/u.test(text)
      ? text
      : (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? text);
    found.push({
      selector: `[data-egov-launcher="${id}"]`,
      name: name.replace(/\s+/g, ' ').trim().slice(0, 60),
    });
  }
  return found;
}

function words(): Words {
  return {
    send: phrases('chatSend').phrases,
    panel: phrases('chatPanel').phrases,
    launcher: phrases('chatLauncher').phrases,
  };
}

/** Chat panels in the page and in its frames (a chat often lives in an iframe of its own). */
async function panelsIn(page: Page): Promise<ChatPanel[]> {
  const w = words();
  const found = await inPage(page, findChatPanels, { ...w, wholeDocument: false, frameName: '' }).catch(
    () => [] as ChatPanel[],
  );
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const element = await frame.frameElement().catch(() => null);
    if (!element || !(await element.isVisible().catch(() => false))) continue;
    const id = await element.getAttribute('id').catch(() => null);
    const title = await element.getAttribute('title').catch(() => null);
    const name = `iframe${id ? `#${id}` : ''}${title ? ` title="${title}"` : ''}`;
    const inFrame = await inPage(frame as Frame, findChatPanels, {
      ...w,
      wholeDocument: true,
      frameName: name,
    }).catch(() => [] as ChatPanel[]);
    found.push(...inFrame.map((p) => ({ ...p, panel: `${name} → ${p.panel}` })));
  }
  return found;
}

export interface ChatProbe {
  url: string;
  panel: ChatPanel | null;
  /** The launcher clicked to open it, if one was needed. */
  launcher?: string;
  /** Launchers clicked that opened nothing recognisable. */
  tried: string[];
  problem?: string;
}

/**
 * Opens `url` as a visitor does and looks for a chat by its interface: a panel already open, or one a launcher
 * opens (up to the data's number of launchers, in the page's order). Never types or sends a message.
 */
export async function probeChat(site: SiteContext, url: string): Promise<ChatProbe> {
  const probe: ChatProbe = { url, panel: null, tried: [] };
  try {
    return await withPage(site, async (page) => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: navigationTimeout(site) });
      await settle(page, site, 3_000);
      const guard = await refuseActingRequests(page);
      try {
        const open = (await panelsIn(page))[0];
        if (open) return { ...probe, panel: open };
        const launchers = await inPage(page, markLaunchers, {
          words: words().launcher,
          max: liveSteps.chat.launchersPerPage,
        });
        for (const launcher of launchers) {
          const watch = await watchChanges(page);
          try {
            const clicked = await page
              .locator(launcher.selector)
              .first()
              .click({ timeout: navigationTimeout(site) })
              .then(
                () => true,
                () => false,
              );
            if (!clicked) continue;
            await watch.reaction({ ...liveSteps.chat.reaction, attributes: true });
          } finally {
            watch.stop();
          }
          // A launcher that was a link to another page took the tab away: what is there is not this page's chat.
          if (page.url().split('#')[0] !== url.split('#')[0]) {
            probe.tried.push(`${launcher.name} (left the page)`);
            break;
          }
          const panel = (await panelsIn(page))[0];
          if (panel) return { ...probe, panel, launcher: launcher.name };
          probe.tried.push(launcher.name);
        }
        return probe;
      } finally {
        await guard.undo();
      }
    });
  } catch (error) {
    return { ...probe, problem: clip((error as Error).message.split('\n')[0] ?? '', 160) };
  }
}
