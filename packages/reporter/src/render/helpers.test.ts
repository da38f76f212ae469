import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  codeSpan,
  escapeMarkdown,
  formatDate,
  formatNumber,
  markdownLink,
  wcagCriterion,
} from './helpers.js';
import { markerSiteKey, siteId, siteKey, siteMarker } from './site-id.js';

// CommonMark with raw HTML allowed and bare-URL autolinks on: stricter than GitHub, which also sanitises.
const markdown = new MarkdownIt({ html: true, linkify: true });
const inline = (s: string): string => markdown.renderInline(s);

describe('escapeMarkdown', () => {
  it('leaves no live markup, mention or reference', () => {
    const out = escapeMarkdown(
      '# **b** <script>x</script> @octocat #12 GH-3 [x](javascript:alert(1)) https://evil.example www.evil.example a|b',
    );
    const html = inline(out);
    expect(html).not.toMatch(/<script|<strong|<a /);
    expect(out).not.toMatch(/@octocat|#12|GH-3|https:\/\/|www\.evil/);
    expect(html).toContain('&lt;script&gt;');
    // The reader still sees the same characters (zero-width spaces aside).
    expect(html.replace(/\u200B/g, '')).toContain('@octocat #12 GH-3');
  });

  it('keeps one table cell and one line', () => {
    expect(escapeMarkdown('a | b\nc\r\n- d')).toBe('a \\| b c - d');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. uno')).toBe('1\\. uno');
    expect(escapeMarkdown('versión 1.2')).toBe('versión 1.2');
  });

  it('drops control and bidi-override characters', () => {
    expect(escapeMarkdown('abc\u202Eevil\u0000')).toBe('abcevil');
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(codeSpan('a ``b`` c')).toBe('```a ``b`` c```');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(inline(codeSpan('<script>@octocat'))).toBe('<code>&lt;script&gt;@octocat</code>');
  });

  it('escapes pipes so a table cell survives', () => {
    expect(codeSpan('a|b')).toBe('`a\\|b`');
  });
});

describe('markdownLink', () => {
  it('links http(s) only', () => {
    expect(markdownLink('https://www.minfin.gob.gt/tramites')).toBe(
      '[`www.minfin.gob.gt/tramites`](<https://www.minfin.gob.gt/tramites>)',
    );
    expect(inline(markdownLink('javascript:alert(1)'))).toBe('<code>javascript:alert(1)</code>');
    expect(inline(markdownLink('data:text/html,<script>x</script>'))).not.toContain('<a');
  });

  it('keeps a hostile URL one link to where it really points', () => {
    const html = inline(markdownLink('https://sosep.gob.gt/a)b](https://evil.example/x <y>|z'));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(1);
    expect(hrefs[0]).toMatch(/^https:\/\/sosep\.gob\.gt\/a\)b(\]|%5D)/);
    expect(hrefs[0]).not.toMatch(/[<>| ]/);
  });
});

describe('formatting', () => {
  it('formats numbers per language and dashes missing ones', () => {
    expect(formatNumber(52.16, 'es', 2)).toBe('52.16');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(null, 'es')).toBe('—');
  });

  it('formats dates in UTC whatever the machine zone', () => {
    expect(formatDate('2026-03-02T23:30:00.000Z', 'es')).toBe('2 de marzo de 2026 a las 23:30 UTC');
    expect(formatDate('2026-03-02T23:30:00.000Z', 'en')).toBe('March 2, 2026 at 23:30 UTC');
  });

  it('reads WCAG tags', () => {
    expect(wcagCriterion('wcag143')).toBe('1.4.3');
    expect(wcagCriterion('wcag1410')).toBe('1.4.10');
    expect(wcagCriterion('wcag2aa')).toBe('WCAG 2 AA');
    expect(wcagCriterion('wcag21aa')).toBe('WCAG 2.1 AA');
  });
});

describe('site id', () => {
  it('is the same for the spellings of one site', () => {
    const id = siteId('https://www.minfin.gob.gt/');
    for (const u of [
      'http://WWW.MINFIN.gob.gt',
      'https://minfin.gob.gt/index.html',
      'https://www.minfin.gob.gt:443/?utm_source=x#top',
    ]) {
      expect(siteId(u)).toBe(id);
      expect(siteMarker(u)).toBe(siteMarker('https://www.minfin.gob.gt/'));
    }
    expect(siteId('https://www.minfin.gob.gt/otra')).not.toBe(id);
    expect(siteId('https://example.gob.gt:8443/a/')).toBe('example.gob.gt:8443/a');
  });

  it('marks an issue with a fixed-length key, also for a URL of 60,000 characters', () => {
    const long = `https://x.gob.gt/${'a'.repeat(60_000)}`;
    expect(siteMarker(long)).toMatch(/^<!-- egov-monitor:site-key:[0-9a-f]{32} -->$/);
    expect(markerSiteKey(`${siteMarker(long)}\n# x`)).toBe(siteKey(long));
  });

  it('reads old-style markers (the URL itself) as the key of the same site, www or not', () => {
    const key = siteKey('https://minfin.gob.gt/');
    expect(markerSiteKey('<!-- egov-monitor:site:www.minfin.gob.gt -->\n')).toBe(key);
    expect(markerSiteKey('<!-- egov-monitor:site:minfin.gob.gt -->')).toBe(key);
    expect(markerSiteKey('<!-- egov-monitor:site:example.gob.gt:8443/a%20b -->')).toBe(
      siteKey('http://example.gob.gt:8443/a b/'),
    );
    expect(markerSiteKey('no marker here')).toBeNull();
  });

  it('is safe inside an HTML comment', () => {
    const marker = siteMarker('https://xn--espaa-rta.gob.gt/a-->b<!--c');
    expect(marker.slice(4, -3)).not.toMatch(/--(?!>)|>/);
    expect(marker.match(/-->/g)).toHaveLength(1);
  });
});
