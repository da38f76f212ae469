import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { atViewport } from './viewport.js';
import { measureMobileLayout } from './take-snapshot.js';
import { useLiveFixture } from '../collectors/test-support/harness.js';

const responsive = `<!doctype html><html><head><style>
  .wide { width: 1000px; }
  @media (max-width: 400px) { .wide { width: auto; } }
  @media (max-device-width: 480px) { body { font-size: 18px; } }
</style></head><body><p class="wide">Trámites en línea</p></body></html>`;
const fixedWidth =
  '<!doctype html><html><body><div style="width: 1000px">Trámites en línea</div></body></html>';

// As the site scan sets up its contexts: a viewport and nothing else.
const live = useLiveFixture(
  { '/responsive': { body: responsive }, '/fixed': { body: fixedWidth } },
  { viewport: { width: 1280, height: 800 } },
);

const viewportState = (page: Page) =>
  page.evaluate(() => ({
    width: innerWidth,
    height: innerHeight,
    screen: [screen.width, screen.height],
    scale: devicePixelRatio,
    phoneQuery: matchMedia('(max-width: 400px)').matches,
    deviceQuery: matchMedia('(max-device-width: 480px)').matches,
    fontSize: getComputedStyle(document.body).fontSize,
  }));

describe('atViewport', () => {
  it('lays the page out as a phone does, then gives back exactly the viewport the context had', async () => {
    const page = await live.context.newPage();
    await page.goto(`${live.server.origin}/responsive`);
    const desktop = await viewportState(page);
    expect(desktop).toMatchObject({
      width: 1280,
      height: 800,
      screen: [1280, 800],
      scale: 1,
      phoneQuery: false,
    });

    const phone = await atViewport(page, { width: 360, height: 640 }, () => viewportState(page));
    expect(phone).toEqual({
      width: 360,
      height: 640,
      screen: [360, 640],
      scale: 1,
      phoneQuery: true,
      deviceQuery: true,
      fontSize: '18px',
    });
    expect(await viewportState(page)).toEqual(desktop);

    // Still the context's viewport on the next page, and after work that failed.
    await page.goto(`${live.server.origin}/fixed`);
    expect(await viewportState(page)).toEqual({ ...desktop, fontSize: '16px' });
    await expect(
      atViewport(page, { width: 360, height: 640 }, () => Promise.reject(new Error('page crashed'))),
    ).rejects.toThrow('page crashed');
    expect(await viewportState(page)).toEqual({ ...desktop, fontSize: '16px' });
    await page.close();
  });

  it('the mobile layout sees a fixed-width page overflow a phone, and a responsive one fit', async () => {
    const page = await live.context.newPage();
    await page.goto(`${live.server.origin}/fixed`);
    expect((await measureMobileLayout(page)).horizontalOverflow).toBe(true);
    await page.goto(`${live.server.origin}/responsive`);
    expect((await measureMobileLayout(page)).horizontalOverflow).toBe(false);
    expect(await page.evaluate(() => innerWidth)).toBe(1280);
    await page.close();
  });
});
