import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from './phrase-matcher.js';

describe('phrase matcher', () => {
  const matcher = new PhraseMatcher(['Trámites', 'trámites y servicios', 'consul', 'e-mail']);

  it('matches whole words of normalised text, the most specific phrase first', () => {
    expect(matcher.test('Ver TRAMITES en línea')).toBe(true);
    expect(matcher.test('consultar')).toBe(false);
    expect(matcher.find('Trámites y Servicios, trámites, consul')).toEqual([
      'tramites y servicios',
      'tramites',
      'consul',
    ]);
    expect(matcher.first('el consul y los tramites')).toBe('consul');
    expect(matcher.first('nada')).toBeNull();
    expect(matcher.first(null)).toBeNull();
  });

  it('keeps punctuation by default, or treats it as a space when asked', () => {
    expect(matcher.test('escriba un e-mail')).toBe(true);
    expect(matcher.test('escriba un email')).toBe(false);
    const loose = new PhraseMatcher(['derechos reservados', 'e-mail'], { ignorePunctuation: true });
    expect(loose.test('Todos los derechos-reservados')).toBe(true);
    expect(loose.test('un e mail')).toBe(true);
    expect(loose.test('reservados derechos')).toBe(false);
  });

  it('isExactly ignores case, accents and surrounding punctuation only', () => {
    expect(matcher.isExactly('  «Trámites»: ')).toBe(true);
    expect(matcher.isExactly('Trámites en línea')).toBe(false);
    expect(matcher.isExactly('')).toBe(false);
  });

  it('an empty list matches nothing', () => {
    const none = new PhraseMatcher(['', '  ']);
    expect(none.phrases).toEqual([]);
    expect(none.test('anything')).toBe(false);
    expect(none.find('anything')).toEqual([]);
  });
});
