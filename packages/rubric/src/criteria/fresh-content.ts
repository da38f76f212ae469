import type { DatedItem } from '../evidence/maturity.js';
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { atLeastOne, settingsSchema, strings } from './settings-schema.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { fail, pass } from './support.js';

export interface FreshContentSettings {
  /** Distinct dated publications required. */
  minItems: number;
  /** Age in days of the newest publication on the day of the scan. */
  maxAgeDays: number;
  /** Text around a date that marks a copyright notice, not a publication ("© 2026", "Derechos reservados"). */
  copyrightMarkers: string[];
}

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

type Rejection = 'not-publication' | 'client-clock' | 'future' | 'copyright' | 'bad-date' | 'duplicate';

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<FreshContentSettings> = {
  schema: settingsSchema({ minItems: atLeastOne, maxAgeDays: atLeastOne, copyrightMarkers: strings }),
  defaults: {
    minItems: 3,
    maxAgeDays: 90,
    copyrightMarkers: [
      'copyright',
      'derechos reservados',
      'todos los derechos reservados',
      'all rights reserved',
    ],
  },
};

export const freshContent = defineCriterion({
  meta: {
    id: 'fresh_content',
    level: 2,
    title: { es: 'Actualiza su información con frecuencia', en: 'Updates its information frequently' },
    implements: {
      es: 'Información más dinámica (actualizaciones frecuentes).',
      en: 'More dynamic information (frequent updates).',
    },
    requiredEvidence: ['dates'],
  },
  settings: SETTINGS,
  judge({ dates }, settings, evidence) {
    const today = dayNumber(evidence.scannedAt);
    const rejected: Record<Rejection, number> = {
      'not-publication': 0,
      'client-clock': 0,
      future: 0,
      copyright: 0,
      'bad-date': 0,
      duplicate: 0,
    };
    const copyrightMarkers = new PhraseMatcher(settings.copyrightMarkers, { ignorePunctuation: true });
    const rejectionOf = (item: DatedItem): Rejection | undefined => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(item.date) || Number.isNaN(dayNumber(item.date))) return 'bad-date';
      // a date written by JavaScript from the visitor's clock is today's date on every visit, not an update
      if (item.clientClock) return 'client-clock';
      if (!item.publication) return 'not-publication';
      if (copyrightMarkers.test(item.text) || /©/.test(item.text)) return 'copyright';
      // an upcoming event is announced, not published, on that date
      if (dayNumber(item.date) > today) return 'future';
      return undefined;
    };

    const kept = new Map<string, DatedItem>();
    for (const item of dates.items) {
      const why = rejectionOf(item);
      if (why) {
        rejected[why] += 1;
        continue;
      }
      const key = `${item.url}\u0000${item.date}\u0000${item.text.trim()}`;
      if (kept.has(key)) rejected.duplicate += 1;
      else kept.set(key, item);
    }
    const items = [...kept.values()].sort((a, b) =>
      a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.url < b.url ? -1 : a.url > b.url ? 1 : 0,
    );
    const pointers = items.slice(0, Math.max(settings.minItems, 3)).map((item) => ({
      url: item.url,
      detail: `${item.date} read from ${item.source}: "${item.text.trim()}"`,
    }));
    const ignored = (Object.entries(rejected) as [Rejection, number][])
      .filter(([, n]) => n > 0)
      .map(([why, n]) => `${why}: ${n}`)
      .join(', ');
    const ignoredEs = ignored ? ` Fechas descartadas — ${ignored}.` : '';
    const ignoredEn = ignored ? ` Dates set aside — ${ignored}.` : '';

    if (items.length < settings.minItems) {
      return fail(
        {
          es: `Se encontraron ${items.length} publicaciones fechadas; se piden ${settings.minItems}.${ignoredEs}`,
          en: `${items.length} dated publications were found; ${settings.minItems} are required.${ignoredEn}`,
        },
        pointers,
      );
    }
    const newest = items[0]!;
    const age = today - dayNumber(newest.date);
    if (age > settings.maxAgeDays) {
      return fail(
        {
          es: `La publicación más reciente es del ${newest.date}, hace ${age} días; se pide una de los últimos ${settings.maxAgeDays} días.${ignoredEs}`,
          en: `The newest publication is dated ${newest.date}, ${age} days ago; one from the last ${settings.maxAgeDays} days is required.${ignoredEn}`,
        },
        pointers,
      );
    }
    return pass(
      {
        es: `${items.length} publicaciones fechadas; la más reciente es del ${newest.date} (hace ${age} días).`,
        en: `${items.length} dated publications; the newest is dated ${newest.date} (${age} days ago).`,
      },
      pointers,
    );
  },
});
