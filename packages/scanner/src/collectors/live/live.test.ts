import { describe, expect, it } from 'vitest';
import { absoluteHttpUrl, looksComingSoon, looksLikeError, looksNotFound, withBudget } from './live.js';
import { fakeSite, snapshot } from '../test-support/builders.js';

describe('live helpers', () => {
  it('withBudget brings the deadline nearer and keeps the site working', async () => {
    const site = fakeSite({ pages: [snapshot('https://www.sat.gob.gt/')], deadline: Date.now() + 600_000 });
    const budgeted = withBudget(site, 1_000);
    expect(budgeted.deadline).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(budgeted.pages).toBe(site.pages);
    expect((await budgeted.fetch('https://www.sat.gob.gt/x')).status).toBe(404);
    expect(site.fetched).toEqual(['GET https://www.sat.gob.gt/x']);
    // Never later than the site's own deadline.
    const late = withBudget(fakeSite({ pages: [], deadline: Date.now() + 500 }), 60_000);
    expect(late.deadline).toBeLessThanOrEqual(Date.now() + 500);
  });

  it('recognises soft 404s, placeholders and error pages, in Spanish and English', () => {
    const page = (title: string, text = '') => ({ title, headings: [], text });
    expect(looksNotFound(page('Página no encontrada'))).toBe('pagina no encontrada');
    expect(looksNotFound(page('Page not found'))).toBe('page not found');
    expect(looksNotFound(page('Inicio', 'Bienvenidos al portal del Ministerio'))).toBeNull();
    expect(looksComingSoon(page('Servicios en línea', 'Próximamente'))).toBe('proximamente');
    expect(looksComingSoon(page('Coming soon'))).toBe('coming soon');
    // A long page that mentions "próximamente" in a news item is not a placeholder.
    expect(
      looksComingSoon(
        page(
          'Noticias',
          `${'El ministerio informa sobre sus programas. '.repeat(40)} Próximamente nuevas sedes.`,
        ),
      ),
    ).toBeNull();
    expect(looksLikeError(page('Error', 'Fatal error: Uncaught Exception'))).toBe('fatal error');
  });

  it('absoluteHttpUrl keeps http(s) only', () => {
    expect(absoluteHttpUrl('/tramites', 'https://www.gob.gt/inicio')).toBe('https://www.gob.gt/tramites');
    expect(absoluteHttpUrl('javascript:void(0)')).toBeNull();
    expect(absoluteHttpUrl('mailto:info@gob.gt')).toBeNull();
  });
});
