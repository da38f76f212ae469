import type { ParticipationEvidence } from '@egov-monitor/rubric';
import type { SnapshotForm, SnapshotLink } from '../page-snapshot.js';
import type { Collector, SiteContext } from './collector.js';
import { phrases, vendors } from '../data/index.js';
import type { PageFacts } from './support/live.js';
import {
  absoluteHttpUrl,
  hasTime,
  looksComingSoon,
  looksNotFound,
  openAndRead,
  withBudget,
} from './support/live.js';
import { vendorsOnPage } from './support/vendors.js';
import { clip } from './support/text.js';

type Candidate = ParticipationEvidence['candidates'][number];
type Kind = Candidate['kind'];

const MAX_FOLLOWED = 4;
const MAX_VENDOR_LINKS_CHECKED = 4;
const MAX_LINK_TEXT = 80;
/** Platforms and widgets that exist only to let citizens vote, propose or answer. */
const PARTICIPATION_PLATFORMS = new Set(['decidim', 'consul', 'crowdsignal', 'wordpress-polls']);
/** An external form that no longer takes answers. */
const CLOSED_FORM =
  /ya no acepta respuestas|no longer accepting responses|this form is closed|formulario (?:est[aá] )?cerrado|encuesta (?:ha )?(?:finalizad|cerrad)|survey (?:is )?closed|this survey is not active/i;

/** The kind of participation a text names, most specific first; null when it names none. */
export function participationKind(text: string): Kind | null {
  if (phrases('participationVoting').test(text)) return 'e-voting';
  if (phrases('participationConsultation').test(text)) return 'consultation';
  if (phrases('participationPoll').test(text)) return 'poll';
  if (phrases('participationSurvey').test(text)) return 'survey';
  if (phrases('participationFeedback').test(text)) return 'feedback';
  if (phrases('participation').test(text)) return 'consultation';
  return null;
}

/** A form a citizen answers: choices (radio/checkbox/select) or free text (textarea), and a submit. */
export function answerableForm(form: SnapshotForm): boolean {
  if (form.role === 'search' || form.fields.some((f) => f.type === 'search' || f.type === 'password'))
    return false;
  const answers = form.fields.some(
    (f) => f.type === 'radio' || f.type === 'checkbox' || f.tag === 'textarea' || f.tag === 'select',
  );
  const submit =
    form.submitTexts.length > 0 ||
    form.fields.some((f) => f.type === 'submit' || f.type === 'image' || f.tag === 'button');
  return answers && submit;
}

function topText(page: Pick<PageFacts, 'title' | 'headings'>): string {
  return [page.title, ...page.headings.filter((h) => h.level <= 2).map((h) => h.text)].join('\n');
}

/** Judge one page about participation: can a citizen answer here, or is it a placeholder? */
export function judgeParticipationPage(page: PageFacts, kind: Kind, prefix: string): Candidate {
  const form = page.forms.find(answerableForm);
  const embedded = vendorsOnPage(page, vendors.forms).find(
    (h) => h.how === 'iframe' || h.how === 'script' || h.how === 'element',
  );
  const soon = looksComingSoon(page);
  const notFound = looksNotFound(page);
  const hasForm = (!!form || !!embedded) && !soon && !notFound;
  const notes = [prefix];
  if (form)
    notes.push(
      `form ${form.selector} (${form.fields
        .filter((f) => f.type !== 'hidden')
        .map((f) => `${f.type} ${f.name}`.trim())
        .join(', ')})`,
    );
  if (embedded) notes.push(`${embedded.vendor.name} ${embedded.how}: ${clip(embedded.evidence, 100)}`);
  if (!form && !embedded) notes.push('no form to answer');
  if (soon) notes.push(`says "${soon}"`);
  if (notFound) notes.push(`says "${notFound}"`);
  return {
    url: page.url,
    kind: embedded && !form ? (kind === 'consultation' ? 'embedded-form' : kind) : kind,
    ...(embedded ? { vendor: embedded.vendor.name } : {}),
    hasForm,
    comingSoon: !!soon,
    detail: clip(notes.join('; '), 500),
  };
}

/**
 * e_participation: consultations, surveys, polls, e-voting and feedback on decisions — pages that name them,
 * links to them (followed live, bounded), and embedded form services (Google/Microsoft Forms, SurveyMonkey,
 * LimeSurvey, Decidim, CONSUL…). Each candidate says whether a citizen can answer there and whether it is only
 * a "Próximamente".
 */
