/**
 * The promise of issue #18: a new criterion is its module, its test and one line in the registry (plus, by hand,
 * its row in docs/rubric.md) — at most four files — and every artefact that names criteria follows by itself.
 *
 * The test proves it the way a contributor would meet it: it copies the rubric and the reporter into a scratch
 * tree, adds a throwaway criterion by writing exactly the files listed in NEW_CRITERION, runs the generators
 * (`npm run docs`'s list), and then uses the copy: the registry, the default rubric, a user's rubric file, the
 * results schema, evaluateSite and the three report formats must all know the new criterion. If a fifth
 * hand-edited file became necessary (an id enum written by hand again, a title kept in the reporter's locale
 * files, settings copied into a data file), one of these assertions fails.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ID = 'opening_hours';
const TITLE = { es: 'Publica su horario de atención', en: 'Publishes its opening hours' };

/** Every file a contributor writes or edits by hand to add a criterion (generated files are not counted). */
const NEW_CRITERION: Record<string, (current: string | null) => string> = {
  'packages/rubric/src/criteria/opening-hours.ts': () => `import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { settingsSchema, strings } from './settings-schema.js';
import { fail, pass } from './support.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';

export interface OpeningHoursSettings {
  /** Words that announce opening hours. */
  phrases: string[];
}

const SETTINGS: CriterionSettings<OpeningHoursSettings> = {
  schema: settingsSchema({ phrases: strings }),
  defaults: { phrases: ['horario de atencion', 'opening hours'] },
};

export const openingHours = defineCriterion({
  meta: {
    id: '${ID}',
    level: 2,
    title: { es: '${TITLE.es}', en: '${TITLE.en}' },
    implements: { es: 'Horario de atención publicado.', en: 'Published opening hours.' },
    requiredEvidence: ['crawl'],
  },
  settings: SETTINGS,
  judge({ crawl }, settings) {
    const phrases = new PhraseMatcher(settings.phrases);
    const page = crawl.pages.find((p) => phrases.test(p.title ?? ''));
    return page
      ? pass({ es: 'Publica su horario.', en: 'It publishes its hours.' }, [{ url: page.url, detail: 'hours' }])
      : fail({ es: 'No publica su horario.', en: 'It does not publish its hours.' });
  },
});
`,
  'packages/rubric/src/criteria/opening-hours.test.ts': () => `import { describe, expect, it } from 'vitest';
import { defaultRubric } from '../rubric-config.js';
import { evidenceMeeting } from '../test-support/evidence-builders.js';
import { openingHours } from './opening-hours.js';

describe('opening_hours', () => {
  it('fails a site that does not publish its hours', () => {
    expect(openingHours.evaluate(evidenceMeeting([]), defaultRubric.criteria.${ID}).outcome).toBe('fail');
  });
});
`,
  'packages/rubric/src/criteria/index.ts': (current) =>
    current!
      .replace(
        "import { manyPages } from './many-pages.js';",
        "import { manyPages } from './many-pages.js';\nimport { openingHours } from './opening-hours.js';",
      )
      .replace('  freshContent,\n', '  freshContent,\n  openingHours,\n'),
};

/** What the scratch tree holds: the two packages the promise is about, and the docs the generators rewrite. */
const COPIED = [
  'packages/rubric/package.json',
  'packages/rubric/src',
  'packages/reporter/package.json',
  'packages/reporter/src',
  'docs',
];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the copy's modules are loaded by path, untyped */
let scratch: string;
let rubric: any;
let reporter: any;
let builders: any;
let generated: { path: string; render(current: string): string }[];
let schemaBefore: object;

