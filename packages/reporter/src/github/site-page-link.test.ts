import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderSiteIssue } from '../render/issues.js';
import { siteSlug } from '../site/paths.js';
import { sampleResults } from '../test-support/sample-results.js';
import { publishIssues } from './publish-issues.js';
import { openApiValidator, startGitHubDouble, virtualClock } from './test-support/github-double.js';
import type { GitHubDouble } from './test-support/github-double.js';

let gh: GitHubDouble;
beforeAll(() => {
  openApiValidator();
}, 60_000);
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

describe("site issues link to the site's page on the observatory", () => {
  it('when a site address is configured, and not otherwise', async () => {
    const results = sampleResults();
    const minfin = results.sites[0]!;
    const page = `https://red-ciudadana.github.io/observatorio/es/sitios/${siteSlug(minfin.url)}.html`;
    expect(renderSiteIssue(minfin, undefined, 'es', { sitePage: page }).body).toContain(
      `[Tendencia y evidencia de este sitio en el observatorio](<${page}>)`,
    );
    expect(renderSiteIssue(minfin, undefined, 'es').body).not.toContain('observatorio');

    // A virtual clock shared with the double: GitHub's pacing of writes costs no real time.
    const clock = virtualClock();
    gh = await startGitHubDouble({ clock });
    await publishIssues(results, {
      token: 't',
      owner: gh.owner,
      repo: gh.repo,
      baseUrl: gh.baseUrl,
      lang: 'es',
      runId: '1-1',
      sitePageBase: 'https://red-ciudadana.github.io/observatorio',
      client: { clock },
    });
    expect(gh.issues.get(1)!.body).toContain(`(<${page}>)`);
  });
});
