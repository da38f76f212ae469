import { describe, expect, it } from 'vitest';
import type { ScanResults, SiteResult } from '@egov-monitor/rubric';
import { baselineAtPreview } from './preview-baseline.js';

const production = 'https://www.seccuh.gob.gt/';
const site = (url: string): SiteResult =>
  ({
    url,
    finalUrl: url,
    accessibility: {
      pagesScanned: 2,
      pages: [url, `${url}contacto`, 'https://otro.gob.gt/x'],
      violations: [
        {
          ruleId: 'label',
          pages: [`${url}contacto`],
          occurrences: [{ page: `${url}contacto`, nodes: 1, targets: ['#correo'] }],
        },
      ],
    },
  }) as unknown as SiteResult;

describe('baselineAtPreview', () => {
  it("moves the production site's pages to the preview's host, same paths, and leaves other sites alone", () => {
    const previous = { sites: [site(production), site('https://otro.gob.gt/')] } as unknown as ScanResults;
    const moved = baselineAtPreview(previous, 'https://www.seccuh.gob.gt', 'http://127.0.0.1:8080/');
    const [preview, other] = moved.sites;
    expect(preview!.url).toBe('http://127.0.0.1:8080/');
    expect(preview!.accessibility.pages).toEqual([
      'http://127.0.0.1:8080/',
      'http://127.0.0.1:8080/contacto',
      'https://otro.gob.gt/x',
    ]);
    expect(preview!.accessibility.violations[0]!.occurrences).toEqual([
      { page: 'http://127.0.0.1:8080/contacto', nodes: 1, targets: ['#correo'] },
    ]);
    expect(other).toBe(previous.sites[1]);
  });
});
