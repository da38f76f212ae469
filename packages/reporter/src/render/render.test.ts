import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { evidenceFingerprint } from '@egov-monitor/rubric';
import { labelKeys } from '../i18n/index.js';
import { TEMPLATES } from '../templates/templates.generated.js';
import { HOSTILE_NAME, sampleResults } from '../test-support/sample-results.js';
import { CSV_COLUMNS, renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { MAX_BODY, renderComparisonComment, renderSiteIssue, renderSummaryIssue } from './issues.js';
import { renderMarkdown } from './markdown.js';

const gfm = new MarkdownIt({ html: true, linkify: true });
// linkify-it counts a zero-width space as part of a domain name; GitHub's autolinker (cmark-gfm) accepts only
// ASCII there, so the zero-width space after "@" already stops e-mail autolinks on GitHub. Bare URLs and www.
// stay on: those must not link.
gfm.linkify.set({ fuzzyEmail: false });

/** Live markup in HTML we generate; `forGitHub` adds what GitHub would turn into mentions and references. */
function liveHtmlProblems(html: string, forGitHub = true): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('script element');
  if (/<img|<[^>]+\son\w+=/i.test(html)) problems.push('img / event handler');
  if (/href="(?!https?:|#site-\d+")/i.test(html)) problems.push('non-http link');
  if (/href="https?:\/\/evil\.example/i.test(html)) problems.push('injected link');
  if (forGitHub && /@octocat/.test(html)) problems.push('live @mention');
  if (forGitHub && /#12\b/.test(html)) problems.push('live #reference');
  return problems;
}

describe('report.md', () => {
  it('renders in Spanish and in English from the labels', () => {
    const results = sampleResults({ withComparison: true });
    const es = renderMarkdown(results, 'es');
    const en = renderMarkdown(results, 'en');
    expect(es).toContain('# Diagnóstico de gobierno electrónico');
    expect(es).toContain('**Nivel 3 — Interactivo (60 puntos)**');
    expect(es).toContain('| Organismo Ejecutivo | 5 | 1 | 60 | 79.6 |');
    expect(es).toContain('| Organismo Ejecutivo, diagnóstico 2019 | 52.16 |');
    expect(es).toContain('| Secretaría de Bienestar Social de la Presidencia ([`www.sbs.gob.gt`](<https://www.sbs.gob.gt/>)) | `timeout` | La portada no respondió en 45 s |');
    expect(es).toContain('**Mejoró** — Nivel: 2 Ampliado (40) → 3 Interactivo (60)');
    expect(en).toContain('# E-government diagnostic');
    expect(en).toContain('**Level 4 — Transactional (80 points)**');
    expect(en).toContain('| Executive branch | 5 | 1 | 60 | 79.6 |');
    expect(en).toContain('❌ Not met');
    // Every criterion, each check's principle and fix, and axe rules with their WCAG criteria are printed.
    expect(es).toContain('| 3 | Tiene un buscador que funciona | ✅ Cumple |');
    expect(es).toContain('| ❌ No cumple | Cabecera HSTS (Seguridad) | Principio 2: Legalidad | Envíe Strict-Transport-Security');
    expect(es).toMatch(/\[image-alt\]\(<https:\/\/dequeuniversity\.com\/rules\/axe\/4\.10\/image-alt>\): Images must have alternative text.* \| crítico \| WCAG 2 A, 1\.1\.1 \| 3 \|/);
    expect(es).toContain('| [`www.minfin.gob.gt`](<https://www.minfin.gob.gt/>) | `accessibility` 78 · `best-practices` 92 · `performance` 41 · `seo` 90 |');
    // No placeholder left unfilled in either language.
    for (const text of [es, en]) expect(text).not.toMatch(/\{\w+\}|undefined|\[object Object\]/);
  });

  it('keeps every table row on one line with the right number of cells', () => {
    const md = renderMarkdown(sampleResults({ withComparison: true }), 'es');
    const tokens = gfm.parse(md, {});
    const rows = tokens.filter((t) => t.type === 'tr_open').length;
    // A row broken by an unescaped pipe or newline would add or drop cells; markdown-it pads, so count directly.
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      expect(cells, line).toBeGreaterThanOrEqual(3);
    }
    expect(rows).toBeGreaterThan(50);
  });

  it('neutralises the hostile site title and evidence', () => {
    const md = renderMarkdown(sampleResults(), 'es');
    expect(md).not.toContain(HOSTILE_NAME);
    expect(md).not.toMatch(/@octocat|(?<!\\)\]\(javascript:/);
    const html = gfm.render(md);
    expect(liveHtmlProblems(html)).toEqual([]);
    // The reader still sees the title as text.
    expect(html.replace(/\u200B/g, '')).toContain('# Título **negrita** &lt;script&gt;alert(1)&lt;/script&gt; @octocat [x](javascript:alert(1)) | col');
  });
});

