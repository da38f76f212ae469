import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubric } from '@egov-monitor/rubric';
import type { ScanResults } from '@egov-monitor/rubric';
import { openLocalHistory } from '../history/local-store.js';
import { recordRun } from '../history/record-run.js';
import { resultsAt } from '../history/test-helpers/results-at.js';
import { HOSTILE_NAME } from '../test-support/sample-results.js';
import { buildSite } from './build-site.js';
import { sitePageUrl, sitePaths, siteSlug } from './paths.js';

let root: string;
let out: string;
const MINFIN = 'https://www.minfin.gob.gt/';
const JAN = '2026-01-05T06:00:00.000Z';
const FEB = '2026-02-05T06:00:00.000Z';
const MAR = '2026-03-05T06:00:00.000Z';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** MINFIN: level 2 in January, 3 in February (email fixed), 3 in March; one site leaves the list in March. */
function run(startedAt: string): ScanResults {
  return resultsAt(startedAt, (results) => {
    const minfin = results.sites.find((s) => s.url === MINFIN)!;
    if (startedAt === JAN) {
      minfin.maturity.level = 2;
      minfin.maturity.points = 40;
      const email = minfin.maturity.criteria.find((c) => c.id === 'email_contact')!;
      Object.assign(email, { outcome: 'fail', met: false, evidence: [] });
    }
    if (startedAt === MAR) {
      results.sites = results.sites.filter((s) => !s.url.includes('sosep'));
      const mspas = results.sites.find((s) => s.url.includes('mspas'))!;
      mspas.maturity.level = 2;
      mspas.maturity.points = 40;
    }
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'egov-site-'));
  const store = openLocalHistory(join(root, 'history'));
  for (const date of [JAN, FEB, MAR])
    await recordRun(store, run(date), { rubric: defaultRubric, list: 'guatemala' });
  out = join(root, 'site');
  await buildSite({ history: store, outDir: out });
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the static site', () => {
  it('has a Spanish and an English tree, each page linked to its counterpart', async () => {
    const pages = (await htmlFiles(out)).map((f) => relative(out, f));
    const es = pages.filter((p) => p.startsWith('es/'));
    const en = pages.filter((p) => p.startsWith('en/'));
    expect(es.length).toBe(en.length);
    expect(es.length).toBe(1 + 6 + 6);
    expect(pages).toContain('index.html');
    const page = await readFile(join(out, sitePaths.site('es', siteSlug(MINFIN))), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(page).toContain(`hreflang="en" lang="en">Read in English</a>`);
    expect(page).toContain(`href="../../en/sites/${siteSlug(MINFIN)}.html"`);
  });

  it('every internal link and asset resolves; nothing is loaded from elsewhere, nothing runs', async () => {
    for (const file of await htmlFiles(out)) {
      const html = await readFile(file, 'utf8');
      expect(html, file).not.toMatch(/<script|<iframe|<object|<embed|@import|url\(|style="/i);
      for (const [, attr, target] of html.matchAll(/\b(href|src)="([^"]*)"/g)) {
        if (/^(https?:|mailto:)/.test(target!)) {
          // External addresses are only ever links a reader may follow (evidence, the site itself), never resources.
          expect(attr, `${file}: ${target}`).toBe('href');
          expect(html, file).not.toMatch(
            new RegExp(`<(link|img)[^>]+${attr}="${target!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`),
          );
          continue;
        }
        const [path, fragment] = target!.split('#');
        const resolved = path ? resolve(dirname(file), path) : file;
        expect(existsSync(resolved), `${relative(out, file)} → ${target}`).toBe(true);
        if (fragment) expect(await readFile(resolved, 'utf8'), `${target}`).toContain(`id="${fragment}"`);
      }
    }
  });

  it("shows a site's level, its criteria with evidence and history, accessibility by page and its trend's three points", async () => {
    const html = await readFile(join(out, sitePaths.site('es', siteSlug(MINFIN))), 'utf8');
    expect(html).toContain('Nivel 3 — Interactivo (60 puntos)');
    expect(html).toContain('corregido el 5 feb 2026 (fallaba desde el 5 ene 2026)');
    expect(html).toContain(
      '<a href="https://www.minfin.gob.gt/buscar?q&#x3D;presupuesto">www.minfin.gob.gt/buscar?q&#x3D;presupuesto</a> — <q>consulta «presupuesto»: 23 resultados</q>',
    );
    expect(html).toContain('Hallazgos de accesibilidad por página');
    const chart = html.slice(
      html.indexOf('id="trend-points-title"'),
      html.indexOf('</svg>', html.indexOf('id="trend-points-title"')),
    );
    expect(chart.match(/class="marker marker-circle"/g)).toHaveLength(3);
    expect(html).toContain('Puntos: de 40 (5 ene 2026) a 60 (5 mar 2026); mínimo 40, máximo 60. 3 corridas.');
    // The same in English.
    const en = await readFile(join(out, sitePaths.site('en', siteSlug(MINFIN))), 'utf8');
    expect(en).toContain('fixed on Feb 5, 2026 (failing since Jan 5, 2026)');
  });

  it('keeps the page of a site that left the list, with its history and no stale evidence', async () => {
    const sosep = resultsAt(JAN).sites.find((s) => s.url.includes('sosep'))!;
    const html = await readFile(join(out, sitePaths.site('es', siteSlug(sosep.url))), 'utf8');
    expect(html).toContain(
      'Este sitio no estuvo en la corrida más reciente; se evaluó por última vez el 5 feb 2026.',
    );
    expect(html).not.toContain('Hallazgos de accesibilidad por página');
  });

  it('ranks the newest run and draws the report three charts with their data', async () => {
    const html = await readFile(join(out, 'es/index.html'), 'utf8');
    for (const id of ['chart-averages', 'chart-score', 'chart-levels', 'chart-institution', 'trend-average'])
      expect(html).toContain(`id="${id}-title"`);
    // The references of the rubric the newest run used (its results carry them).
    expect(html).toContain(
      '<tr><th scope="row">Organismo Ejecutivo, diagnóstico 2019</th><td class="num">52.16</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row">Índice EGDI de la ONU para Guatemala (0.5155)</th><td class="num">51</td></tr>',
    );
    expect(html).toMatch(/Ministerio de Salud Pública[^\n]*<td>subió 20<\/td><\/tr>/);
    expect(html).toMatch(/\(MINFIN\)[^\n]*<td>igual<\/td><\/tr>/);
    // A hostile site name is text, never markup.
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(HOSTILE_NAME).toContain('<script>');
  });

  it('offers CSV and JSON downloads: the history one row per site and run', async () => {
    const rows = parse(await readFile(join(out, 'data/history.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(6 + 6 + 5);
    const minfin = rows.filter((r) => r.url === MINFIN);
    expect(minfin.map((r) => [r.points, r.email_contact])).toEqual([
      ['40', '0'],
      ['60', '1'],
      ['60', '1'],
    ]);
    expect(JSON.parse(await readFile(join(out, 'data/trends.json'), 'utf8')).sites).toHaveLength(6);
    expect(JSON.parse(await readFile(join(out, 'data/latest.json'), 'utf8')).startedAt).toBe(MAR);
    expect(existsSync(join(out, 'data/latest.csv'))).toBe(true);
    expect(existsSync(join(out, 'data/aggregates.csv'))).toBe(true);
    expect(existsSync(join(out, `data/sites/${siteSlug(MINFIN)}.csv`))).toBe(true);
  });

  it('builds the same bytes again, replacing its own folder and refusing any other', async () => {
    const before = new Map<string, string>();
    for (const file of await htmlFiles(out)) before.set(file, await readFile(file, 'utf8'));
    await buildSite({ history: openLocalHistory(join(root, 'history')), outDir: out });
    for (const file of await htmlFiles(out))
      expect(await readFile(file, 'utf8'), file).toBe(before.get(file));
    const foreign = join(root, 'foreign');
    await writeFile(join(root, 'keep.txt'), 'x');
    await expect(
      buildSite({ history: openLocalHistory(join(root, 'history')), outDir: root }),
    ).rejects.toThrow(/not empty and not a site egov-monitor built/);
    expect(existsSync(join(root, 'keep.txt'))).toBe(true);
    expect(existsSync(foreign)).toBe(false);
  });

  it('gives issues the address of their site page', () => {
    expect(
      sitePageUrl('https://red-ciudadana.github.io/observatorio', 'es', 'http://minfin.gob.gt/index.html'),
    ).toBe(`https://red-ciudadana.github.io/observatorio/es/sitios/${siteSlug(MINFIN)}.html`);
  });
});

describe('inconclusive verdicts and provisional levels on the site (#17)', () => {
  it('keeps the letter and the flag, and never shows a provisional level or a site that did not load as a fall', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'egov-site-provisional-'));
    try {
      const store = openLocalHistory(join(dir, 'history'));
      await recordRun(store, resultsAt(JAN), { rubric: defaultRubric });
      await recordRun(
        store,
        resultsAt(FEB, (results) => {
          // MINFIN's e-mail could not be verified this time (a safety net fired): level 2, provisional, could be 3.
          const minfin = results.sites.find((s) => s.url === MINFIN)!;
          const email = minfin.maturity.criteria.find((c) => c.id === 'email_contact')!;
          Object.assign(email, { outcome: 'inconclusive', met: false, evidence: [] });
          Object.assign(minfin.maturity, {
            level: 2,
            points: 40,
            provisional: true,
            couldRaise: ['email_contact'],
            couldReach: 3,
          });
          // MSPAS did not load at all.
          const mspas = results.sites.find((s) => s.url.includes('mspas'))!;
          Object.assign(mspas, {
            status: 'error',
            error: { code: 'timeout', message: 'La portada no respondió' },
            maturity: { level: 0, points: 0, criteria: [] },
            checks: [],
            accessibility: { pagesScanned: 0, violations: [] },
            compliance: {
              areas: { accessibility: null, security: null, usability: null, recommendations: null },
              overall: null,
            },
          });
        }),
        { rubric: defaultRubric },
      );
      const index = await store.readIndex();
      const feb = await store.readRun(index.runs[1]!);
      const minfin = feb.sites.find((s) => s.url === MINFIN)!;
      expect(minfin.provisional).toBe(true);
      expect(minfin.criteria[feb.criteria.indexOf('email_contact')]).toBe('i');
      expect(feb.sites.find((s) => s.url.includes('mspas'))).toMatchObject({
        status: 'error',
        criteria: '-'.repeat(12),
      });

      const site = join(dir, 'site');
      await buildSite({ history: store, outDir: site });
      const home = await readFile(join(site, sitePaths.home('es')), 'utf8');
      const row = (name: string) => home.split('<tr>').find((r) => r.includes(name))!;
      expect(row('MINFIN')).toContain('provisional, no es un retroceso');
      expect(row('MINFIN')).not.toContain('bajó');
      expect(row('MSPAS')).toContain('no se pudo cargar');
      expect(row('MSPAS')).not.toContain('bajó');
      const page = await readFile(join(site, sitePaths.site('es', siteSlug(MINFIN))), 'utf8');
      // The report's own sentence: what could not be finished and the level it could reach.
      expect(page).toMatch(
        /Nivel provisional: el escaneo no pudo terminar el trabajo que necesitan .+ podría llegar al nivel 3/,
      );
      // The inconclusive February verdict neither fixed nor broke the e-mail criterion: still met since January.
      const emailRow = page
        .split('<tr>')
        .slice(1)
        .find((r) => r.includes('Permite comunicarse por correo electrónico'))!;
      expect(emailRow).toContain('cumple desde el 5 ene 2026');
      expect(emailRow).not.toContain('no cumple');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
