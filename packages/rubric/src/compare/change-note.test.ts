import { describe, expect, it } from 'vitest';
import { changeNote } from './change-note.js';
import { siteResult } from './test-helpers/site-result.js';

const url = 'https://a.gob.gt/';

describe('changeNote', () => {
  it('says an unreachable site keeps its previous level, not that it fell to 0', () => {
    const note = changeNote(
      'unreachable',
      siteResult({ url, level: 3 }),
      siteResult({ url, error: 'timeout' }),
    );
    expect(note).toEqual({
      es: 'No se pudo cargar en esta corrida (timeout); se conserva el nivel anterior (3) para la comparación.',
      en: 'Could not be loaded in this run (timeout); its previous level (3) is kept for the comparison.',
    });
    expect(note?.es).not.toMatch(/nivel 0/);
  });

  it('tells apart a site down in both runs, a recovered one, a level change, and no change', () => {
    expect(
      changeNote(
        'unreachable',
        siteResult({ url, error: 'dns-not-found' }),
        siteResult({ url, error: 'dns-not-found' }),
      )?.es,
    ).toBe('No se pudo cargar ni en esta corrida ni en la anterior (dns-not-found).');
    expect(
      changeNote('recovered', siteResult({ url, error: 'timeout' }), siteResult({ url, level: 2 }))?.en,
    ).toBe('Loads again after failing in the previous run; current level 2.');
    expect(changeNote('regressed', siteResult({ url, level: 3 }), siteResult({ url, level: 2 }))?.es).toBe(
      'Bajó del nivel 3 al 2.',
    );
    expect(changeNote('improved', siteResult({ url, level: 1 }), siteResult({ url, level: 2 }))?.en).toBe(
      'Rose from level 1 to 2.',
    );
    expect(
      changeNote('unchanged', siteResult({ url, level: 2 }), siteResult({ url, level: 2 })),
    ).toBeUndefined();
    expect(changeNote('new', null, siteResult({ url }))?.es).toMatch(/nuevo/);
    expect(changeNote('removed', siteResult({ url }), null)?.es).toMatch(/Ya no está/);
  });
});