beforeAll(async () => {
  // Inside the repository (a git-ignored cache), so the copy resolves the workspace's node_modules.
  await mkdir(join(ROOT, '.egov-cache'), { recursive: true });
  scratch = await mkdtemp(join(ROOT, '.egov-cache', 'new-criterion-'));
  for (const path of COPIED) await cp(join(ROOT, path), join(scratch, path), { recursive: true });
  // The copied reporter imports @egov-monitor/rubric: the copy, not the real one.
  await mkdir(join(scratch, 'node_modules', '@egov-monitor'), { recursive: true });
  await symlink(
    join(scratch, 'packages', 'rubric'),
    join(scratch, 'node_modules', '@egov-monitor', 'rubric'),
    'dir',
  );

  for (const [path, edit] of Object.entries(NEW_CRITERION)) {
    const target = join(scratch, path);
    const current = await readFile(target, 'utf8').catch(() => null);
    await writeFile(target, edit(current));
  }
  schemaBefore = JSON.parse(
    await readFile(join(scratch, 'packages/rubric/src/schema/results.schema.json'), 'utf8'),
  );

  // `npm run docs` in the copy.
  const load = (path: string) => import(pathToFileURL(join(scratch, path)).href);
  generated = (await load('packages/rubric/src/docs/generated.ts')).GENERATED_FILES;
  for (const file of generated) {
    const target = join(scratch, file.path);
    await writeFile(target, file.render(await readFile(target, 'utf8')));
  }
  rubric = await load('packages/rubric/src/index.ts');
  builders = await load('packages/rubric/src/test-support/evidence-builders.ts');
  reporter = await load('packages/reporter/src/index.ts');
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('a new criterion takes at most four hand-written files', () => {
  it('the copy differs from the repository only in the listed files and the generated ones', async () => {
    const generatedPaths = new Set(generated.map((file) => file.path));
    const changed: string[] = [];
    for (const base of COPIED.filter((path) => !path.endsWith('.json'))) {
      for (const file of await filesUnder(join(scratch, base))) {
        const path = `${base}/${file}`;
        const before = await readFile(join(ROOT, path), 'utf8').catch(() => null);
        if (before !== (await readFile(join(scratch, path), 'utf8')) && !generatedPaths.has(path))
          changed.push(path);
      }
    }
    expect(changed.sort()).toEqual(Object.keys(NEW_CRITERION).sort());
    // the fourth is its row in docs/rubric.md, written by hand for readers
    expect(changed.length).toBeLessThanOrEqual(3);
  });

  it('the registry lists it, with its meta, in level order', () => {
    expect(rubric.CRITERION_IDS).toContain(ID);
    const ids: string[] = rubric.CRITERIA.map((c: any) => c.meta.id);
    expect(ids.indexOf(ID)).toBe(ids.indexOf('fresh_content') + 1);
  });

  it('the default rubric gets its settings and puts it in its level', () => {
    expect(rubric.defaultRubric.criteria[ID]).toEqual({ phrases: ['horario de atencion', 'opening hours'] });
    expect(rubric.defaultRubric.levels['2'].criteria).toContain(ID);
  });

  it("a user's rubric file may set its settings, and a misspelt key is named", () => {
    expect(rubric.parseRubric({ criteria: { [ID]: { phrases: ['horario'] } } }).criteria[ID].phrases).toEqual(
      ['horario'],
    );
    expect(() => rubric.parseRubric({ criteria: { [ID]: { phrasez: [] } } })).toThrow(
      `criteria.${ID}.phrasez`,
    );
  });

  it('results carry it with its title and the shipped schema (generated) accepts them; the old schema would not', async () => {
    const site = rubric.evaluateSite(builders.evidenceMeeting(['static_info']));
    const result = site.maturity.criteria.find((c: any) => c.id === ID);
    expect(result).toMatchObject({ id: ID, level: 2, title: TITLE, outcome: 'fail' });
    expect(rubric.validateSiteResult(site, 0)).toEqual({ valid: true, errors: [] });

    // Without the generator, the enum written by hand would refuse the new id: the check above can fail.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const enumBefore = ajv.compile((schemaBefore as any).definitions.criterionId);
    expect(enumBefore(ID)).toBe(false);
  });

  it('every generated file of the copy is up to date (the drift tests pass)', async () => {
    for (const file of generated) {
      const current = await readFile(join(scratch, file.path), 'utf8');
      expect(file.render(current), file.path).toBe(current);
    }
    const shipped = JSON.parse(
      await readFile(join(scratch, 'packages/rubric/src/data/default-rubric.json'), 'utf8'),
    );
    expect(shipped.criteria[ID]).toEqual({ phrases: ['horario de atencion', 'opening hours'] });
  });

  it('missing evidence makes it an error, never a silent fail (the evaluator gathers what its meta declares)', () => {
    const evidence = builders.withGathered(builders.evidenceMeeting(['static_info']), { crawl: undefined });
    const result = rubric.evaluateSite(evidence).maturity.criteria.find((c: any) => c.id === ID);
    expect(result.outcome).toBe('error');
    expect(result.reason.en).toContain('"crawl" evidence is missing');
  });

  it('the report prints it in every format, its title taken from the result', () => {
    const site = rubric.evaluateSite(builders.evidenceMeeting(['static_info']));
    const results = {
      schemaVersion: rubric.SCHEMA_VERSION,
      tool: { name: 'egov-monitor', version: '0.0.0' },
      startedAt: '2026-03-15T15:00:00.000Z',
      finishedAt: '2026-03-15T15:05:00.000Z',
      sites: [site],
      aggregates: rubric.aggregate([site], rubric.defaultRubric),
    };
    expect(rubric.validateResults(results).errors).toEqual([]);
    expect(reporter.renderMarkdown(results, 'es')).toContain(TITLE.es);
    expect(reporter.renderHtml(results, 'en')).toContain(TITLE.en);
    expect(reporter.renderCsv(results).split('\n')[0]).toContain(ID);
  });
});
