import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { evidenceFingerprint } from '@egov-monitor/rubric';
import { labelKeys, translate } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import { TEMPLATES } from '../templates/templates.generated.js';
import { mermaidBlocks, parseMermaid } from '../test-support/mermaid-parse.js';
import { HOSTILE_NAME, sampleResults } from '../test-support/sample-results.js';
import { CSV_COLUMNS, renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import {
  hasChanges,
  MAX_BODY,
  renderComparisonComment,
  renderSiteIssue,
  renderSummaryIssue,
} from './issues.js';
import { renderMarkdown } from './markdown.js';
import { checkTitlesOf, levelHistoryFromComparison } from './view-model.js';

const translateEs = (key: string): string => translate('es', key);
/** Every leaf label of a language with its key. */
function labelEntries(lang: Lang): [string, string][] {
  return labelKeys(lang).map((key) => [key, translate(lang, key)]);
}
import { siteMarker } from './site-id.js';

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
    expect(es).toContain(
      '| Secretaría de Bienestar Social de la Presidencia ([`www.sbs.gob.gt`](<https://www.sbs.gob.gt/>)) | `timeout` | La portada no respondió en 45 s |',
    );
    expect(es).toContain('**Mejoró** — Nivel: 2 Ampliado (40) → 3 Interactivo (60)');
    expect(en).toContain('# E-government diagnostic');
    expect(en).toContain('**Level 4 — Transactional (80 points)**');
    expect(en).toContain('| Executive branch | 5 | 1 | 60 | 79.6 |');
    expect(en).toContain('❌ Not met');
    // Every criterion, each check's principle and fix, and axe rules with their WCAG criteria are printed.
    expect(es).toContain('| 3 | Tiene un buscador que funciona | ✅ Cumple |');
    expect(es).toContain(
      '| ❌ No cumple | Cabecera HSTS (Seguridad) | Principio 2: Legalidad | Envíe Strict-Transport-Security',
    );
    expect(es).toMatch(
      /\[image-alt\]\(<https:\/\/dequeuniversity\.com\/rules\/axe\/4\.10\/image-alt>\): Images must have alternative text.* \| crítico \| WCAG 2 A, 1\.1\.1 \| 3 \|/,
    );
    expect(es).toContain(
      '| [`www.minfin.gob.gt`](<https://www.minfin.gob.gt/>) | `accessibility` 78 · `best-practices` 92 · `performance` 41 · `seo` 90 |',
    );
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
    expect(html.replace(/\u200B/g, '')).toContain(
      '# Título **negrita** &lt;script&gt;alert(1)&lt;/script&gt; @octocat [x](javascript:alert(1)) | col',
    );
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
    expect(html).toContain(
      '# Título **negrita** &lt;script&gt;alert(1)&lt;/script&gt; @octocat [x](javascript:alert(1)) | col',
    );
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
    expect(rows[0]).toMatchObject({
      level: '3',
      points: '60',
      working_search: '1',
      e_payments: '0',
      compliance_overall: '72.5',
      axe_violations: '2',
      axe_nodes: '17',
    });
    // fresh_content could not be judged for MSPAS: blank, not 0.
    expect(rows[2]).toMatchObject({
      acronym: 'MSPAS',
      fresh_content: '',
      links_to_agencies: '0',
      compliance_usability: '',
    });
    expect(rows[5]).toMatchObject({
      status: 'error',
      error_code: 'timeout',
      level: '0',
      static_info: '',
      axe_violations: '',
    });
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
    const { title, body } = renderSiteIssue(minfin, results.comparison!.sites[0], 'es', {
      tool: results.tool,
    });
    expect(title).toBe('[egov-monitor] MINFIN — Nivel 3 Interactivo (60)');
    expect(body).toMatch(
      /^<!-- egov-monitor:site-key:[0-9a-f]{32} -->\n## Ministerio de Finanzas Públicas \(MINFIN\)/,
    );
    expect(body).toContain('### Cambios desde la corrida anterior');
    expect(renderSiteIssue(results.sites[5]!, undefined, 'en').title).toBe(
      '[egov-monitor] SBS — Not evaluated (timeout)',
    );
  });

  it("prints each criterion's basedOn for a reviewer's override in a collapsed block, not in the criteria rows", () => {
    const minfin = sampleResults().sites[0]!;
    const criterion = minfin.maturity!.criteria.find((c) => c.outcome === 'pass')!;
    const { body } = renderSiteIssue(minfin, undefined, 'en');
    const fingerprint = evidenceFingerprint(criterion);
    const details =
      /<details>\n<summary>basedOn lines to correct a criterion after review<\/summary>\n\n([\s\S]*?)\n<\/details>/.exec(
        body,
      );
    expect(details).not.toBeNull();
    expect(details![1]).toContain('copy its `basedOn` line into the overrides file');
    expect(details![1]).toContain(
      `| Publishes information about its structure and services | \`basedOn: { met: true, fingerprint: ${fingerprint} }\` |`,
    );
    // The criteria table itself no longer ends every row with it.
    const criteriaRows = body.split('\n').filter((l) => /^\| [1-5] \| /.test(l));
    expect(criteriaRows).toHaveLength(12);
    expect(criteriaRows.some((l) => l.includes('basedOn'))).toBe(false);
    // GitHub renders it as a closed <details> element with the table inside.
    expect(gfm.render(body)).toMatch(
      /<details>\n<summary>basedOn lines[^<]*<\/summary>\n<p>[\s\S]*<table>[\s\S]*<\/table>\n<\/details>/,
    );
    // The rubric flags an override stale when this fingerprint no longer matches (rubric overrides tests).
    const changed = {
      ...criterion,
      evidence: [...criterion.evidence, { url: `${minfin.url}otra`, detail: 'new evidence' }],
    };
    expect(evidenceFingerprint(changed)).not.toBe(fingerprint);
  });

  it('reads an evaluated site at level 0 as level 0, and "No evaluado" only for a site that could not be scanned', () => {
    const results = sampleResults();
    const mspas = results.sites[2]!;
    mspas.maturity = { ...mspas.maturity, level: 0, points: 0 };
    const evaluated = renderSiteIssue(mspas, undefined, 'es');
    expect(evaluated.title).toBe('[egov-monitor] MSPAS — Nivel 0 — no alcanza el nivel 1');
    expect(evaluated.body).toContain('**Nivel 0 — No alcanza el nivel 1 (0 puntos)**');
    expect(evaluated.body).not.toContain('No evaluado');
    expect(renderSiteIssue(mspas, undefined, 'en').title).toBe(
      '[egov-monitor] MSPAS — Level 0 — below level 1',
    );

    const sbs = renderSiteIssue(results.sites[5]!, undefined, 'es');
    expect(sbs.title).toBe('[egov-monitor] SBS — No evaluado (timeout)');
    expect(sbs.body).toContain('**No se pudo evaluar: La portada no respondió en 45 s (código `timeout`)**');

    const summary = renderSummaryIssue(results, 'es').body;
    expect(summary).toContain(
      '| Ministerio de Salud Pública y Asistencia Social | MSPAS | Ministerios | 0 — No alcanza el nivel 1 | 0 |',
    );
    expect(summary).toContain(
      '| Secretaría de Bienestar Social de la Presidencia | SBS | Secretarías | No evaluado | 0 | — | — |',
    );
    expect(summary).toContain('| 0 — No alcanza el nivel 1 | 1 |');
    expect(summary).toContain('| No evaluado | 1 |');
    // Only the site that could not be scanned is listed as not evaluated.
    const notEvaluated = summary.slice(
      summary.indexOf('## Sitios no evaluados'),
      summary.indexOf('## Sitios\n'),
    );
    expect(notEvaluated).toContain('Secretaría de Bienestar Social');
    expect(notEvaluated).not.toContain('MSPAS');
    expect(notEvaluated).not.toContain('Salud');
  });

  it('keeps the hostile site inert in its issue', () => {
    const sosep = sampleResults().sites[3]!;
    const { title, body } = renderSiteIssue(sosep, undefined, 'es');
    expect(title).toBe('[egov-monitor] SOSEP — Nivel 2 Ampliado (40)');
    expect(liveHtmlProblems(gfm.render(body))).toEqual([]);
  });

  it('cuts long lists to stay under GitHub’s body limit, keeping the marker and linking the full report', () => {
    const site = sampleResults().sites[0]!;
    const many = Array.from({ length: 4000 }, (_, i) => ({
      url: `https://www.minfin.gob.gt/pagina-${i}`,
      detail: `página número ${i} con un texto largo`,
    }));
    site.maturity.criteria = site.maturity.criteria.map((c) => ({ ...c, evidence: many }));
    site.accessibility.violations[0]!.pages = many.map((e) => e.url);
    const reportUrl = 'https://github.com/red-ciudadana/diagnostico/actions/runs/4242';
    const { body } = renderSiteIssue(site, undefined, 'es', { reportUrl });
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(body.startsWith(`${siteMarker(site.url)}\n`)).toBe(true);
    expect(body).toMatch(/… y \d+ más/);
    expect(body).toContain(
      '> El contenido se recortó para caber en un issue; el detalle completo está en el [informe completo de la corrida](<https://github.com/red-ciudadana/diagnostico/actions/runs/4242>).',
    );
    // Without a report URL the note still says where the detail is, without a link.
    expect(renderSiteIssue(site, undefined, 'es').body).toContain(
      '> El contenido se recortó para caber en un issue; el detalle completo está en el informe de la corrida.',
    );
    // The last resort (one huge text) links it too.
    const huge = sampleResults().sites[0]!;
    huge.name = 'x'.repeat(100);
    huge.maturity.criteria[0]!.reason = { es: 'largo '.repeat(20_000), en: 'long '.repeat(20_000) };
    const capped = renderSiteIssue(huge, undefined, 'es', { reportUrl }).body;
    expect(capped.length).toBeLessThanOrEqual(MAX_BODY);
    expect(
      capped
        .trimEnd()
        .endsWith(
          '[informe completo de la corrida](<https://github.com/red-ciudadana/diagnostico/actions/runs/4242>).',
        ),
    ).toBe(true);
  });

  it('summarises the run with each site’s issue, linked, and the sites that rose and fell', () => {
    const { title, body } = renderSummaryIssue(sampleResults({ withComparison: true }), 'es', {
      issueNumbers: { 'minfin.gob.gt': 7, 'mspas.gob.gt': 9 },
      issueUrls: { 'minfin.gob.gt': 'https://github.com/o/r/issues/7' },
      reportUrl: 'https://github.com/o/r/actions/runs/42',
    });
    expect(title).toBe('[egov-monitor] Resumen del diagnóstico');
    expect(body.startsWith('<!-- egov-monitor:summary -->')).toBe(true);
    expect(body).toContain(
      '| Ministerio de Finanzas Públicas | MINFIN | Ministerios | 3 — Interactivo | 60 | 72.5 | [#7](<https://github.com/o/r/issues/7>) |',
    );
    expect(body).toContain(
      '- Informe completo: [`github.com/o/r/actions/runs/42`](<https://github.com/o/r/actions/runs/42>).',
    );
    expect(body).toContain('| Secretarías | 40 | 70 | +30 |');
    const section = (heading: string): string => {
      const start = body.indexOf(`### ${heading}\n`);
      expect(start, heading).toBeGreaterThan(-1);
      return body.slice(start, body.indexOf('\n\n', body.indexOf('|', start)));
    };
    expect(section('Subieron de nivel')).toContain(
      '| MINFIN ([`www.minfin.gob.gt`](<https://www.minfin.gob.gt/>)) | 2 Ampliado (40) | 3 Interactivo (60) | [#7](<https://github.com/o/r/issues/7>) |',
    );
    expect(section('Bajaron de nivel')).toContain(
      '| MSPAS ([`www.mspas.gob.gt`](<https://www.mspas.gob.gt/>)) | 2 Ampliado (40) | 1 Emergente (20) | #9 |',
    );
    expect(section('Dejaron de cargar en esta corrida')).toContain(
      '| SBS ([`www.sbs.gob.gt`](<https://www.sbs.gob.gt/>)) | 2 Ampliado (40) | No evaluado | — |',
    );
    expect(body).not.toContain('### Volvieron a cargar');
    // Without a comparison there is nothing to list.
    expect(renderSummaryIssue(sampleResults(), 'es').body).not.toContain('Subieron de nivel');
  });

  it('draws the report’s three charts in the summary issue as Mermaid that Mermaid parses, each followed by its data', async () => {
    const results = sampleResults({ withComparison: true });
    results.sites[3]!.acronym = undefined; // the hostile name goes into a chart label
    results.aggregates!.charts.scorePerSite[3]!.name = HOSTILE_NAME;
    const { body } = renderSummaryIssue(results, 'es');
    const blocks = mermaidBlocks(body);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect((await parseMermaid(block)).diagramType).toBe('xychart');
    expect(blocks[0]).toContain('title "Dependencias agrupadas por nivel"');
    expect(blocks[0]).toContain(
      'x-axis ["0 No alcanza el nivel 1", "1 Emergente", "2 Ampliado", "3 Interactivo", "4 Transaccional", "5 Integrado", "No evaluado"]',
    );
    expect(blocks[0]).toContain('bar [0, 1, 1, 1, 1, 1, 1]');
    expect(blocks[1]).toMatch(/^%%\{init: \{"xyChart": \{"height": \d+\}\}\}%%\nxychart-beta horizontal/);
    expect(blocks[1]).toContain('bar [100, 80, 60, 40, 20]');
    // Site text is reduced to letters, digits and harmless punctuation: no quote, tag, backtick or mention survives.
    expect(blocks[1]).toContain(
      'x-axis ["SEGEPLAN", "MINECO", "MINFIN", "Título negrita script alert(1) /script…", "MSPAS"]',
    );
    expect(blocks[2]).toContain('"Ministerio de Economía (1)"');
    expect(blocks[2]).toContain('bar [80, 60, 20, 0, 40, 100]');
    // Each chart sits above the table with its numbers.
    expect(body.indexOf('```mermaid')).toBeLessThan(body.indexOf('| 0 — No alcanza el nivel 1 | 0 |'));
    // The report file keeps its tables and draws no Mermaid.
    expect(mermaidBlocks(renderMarkdown(results, 'es'))).toEqual([]);
  });

  it('draws a site’s level history as a Mermaid line from a list of (date, level) points', async () => {
    const results = sampleResults({ withComparison: true });
    const minfin = results.sites[0]!;
    const history = [
      { date: '2026-01-05T14:00:00.000Z', level: 1 },
      { date: '2026-02-23T14:00:00.000Z', level: 2 },
      { date: '2026-02-16T14:00:00.000Z', level: null },
      { date: '2026-03-02T14:00:00.000Z', level: 3 },
    ];
    const { body } = renderSiteIssue(minfin, results.comparison!.sites[0], 'es', { levelHistory: history });
    const [chart, ...others] = mermaidBlocks(body);
    expect(others).toEqual([]);
    expect((await parseMermaid(chart!)).diagramType).toBe('xychart');
    // Oldest first; the run it could not be evaluated in is left out of the line (it did not fall to 0) and said in words.
    expect(chart).toContain('x-axis ["2026-01-05", "2026-02-23", "2026-03-02"]');
    expect(chart).toContain('y-axis "Nivel" 0 --> 5');
    expect(chart).toContain('line [1, 2, 3]');
    expect(body).toContain(
      '5 de enero de 2026: nivel 1 · 16 de febrero de 2026: no evaluado · 23 de febrero de 2026: nivel 2 · 2 de marzo de 2026: nivel 3',
    );
    // From the comparison alone: the previous run and this one.
    const fromComparison = renderSiteIssue(minfin, results.comparison!.sites[0], 'es', {
      levelHistory: levelHistoryFromComparison(results, minfin),
    }).body;
    expect(mermaidBlocks(fromComparison)[0]).toContain('line [2, 3]');
    // One run is no history.
    expect(
      renderSiteIssue(minfin, undefined, 'es', { levelHistory: [{ date: results.startedAt, level: 3 }] })
        .body,
    ).not.toContain('Nivel en cada corrida');
  });

  it('writes a comparison comment with the run marker, the run linked, and checks by title', () => {
    const comparison = sampleResults({ withComparison: true }).comparison!.sites[1]!;
    const text = renderComparisonComment(comparison, 'en', { runId: '4242' });
    expect(text).toBe(
      '<!-- egov-monitor:run:4242 -->\n### Changes in run `4242`\n\n**Regressed** — Level: 2 Enhanced (40) → 1 Emerging (20)\n\n' +
        "- Criteria lost: Links to other state agencies' sites; Updates its information frequently\n",
    );
    const results = sampleResults({ withComparison: true });
    const minfin = renderComparisonComment(results.comparison!.sites[0]!, 'es', {
      runId: '4242',
      runUrl: 'https://github.com/o/r/actions/runs/4242',
      checkTitles: checkTitlesOf(results.sites[0], 'es'),
    });
    expect(minfin).toContain('### Cambios en la corrida [4242](<https://github.com/o/r/actions/runs/4242>)');
    expect(minfin).toContain('- Verificaciones que cambiaron: Cabecera HSTS: ✅ Cumple → ❌ No cumple');
    expect(minfin).not.toContain('`hsts`');
  });

  it('has nothing to say about a site that was unreachable in this run and in the previous one', () => {
    const comparison = { ...sampleResults({ withComparison: true }).comparison!.sites[5]! };
    expect(hasChanges(comparison)).toBe(true);
    comparison.previous = { level: 0, points: 0, status: 'error' };
    comparison.current = { level: 0, points: 0, status: 'error' };
    expect(hasChanges(comparison)).toBe(false);
  });
});