export async function collectParticipation(site: SiteContext): Promise<ParticipationEvidence> {
  const candidates = new Map<string, Candidate>();
  const add = (candidate: Candidate) => {
    const key = `${candidate.url}|${candidate.vendor ?? ''}`;
    if (!candidates.has(key)) candidates.set(key, candidate);
  };
  const toFollow = new Map<string, { from: string; link: SnapshotLink; kind: Kind }>();
  const vendorLinks: { from: string; link: SnapshotLink; vendor: string; id: string; kind: Kind }[] = [];

  for (const page of site.pages) {
    if (page.soft404 || page.status >= 400) continue;
    const pageKind = participationKind(topText(page));
    if (pageKind) add(judgeParticipationPage(page, pageKind, `page "${clip(page.title, 80)}"`));

    for (const hit of vendorsOnPage(page, vendors.forms)) {
      if (hit.how === 'link') continue;
      const platform = PARTICIPATION_PLATFORMS.has(hit.vendor.id);
      if (!pageKind && !platform) continue;
      add({
        url: page.url,
        kind: platform
          ? hit.vendor.id.includes('poll') || hit.vendor.id === 'crowdsignal'
            ? 'poll'
            : 'consultation'
          : 'embedded-form',
        vendor: hit.vendor.name,
        hasForm: !looksComingSoon(page),
        comingSoon: !!looksComingSoon(page),
        detail: clip(`${hit.vendor.name} ${hit.how} on "${page.title}": ${hit.evidence}`, 400),
      });
    }

    for (const link of page.links) {
      const href = absoluteHttpUrl(link.href);
      const text = (link.text || link.label).trim();
      if (!href || !text) continue;
      const vendor = vendors.forms.find((v) => v.links.some((p) => p.test(href)));
      const kind = participationKind(`${text} ${link.context}`);
      if (vendor && (kind || PARTICIPATION_PLATFORMS.has(vendor.id))) {
        vendorLinks.push({
          from: page.url,
          link: { ...link, href },
          vendor: vendor.name,
          id: vendor.id,
          kind: kind ?? 'consultation',
        });
        continue;
      }
      const linkKind = text.length <= MAX_LINK_TEXT ? participationKind(text) : null;
      if (
        linkKind &&
        site.isSameSite(href) &&
        !toFollow.has(href) &&
        href.split('#')[0] !== page.url.split('#')[0]
      )
        toFollow.set(href, { from: page.url, link: { ...link, href }, kind: linkKind });
    }
  }

  const analysed = new Set(site.pages.map((p) => p.url));
  for (const { from, link, kind } of [...toFollow.values()]
    .filter((f) => !analysed.has(f.link.href))
    .slice(0, MAX_FOLLOWED)) {
    if (!hasTime(site, 5_000)) break;
    const opened = await openAndRead(site, link.href);
    const text = clip(link.text || link.label, 80);
    if (!opened.facts || opened.status >= 400) {
      add({
        url: link.href,
        kind,
        hasForm: false,
        comingSoon: false,
        detail: clip(
          `"${text}" on ${from} → HTTP ${opened.status}${opened.error ? ` (${opened.error})` : ''}`,
          300,
        ),
      });
      continue;
    }
    add(
      judgeParticipationPage(
        opened.facts,
        participationKind(topText(opened.facts)) ?? kind,
        `"${text}" on ${from} → HTTP ${opened.status}`,
      ),
    );
  }

  // External form services: one GET each says whether the form is there and still open.
  for (const { from, link, vendor, kind } of vendorLinks.slice(0, MAX_VENDOR_LINKS_CHECKED)) {
    if (!hasTime(site, 3_000)) break;
    const response = await site.fetch(link.href, { method: 'GET', maxBytes: 64 * 1024 });
    const body = response.head.toString('utf8');
    const closed = CLOSED_FORM.exec(body)?.[0];
    const ok = !response.error && response.status > 0 && response.status < 400 && !closed;
    add({
      url: link.href,
      kind,
      vendor,
      hasForm: ok,
      comingSoon: false,
      detail: clip(
        `"${clip(link.text || link.label, 80)}" on ${from} → ${vendor}, HTTP ${response.status}${response.error ? ` (${response.error})` : ''}${closed ? `, says "${closed}"` : ''}`,
        300,
      ),
    });
  }

  return {
    candidates: [...candidates.values()].sort(
      (a, b) => a.url.localeCompare(b.url) || (a.vendor ?? '').localeCompare(b.vendor ?? ''),
    ),
  };
}

export const participationCollector: Collector<'participation'> = {
  kind: 'participation',
  collect: (site) => collectParticipation(withBudget(site)),
};
