import { describe, expect, it } from 'vitest';
import { downloadsCollector } from './downloads.js';
import { link, snapshot } from './test-support/builders.js';
import { liveSite, useLiveFixture } from './test-support/harness.js';

const live = useLiveFixture({
  '/descargas/solicitud-licencia.pdf': {
    contentType: 'application/pdf',
    body: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
  },
  '/descargas/formulario-roto.pdf': {
    contentType: 'text/html',
    body: '<html><body><h1>Error 404</h1><p>Página no encontrada</p></body></html>',
  },
  '/descargas/formulario-500.pdf': {
    status: 500,
    contentType: 'text/html',
    body: '<h1>Internal Server Error</h1>',
  },
});

describe('downloads collector against a live server', () => {
  it('downloads each candidate through the browser network stack and judges the bytes', async () => {
    const home = `${live.server.origin}/`;
    const page = snapshot(`${home}descargas`, {
      title: 'Descargas',
      links: [
        link(`${home}descargas/solicitud-licencia.pdf`, 'Solicitud de licencia de conducir'),
        link(`${home}descargas/formulario-roto.pdf`, 'Formulario de renovación'),
        link(`${home}descargas/formulario-500.pdf`, 'Formulario de queja'),
      ],
    });
    const { candidates } = await downloadsCollector.collect(
      liveSite(live.context, { homeUrl: home, pages: [page] }),
    );
    expect(
      candidates.map((c) => [c.href.replace(home, ''), c.check.status, c.check.ok, c.check.problem ?? null]),
    ).toEqual([
      ['descargas/formulario-500.pdf', 500, false, 'HTTP 500'],
      [
        'descargas/formulario-roto.pdf',
        200,
        false,
        'HTML page instead of a document (error page, soft 404 or login wall)',
      ],
      ['descargas/solicitud-licencia.pdf', 200, true, null],
    ]);
    expect(live.server.requests).toEqual(
      expect.arrayContaining([
        'GET /descargas/solicitud-licencia.pdf',
        'GET /descargas/formulario-roto.pdf',
        'GET /descargas/formulario-500.pdf',
      ]),
    );
  });
});