describe('Spanish issues', () => {
  it('carry no sentence of the catalogue’s English side', () => {
    const results = sampleResults({ withComparison: true });
    results.sites[2]!.maturity = { ...results.sites[2]!.maturity, level: 0, points: 0 };
    const texts = [
      renderSummaryIssue(results, 'es', {
        reportUrl: 'https://github.com/o/r/actions/runs/1',
        issueNumbers: { 'minfin.gob.gt': 1 },
      }).body,
      ...results.sites.map(
        (site, i) =>
          renderSiteIssue(
            site,
            results.comparison!.sites.find((c) => c.url === site.url),
            'es',
            {
              reportUrl: 'https://github.com/o/r/actions/runs/1',
              levelHistory:
                i === 0
                  ? [
                      { date: '2026-01-01T00:00:00Z', level: null },
                      { date: '2026-02-01T00:00:00Z', level: 2 },
                      { date: results.startedAt, level: 3 },
                    ]
                  : undefined,
              maxBody: i === 1 ? 3000 : undefined,
            },
          ).body,
      ),
      ...results.comparison!.sites.map((c) =>
        renderComparisonComment(c, 'es', {
          runId: '1',
          runUrl: 'https://github.com/o/r/actions/runs/1',
          checkTitles: checkTitlesOf(results.sites[0], 'es'),
        }),
      ),
      renderMarkdown(results, 'es'),
    ].join('\n');
    // Every English label long enough to be a phrase, cut at its placeholders, must be absent from the Spanish text.
    const english = labelEntries('en').filter(([key, value]) => translateEs(key) !== value);
    const phrases = english.flatMap(([, value]) =>
      value
        .split(/\{\w+\}/)
        .map((p) => p.trim())
        .filter((p) => p.split(/\s+/).length >= 2 && p.length >= 10),
    );
    expect(phrases.length).toBeGreaterThan(50);
    expect(phrases.filter((p) => texts.includes(p))).toEqual([]);
    // The check can see English: the same issues in English carry many of those phrases.
    const inEnglish =
      renderSummaryIssue(results, 'en').body +
      renderSiteIssue(results.sites[0]!, results.comparison!.sites[0], 'en').body;
    expect(phrases.filter((p) => inEnglish.includes(p)).length).toBeGreaterThan(20);
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
    Object.assign(site.maturity, {
      level: 2,
      points: 40,
      provisional: true,
      couldRaise: ['working_search'],
      couldReach: 3,
    });
    return { results, site };
  }

  it('says "nivel provisional", which inconclusive criteria could raise it and why, in md, html, csv and the issue', () => {
    const { results, site } = provisionalResults();
    const md = renderMarkdown(results, 'es');
    expect(md).toContain('**Nivel 2 — Ampliado (40 puntos)** **(nivel provisional)**');
    expect(md).toContain(
      'Nivel provisional: el escaneo no pudo terminar el trabajo que necesitan Tiene un buscador que funciona (no concluyentes); si se cumplieran, el sitio podría llegar al nivel 3.',
    );
    expect(md).toContain(
      '| 3 | Tiene un buscador que funciona | ❔ No concluyente | No concluyente: el recolector «search» se detuvo',
    );
    expect(md).toMatch(/\| 2 — Ampliado \(nivel provisional\) \|/);
    const html = renderHtml(results, 'en');
    expect(html).toContain('(provisional level)');
    expect(html).toContain('Provisional level: the scan could not finish the work');
    const rows = parse(renderCsv(results), { columns: true }) as Record<string, string>[];
    const row = rows.find((entry) => entry.url === site.url)!;
    expect(row).toMatchObject({ level: '2', level_provisional: '1', working_search: '' });
    expect(
      rows
        .filter((entry) => entry.status === 'ok' && entry.url !== site.url)
        .every((entry) => entry.level_provisional === '0'),
    ).toBe(true);
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
      a.sites.forEach((s, i) =>
        expect(renderSiteIssue(b.sites[i]!, undefined, lang)).toEqual(renderSiteIssue(s, undefined, lang)),
      );
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
        else if (e.name.endsWith('.hbs'))
          onDisk[relative(dir, full).replace(/\.hbs$/, '')] = readFileSync(full, 'utf8');
      }
    };
    walk(dir);
    expect(TEMPLATES).toEqual(onDisk);
  });
});
