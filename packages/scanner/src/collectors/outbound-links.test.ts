import { describe, expect, it } from 'vitest';
import { outboundLinksCollector } from './outbound-links.js';
import { fakeSite, link, snapshot } from './test-support/builders.js';

const home = 'https://www.mineco.gob.gt/';

describe('outbound links collector', () => {
  it('keeps one entry per external host, the first link seen, sorted by host', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          links: [
            link('https://portal.sat.gob.gt/portal/', 'SAT'),
            link('https://www.renap.gob.gt/', 'RENAP'),
            link('https://portal.sat.gob.gt/portal/otra', 'SAT de nuevo'),
            link('https://www.facebook.com/MinecoGT', '', { label: 'Facebook' }),
          ],
        }),
        snapshot(`${home}enlaces`, {
          links: [
            link('https://www.guatecompras.gt/', 'Guatecompras'),
            link('https://www.renap.gob.gt/x', 'Otra'),
          ],
        }),
      ],
    });
    const { hosts } = await outboundLinksCollector.collect(site);
    expect(hosts).toEqual([
      { host: 'portal.sat.gob.gt', href: 'https://portal.sat.gob.gt/portal/', text: 'SAT', fromUrl: home },
      {
        host: 'www.facebook.com',
        href: 'https://www.facebook.com/MinecoGT',
        text: 'Facebook',
        fromUrl: home,
      },
      {
        host: 'www.guatecompras.gt',
        href: 'https://www.guatecompras.gt/',
        text: 'Guatecompras',
        fromUrl: `${home}enlaces`,
      },
      { host: 'www.renap.gob.gt', href: 'https://www.renap.gob.gt/', text: 'RENAP', fromUrl: home },
    ]);
  });

  it('trap: the site own hosts and subdomains of its registrable domain are not external; mailto and javascript are ignored', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          links: [
            link(`${home}servicios`, 'Servicios'),
            link('https://mineco.gob.gt/', 'Sin www'),
            link('https://registromercantil.mineco.gob.gt/', 'Registro Mercantil'),
            link('mailto:info@mineco.gob.gt', 'Correo'),
            link('javascript:void(0)', 'Menú'),
            link('https://www.gob.gt/', 'Portal del Gobierno'),
          ],
        }),
      ],
    });
    // gob.gt is a public suffix: mineco.gob.gt and www.gob.gt are different institutions' domains.
    expect((await outboundLinksCollector.collect(site)).hosts.map((h) => h.host)).toEqual(['www.gob.gt']);
  });
});