describe('report.html', () => {
  it('is a self-contained accessible page in the chosen language', () => {
    const results = sampleResults({ withComparison: true });
    for (const lang of ['es', 'en'] as const) {
      const html = renderHtml(results, lang);
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="' + lang + '">')).toBe(true);
      expect(html).not.toMatch(/<script|<link |src="|url\(/i);
      expect(html.match(/<svg /g)).toHaveLength(3);
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html).toContain('<th scope="col">');
      expect(html).toMatch(/role="img" aria-labelledby="chart-score-title"/);
    }
    const es = renderHtml(results, 'es');
    expect(es).toContain('<title id="chart-levels-title">Dependencias agrupadas por nivel</title>');
    // SEGEPLAN at 100 points spans the whole bar area; MSPAS at 20 a fifth of it.
    expect(es).toMatch(/<rect x="280" y="8" width="420" height="16" class="bar"\/>/);
    expect(es).toMatch(/<rect x="280" y="104" width="84" height="16" class="bar"\/>/);
  });

  it('escapes the hostile title and never links a non-web URL', () => {
    const html = renderHtml(sampleResults(), 'es');
    expect(liveHtmlProblems(html, false)).toEqual([]);
    expect(html).toContain('# Título **negrita** &lt;script&gt;alert(1)&lt;/script&gt; @octocat [x](javascript:alert(1)) | col');
    expect(html).toContain('<code>javascript:alert(1)</code>');
  });
});

describe('report.csv', () => {
  it('has one row per site, quotes per RFC 4180 and parses back', () => {
    const results = sampleResults();
    results.sites[0]!.name = 'Ministerio "de" Finanzas, Públicas\nsegunda línea';
    const csv = renderCsv(results);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(results.sites.length);
    expect(rows[0]!.name).toBe('Ministerio "de" Finanzas, Públicas\nsegunda línea');
    expect(rows[0]).toMatchObject({ level: '3', points: '60', working_search: '1', e_payments: '0', compliance_overall: '72.5', axe_violations: '2', axe_nodes: '17' });
    // fresh_content could not be judged for MSPAS: blank, not 0.
    expect(rows[2]).toMatchObject({ acronym: 'MSPAS', fresh_content: '', links_to_agencies: '0', compliance_usability: '' });
    expect(rows[5]).toMatchObject({ status: 'error', error_code: 'timeout', level: '0', static_info: '', axe_violations: '' });
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const results = sampleResults();
    const names = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx'];
    results.sites = names.map((name, i) => ({ ...results.sites[0]!, name, url: `https://s${i}.gob.gt/` }));
    const rows = parse(renderCsv(results), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name)).toEqual(names.map((n) => `'${n}`));
  });
});

describe('issues', () => {
  it('titles a site by acronym, level and points, and marks the body with its id', () => {
    const results = sampleResults({ withComparison: true });
    const minfin = results.sites[0]!;
    const { title, body } = renderSiteIssue(minfin, results.comparison!.sites[0], 'es', { tool: results.tool });
    expect(title).toBe('[egov-monitor] MINFIN — Nivel 3 Interactivo (60)');
    expect(body.startsWith('<!-- egov-monitor:site:www.minfin.gob.gt -->\n## Ministerio de Finanzas Públicas (MINFIN)')).toBe(true);
    expect(body).toContain('### Cambios desde la corrida anterior');
    expect(renderSiteIssue(results.sites[5]!, undefined, 'en').title).toBe('[egov-monitor] SBS — Not evaluated (timeout)');
  });

  it('prints each criterion\'s basedOn for a reviewer\'s override: the automatic verdict and its evidence fingerprint', () => {
    const minfin = sampleResults().sites[0]!;
    const criterion = minfin.maturity!.criteria.find((c) => c.outcome === 'pass')!;
    const { body } = renderSiteIssue(minfin, undefined, 'en');
    const fingerprint = evidenceFingerprint(criterion);
    expect(body).toContain(`<sub>\`basedOn: { met: true, fingerprint: ${fingerprint} }\`</sub>`);
    expect(body).toContain('copy its `basedOn` line into the overrides file');
    // The rubric flags an override stale when this fingerprint no longer matches (rubric overrides tests).
    const changed = { ...criterion, evidence: [...criterion.evidence, { url: `${minfin.url}otra`, detail: 'new evidence' }] };
    expect(evidenceFingerprint(changed)).not.toBe(fingerprint);
  });

  it('keeps the hostile site inert in its issue', () => {
    const sosep = sampleResults().sites[3]!;
    const { title, body } = renderSiteIssue(sosep, undefined, 'es');
    expect(title).toBe('[egov-monitor] SOSEP — Nivel 2 Ampliado (40)');
    expect(liveHtmlProblems(gfm.render(body))).toEqual([]);
  });

  it('cuts long lists to stay under GitHub’s body limit, keeping the marker', () => {
    const site = sampleResults().sites[0]!;
    const many = Array.from({ length: 4000 }, (_, i) => ({ url: `https://www.minfin.gob.gt/pagina-${i}`, detail: `página número ${i} con un texto largo` }));
    site.maturity.criteria = site.maturity.criteria.map((c) => ({ ...c, evidence: many }));
    site.accessibility.violations[0]!.pages = many.map((e) => e.url);
    const { body } = renderSiteIssue(site, undefined, 'es');
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(body.startsWith('<!-- egov-monitor:site:www.minfin.gob.gt -->')).toBe(true);
    expect(body).toMatch(/… y \d+ más/);
    expect(body).toContain('El contenido se recortó');
  });

  it('summarises the run with each site’s issue number', () => {
    const { title, body } = renderSummaryIssue(sampleResults({ withComparison: true }), 'es', { issueNumbers: { 'www.minfin.gob.gt': 7 } });
    expect(title).toBe('[egov-monitor] Resumen del diagnóstico');
    expect(body.startsWith('<!-- egov-monitor:summary -->')).toBe(true);
    expect(body).toContain('| Ministerio de Finanzas Públicas | MINFIN | Ministerios | 3 — Interactivo | 60 | 72.5 | #7 |');
    expect(body).toContain('| Secretarías | 40 | 70 | +30 |');
  });

  it('writes a comparison comment with the run marker', () => {
    const comparison = sampleResults({ withComparison: true }).comparison!.sites[1]!;
    const text = renderComparisonComment(comparison, 'en', { runId: '4242-1' });
    expect(text).toBe(
      '<!-- egov-monitor:run:4242-1 -->\n### Changes in run `4242-1`\n\n**Regressed** — Level: 2 Enhanced (40) → 1 Emerging (20)\n\n' +
        "- Criteria lost: Links to other state agencies' sites; Updates its information frequently\n",
    );
  });
});

