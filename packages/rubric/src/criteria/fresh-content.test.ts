import { describe, expect, it } from 'vitest';
import type { DatedItem } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import {
  SCANNED_AT,
  SITE,
  datedItem,
  daysBefore,
  evidenceMeeting,
  ok,
  withGathered,
} from '../test-support/evidence-builders.js';
import { freshContent } from './fresh-content.js';

const settings = defaultRubric.criteria.fresh_content;

function withItems(items: DatedItem[]) {
  return withGathered(evidenceMeeting([]), { dates: ok({ items }) });
}
const news = (age: number, i = age) =>
  datedItem(`${SITE}noticias/${i}`, daysBefore(SCANNED_AT, age), { text: `Publicado hace ${age} días` });

describe('fresh_content', () => {
  it('passes with 3 publications, the newest exactly 90 days old', () => {
    expect(settings).toMatchObject({ minItems: 3, maxAgeDays: 90 });
    const result = freshContent.evaluate(withItems([news(90), news(120), news(300)]), settings);
    expect(result.outcome).toBe('pass');
    expect(result.evidence[0]).toEqual({
      url: `${SITE}noticias/90`,
      detail: `${daysBefore(SCANNED_AT, 90)} read from time-element: "Publicado hace 90 días"`,
    });
  });

  it('fails when the newest is 91 days old, naming its date and age', () => {
    const result = freshContent.evaluate(withItems([news(91), news(120), news(300)]), settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain('91 days ago');
  });

  it('fails with only 2 publications, however fresh', () => {
    const result = freshContent.evaluate(withItems([news(1), news(2)]), settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain('2 dated publications');
  });

  it('ignores client-clock dates, copyright years, future events, non-publications and duplicates', () => {
    const today = SCANNED_AT.slice(0, 10);
    const items = [
      news(10),
      news(10), // the same item seen twice
      datedItem(`${SITE}`, today, { clientClock: true, text: 'Guatemala, 15 de marzo de 2026' }),
      datedItem(`${SITE}`, '2026-01-01', {
        text: '© 2026 Ministerio de Ejemplo. Todos los derechos reservados',
      }),
      datedItem(`${SITE}eventos`, daysBefore(SCANNED_AT, -20), { text: 'Foro nacional, 4 de abril' }),
      datedItem(`${SITE}pie`, daysBefore(SCANNED_AT, 5), { publication: false, text: 'Última visita' }),
    ];
    const result = freshContent.evaluate(withItems(items), settings);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toContain('1 dated publications');
    for (const why of [
      'client-clock: 1',
      'copyright: 1',
      'future: 1',
      'not-publication: 1',
      'duplicate: 1',
    ]) {
      expect(result.reason.en).toContain(why);
    }
  });

  it('counts an item dated on the scan day', () => {
    expect(freshContent.evaluate(withItems([news(0), news(3), news(5)]), settings).outcome).toBe('pass');
  });
});
