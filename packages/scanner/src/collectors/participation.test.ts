import { describe, expect, it } from 'vitest';
import { participationCollector, participationKind } from './participation.js';
import { fakeSite, field, form, link, snapshot } from './support/test-builders.js';

const home = 'https://www.segeplan.gob.gt/';

describe('participation kinds', () => {
  it.each([
    ['Consulta pública del Reglamento de Compras', 'consultation'],
    ['Presupuesto participativo 2027', 'e-voting'],
    ['Encuesta de satisfacción', 'survey'],
    ['Sondeo: ¿qué opina?', 'poll'],
    ['Have your say on the new transport plan', 'consultation'],
    ['Participación ciudadana', 'consultation'],
    ['Consultar expediente', null],
  ])('%s → %s', (text, kind) => {
    expect(participationKind(text)).toBe(kind);
  });
});

describe('participation collector', () => {
  it('finds an answerable consultation page, an embedded Google Form and a checked external survey link', async () => {
    const site = fakeSite({
      responses: {
        'https://forms.gle/AbC123': {
          contentType: 'text/html',
          body: '<html><title>Encuesta</title><form>…</form></html>',
        },
      },
      pages: [
        snapshot(home, { links: [link('https://forms.gle/AbC123', 'Responda la encuesta de satisfacción')] }),
        snapshot(`${home}consulta-publica/ley-de-ordenamiento`, {
          title: 'Consulta pública: Ley de ordenamiento territorial',
          forms: [
            form({
              selector: '#consulta',
              method: 'post',
              action: `${home}consulta-publica/enviar`,
              fields: [
                field('apoya', { type: 'radio' }),
                field('comentarios', { tag: 'textarea', type: 'textarea' }),
              ],
              submitTexts: ['Enviar opinión'],
            }),
          ],
        }),
        snapshot(`${home}participa`, {
          title: 'Participa',
          headings: [{ level: 1, text: 'Encuesta ciudadana sobre prioridades' }],
          iframes: ['https://docs.google.com/forms/d/e/1FAIpQLSd/viewform?embedded=true'],
        }),
      ],
    });
    const { candidates } = await participationCollector.collect(site);
    expect(candidates.map((c) => [c.url, c.kind, c.vendor ?? null, c.hasForm, c.comingSoon])).toEqual([
      ['https://forms.gle/AbC123', 'survey', 'Google Forms', true, false],
      [`${home}consulta-publica/ley-de-ordenamiento`, 'consultation', null, true, false],
      [`${home}participa`, 'survey', 'Google Forms', true, false],
    ]);
    expect(candidates[1]?.detail).toMatch(/form #consulta \(radio apoya, textarea comentarios\)/);
  });

  it('trap: a "Próximamente" survey and a closed external form are not answerable', async () => {
    const site = fakeSite({
      responses: {
        'https://docs.google.com/forms/d/e/X/viewform': {
          contentType: 'text/html',
          body: '<html><body>Este formulario ya no acepta respuestas</body></html>',
        },
      },
      pages: [
        snapshot(`${home}encuesta`, {
          title: 'Encuesta ciudadana',
          headings: [{ level: 1, text: 'Encuesta ciudadana' }],
          text: 'Encuesta ciudadana\nPróximamente',
          forms: [form({ fields: [field('op', { type: 'radio' })], submitTexts: ['Votar'] })],
        }),
        snapshot(`${home}consultas`, {
          title: 'Consultas',
          links: [
            link('https://docs.google.com/forms/d/e/X/viewform', 'Consulta pública sobre el reglamento'),
          ],
        }),
      ],
    });
    const { candidates } = await participationCollector.collect(site);
    expect(candidates.map((c) => [c.url, c.hasForm, c.comingSoon])).toEqual([
      ['https://docs.google.com/forms/d/e/X/viewform', false, false],
      [`${home}encuesta`, false, true],
    ]);
    expect(candidates[0]?.detail).toMatch(/ya no acepta respuestas/);
  });
});