describe('a provisional level (a safety net cut the scan)', () => {
  function provisionalResults() {
    const results = sampleResults();
    const site = results.sites.find((entry) => entry.status === 'ok' && entry.maturity.level === 3)!;
    const search = site.maturity.criteria.find((criterion) => criterion.id === 'working_search')!;
    Object.assign(search, {
      outcome: 'inconclusive',
      met: false,
      reason: {
        es: 'No concluyente: el recolector «search» se detuvo por su límite de tiempo de seguridad (timeout).',
        en: 'Inconclusive: the "search" collector was stopped by its safety time limit (timeout).',
      },
    });
    Object.assign(site.maturity, { level: 2, points: 40, provisional: true, couldRaise: ['working_search'], couldReach: 3 });
    return { results, site };
  }

  it('says "nivel provisional", which inconclusive criteria could raise it and why, in md, html, csv and the issue', () => {
    const { results, site } = provisionalResults();
    const md = renderMarkdown(results, 'es');
    expect(md).toContain('**Nivel 2 — Ampliado (40 puntos)** **(nivel provisional)**');
    expect(md).toContain('Nivel provisional: el escaneo no pudo terminar el trabajo que necesitan Tiene un buscador que funciona (no concluyentes); si se cumplieran, el sitio podría llegar al nivel 3.');
    expect(md).toContain('| 3 | Tiene un buscador que funciona | ❔ No concluyente | No concluyente: el recolector «search» se detuvo');
    expect(md).toMatch(/\| 2 — Ampliado \(nivel provisional\) \|/);
    const html = renderHtml(results, 'en');
    expect(html).toContain('(provisional level)');
    expect(html).toContain('Provisional level: the scan could not finish the work');
    const rows = parse(renderCsv(results), { columns: true }) as Record<string, string>[];
    const row = rows.find((entry) => entry.url === site.url)!;
    expect(row).toMatchObject({ level: '2', level_provisional: '1', working_search: '' });
    expect(rows.filter((entry) => entry.status === 'ok' && entry.url !== site.url).every((entry) => entry.level_provisional === '0')).toBe(true);
    const issue = renderSiteIssue(site, undefined, 'es');
    expect(issue.body).toContain('(nivel provisional)');
    expect(issue.body).toContain('❔ No concluyente');
  });
});

describe('determinism', () => {
  it('gives byte-identical output for the same input, even after a JSON round trip', () => {
    const a = sampleResults({ withComparison: true });
    const b = JSON.parse(JSON.stringify(a)) as typeof a;
    for (const lang of ['es', 'en'] as const) {
      expect(renderMarkdown(b, lang)).toBe(renderMarkdown(a, lang));
      expect(renderHtml(b, lang)).toBe(renderHtml(a, lang));
      expect(renderSummaryIssue(b, lang).body).toBe(renderSummaryIssue(a, lang).body);
      a.sites.forEach((s, i) => expect(renderSiteIssue(b.sites[i]!, undefined, lang)).toEqual(renderSiteIssue(s, undefined, lang)));
    }
    expect(renderCsv(b)).toBe(renderCsv(a));
  });
});

describe('labels and templates', () => {
  it('has the same label keys in Spanish and English', () => {
    expect(labelKeys('en')).toEqual(labelKeys('es'));
  });

  it('embeds exactly the .hbs files (run `node scripts/embed-templates.mjs` after editing one)', () => {
    const dir = fileURLToPath(new URL('../templates/', import.meta.url));
    const onDisk: Record<string, string> = {};
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const full = join(d, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.name.endsWith('.hbs')) onDisk[relative(dir, full).replace(/\.hbs$/, '')] = readFileSync(full, 'utf8');
      }
    };
    walk(dir);
    expect(TEMPLATES).toEqual(onDisk);
  });
});
