import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface TestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 (ephemeral port), HTTPS when given a key and certificate. `host` puts it on another
 * loopback address (Linux routes all of 127/8 to lo): the hostile-network suite's canaries live on 127.0.0.2….
 */
export async function startServer(
  handler: Handler,
  tlsOptions?: { key: string; cert: string },
  host = '127.0.0.1',
): Promise<TestServer> {
  const server = tlsOptions ? https.createServer(tlsOptions, handler) : http.createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tlsOptions ? 'https' : 'http'}://${host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Serves a map of path → HTML (or a handler); anything else is a real 404. */
export function siteHandler(pages: Record<string, string | Handler>): Handler {
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const page = pages[path];
    if (typeof page === 'function') return page(request, response);
    if (page === undefined) {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html lang="es"><title>404</title><h1>Not found</h1></html>');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  };
}

/** A small, clean Spanish page. */
export function html(title: string, body: string): string {
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}
