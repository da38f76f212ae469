import { describe, expect, it } from 'vitest';
import { clip, foldAccents, normalizeText, pathWords, slugify, wordText, words } from './normalize.js';

describe('text normalisation', () => {
  it('folds accents and case and collapses spaces, Spanish and English alike', () => {
    expect(normalizeText('  Misión y\n\tVisión ')).toBe('mision y vision');
    expect(normalizeText('AÑO Pingüino')).toBe('ano pinguino');
    expect(normalizeText('Trámites — Guía')).toBe('tramites — guia');
    expect(foldAccents('Dirección General')).toBe('Direccion General');
  });

  it('wordText keeps letters and digits only', () => {
    expect(wordText('Trámites-y_Servicios / Guía 2026.')).toBe('tramites y servicios guia 2026');
    expect(wordText('¿Qué necesita?')).toBe('que necesita');
  });

  it('words and path words', () => {
    expect(words('El Ministerio de Salud', 3)).toEqual(['ministerio', 'salud']);
    expect(pathWords('https://x.gob.gt/tramites/licencia-de_conducir.html?x=1')).toEqual([
      'tramites',
      'licencia',
      'de',
      'conducir',
      'html',
    ]);
    expect(pathWords('https://x.gob.gt/%E0%A4%A')).toEqual([]);
    expect(pathWords('not a url')).toEqual([]);
  });

  it('slugify makes file and page names', () => {
    expect(slugify('  Ministerio de Economía / MINECO ')).toBe('ministerio-de-economia-mineco');
    expect(slugify('¿?')).toBe('');
  });

  it('clip keeps one line and marks the cut', () => {
    expect(clip('  a\n b  ')).toBe('a b');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    expect(clip('x'.repeat(160))).toHaveLength(160);
    expect(clip('x'.repeat(161))).toHaveLength(160);
  });
});
