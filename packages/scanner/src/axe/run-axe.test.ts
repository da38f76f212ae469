import { describe, expect, it } from 'vitest';
import { injectAxe, loadAxe, runAxe } from './run-axe.js';
import { useLiveFixture } from '../collectors/test-support/harness.js';

const imageWithoutAlt = '<img src="/logo.png" width="10" height="10">';

const live = useLiveFixture({
  '/plain': {
    body: `<!doctype html><html lang="es"><title>Inicio</title><main>${imageWithoutAlt}</main></html>`,
  },
  // Text over a background image: axe cannot compute its contrast, so it asks a person (incomplete).
  '/review': {
    body: `<!doctype html><html lang="es"><title>Inicio</title><main><p style="background-image:url(/fondo.png);color:#777">Horario de atención</p></main></html>`,
  },
  // A site that ships an axe of its own, which would find nothing.
  '/own-axe': {
    body: `<!doctype html><html lang="es"><title>Inicio</title><script>window.axe = { version: '1.0.0', run: () => Promise.resolve({ violations: [] }) };</script><main>${imageWithoutAlt}</main></html>`,
  },
});

describe('runAxe', () => {
  it('puts axe into a page that does not have it, and runs it', async () => {
    const page = await live.context.newPage();
    await page.goto(`${live.server.origin}/plain`);
    const { violations } = await runAxe(page);
    expect(violations.map((v) => v.ruleId)).toContain('image-alt');
    expect(await page.evaluate(() => (window as unknown as { axe: { version: string } }).axe.version)).toBe(
      loadAxe().version,
    );
    await page.close();
  });

  it('uses the axe injected while the page settled', async () => {
    const page = await live.context.newPage();
    await page.goto(`${live.server.origin}/plain`);
    await injectAxe(page);
    expect((await runAxe(page)).violations.map((v) => v.ruleId)).toContain('image-alt');
    await page.close();
  });

  it("trap: a site's own axe of another version is replaced by ours", async () => {
    const page = await live.context.newPage();
    await page.goto(`${live.server.origin}/own-axe`);
    expect((await runAxe(page)).violations.map((v) => v.ruleId)).toContain('image-alt');
    await page.close();
  });

  it('keeps the "needs review" results apart from the violations', async () => {
    const page = await live.context.newPage();
    await page.goto(`${live.server.origin}/review`);
    const found = await runAxe(page);
    expect(found.needsReview.map((v) => v.ruleId)).toContain('color-contrast');
    expect(found.violations.map((v) => v.ruleId)).not.toContain('color-contrast');
    await page.close();
  });
});
