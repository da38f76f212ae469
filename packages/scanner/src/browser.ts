import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { createEgressPolicy, systemResolver, type EgressPolicy, type Resolver } from './egress/policy.js';
import { startEgressListener } from './egress/socks-proxy.js';
import { splitPemBundle } from './https/trust.js';
import type { BrowserSession } from './scan-options.js';

const run = promisify(execFile);

/** Flags for a quiet, reproducible headless Chromium that phones nobody. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // The GPU process (software compositing here, since --disable-gpu) becomes a thread of the browser process: one
  // process fewer to start and to pass every frame through (the benchmark measured ≈ 60 MB and some CPU per run).
  '--in-process-gpu',
  // WebRTC would otherwise send UDP (STUN/TURN) straight from the browser, around the egress proxy: a page could
  // probe the scanning machine's network with ICE candidates. Only proxied (TCP) WebRTC traffic is left.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** CHROME_PATH first, then the usual install locations; null when there is no Chromium or Chrome. */
export function findChromeExecutable(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROME_PATH, ...KNOWN_PATHS].filter((candidate): candidate is string =>
    Boolean(candidate),
  );
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not installed there; try the next place.
    }
  }
  return null;
}

export class BrowserLaunchError extends Error {
  override name = 'BrowserLaunchError';
}

/**
 * Chromium on Linux trusts the user's NSS database ($HOME/.pki/nssdb) besides its own root store, so a temporary
 * HOME with the extra CAs as trust anchors makes the browser verify those chains exactly like public ones: an
 * expired, self-signed or wrong-host certificate is still refused. (`--ignore-certificate-errors-spki-list` is no
 * substitute: it matches only certificates the server sends and then ignores *every* error, expiry included.)
 */
async function createNssHome(home: string, caPems: string[]): Promise<void> {
  const db = path.join(home, '.pki', 'nssdb');
  await mkdir(db, { recursive: true });
  const certutil = process.env.CERTUTIL_PATH ?? 'certutil';
  try {
    await run(certutil, ['-N', '-d', `sql:${db}`, '--empty-password']);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BrowserLaunchError(
      missing
        ? 'Trusting extra CAs (--ca FILE or NODE_EXTRA_CA_CERTS) in Chromium needs NSS certutil. Install it (Debian/Ubuntu: apt-get install -y libnss3-tools) or set CERTUTIL_PATH.'
        : `certutil could not create the browser's certificate database: ${(error as Error).message}`,
    );
  }
  let index = 0;
  for (const pem of caPems) {
    const file = path.join(home, `ca-${index}.pem`);
    await writeFile(file, pem);
    // "C,," = trusted CA for TLS servers only.
    await run(certutil, [
      '-A',
      '-d',
      `sql:${db}`,
      '-n',
      `egov-monitor-extra-ca-${index}`,
      '-t',
      'C,,',
      '-i',
      file,
    ]);
    index += 1;
  }
}

/** A port that was free a moment ago (the launch checks that Chromium really got it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function devToolsAnswers(port: number, expectedVersion: string): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/json/version`, {
      signal: AbortSignal.timeout(3_000),
    });
    const info = (await response.json()) as { Browser?: string };
    // Another process could have taken the port between our check and Chromium's bind: make sure it is ours.
    return typeof info.Browser === 'string' && info.Browser.endsWith(expectedVersion);
  } catch {
    return false;
  }
}

/** Serialises work: each call starts when the previous one settled (failures do not break the chain). */
export function createLock(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
}

/**
 * One shared headless Chromium for the whole run, with a remote-debugging port for Lighthouse and the extra CAs
 * trusted. Close it with `session.close()`.
 */
export interface LaunchOptions {
  executablePath?: string;
  /**
   * The extra CAs the browser trusts, and the only ones: the pipeline reads --ca files and NODE_EXTRA_CA_CERTS from
   * the environment it was given (readExtraCaPems), so nothing here reads the process's environment for trust.
   */
  extraCaPems?: string[];
  /**
   * The resolver of every connection the scan makes, the browser's (through the egress proxy) and Node's. Tests
   * inject one that maps names such as `intranet.test` to loopback addresses. Default: the system's.
   */
  resolver?: Resolver;
  /**
   * The policy of contexts opened without their own proxy (scanSite gives each site's context its own): tests and
   * the benchmark's bare loop that open fixture pages on 127.0.0.1 directly pass `createEgressPolicy({ allowed:
   * ['127.0.0.1'] })`. Lighthouse's tab follows the audited site's policy during a run. Default: public only.
   */
  egress?: EgressPolicy;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const executablePath = options.executablePath ?? findChromeExecutable();
  if (!executablePath)
    throw new BrowserLaunchError(
      'No Chromium or Google Chrome found. Set CHROME_PATH to the browser executable, or install Chromium (Debian/Ubuntu: apt-get install -y chromium).',
    );
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'egov-monitor-browser-'));
  const cleanup = () => rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  try {
    const cas = splitPemBundle(options.extraCaPems ?? []);
    const resolver = options.resolver ?? systemResolver;
    const defaultPolicy = options.egress ? { ...options.egress, resolver } : createEgressPolicy({ resolver });
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    if (cas.length > 0) {
      const home = path.join(workDir, 'home');
      await createNssHome(home, cas);
      env.HOME = home;
    }
    let lastError: unknown;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const debuggingPort = await freePort();
      // The browser-wide proxy serves the default context, where Lighthouse opens its tab; each site's context gets
      // its own listener (scanSite). A Lighthouse run names its site's policy for the time it runs.
      const defaultListener = await startEgressListener(defaultPolicy);
      let browser;
      try {
        browser = await chromium.launch({
          executablePath,
          headless: true,
          // Playwright adds `<-loopback>` to the bypass list, so loopback goes through the proxy too.
          proxy: { server: defaultListener.server },
          args: [
            ...CHROMIUM_ARGS,
            `--remote-debugging-port=${debuggingPort}`,
            '--remote-debugging-address=127.0.0.1',
          ],
          env,
          timeout: 60_000,
          // The caller decides what Ctrl-C means (the CLI lets sites in progress finish): Playwright must not kill
          // the browser under it.
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        });
      } catch (error) {
        await defaultListener.close();
        throw new BrowserLaunchError(
          `Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`,
        );
      }
      if (await devToolsAnswers(debuggingPort, browser.version())) {
        let closed = false;
        return {
          browser,
          debuggingPort,
          executablePath,
          lighthouseLock: createLock(),
          egress: { resolver, defaultListener, defaultPolicy },
          async close() {
            if (closed) return;
            closed = true;
            await browser.close().catch(() => undefined);
            await defaultListener.close();
            await cleanup();
          },
        };
      }
      lastError = new Error(`remote-debugging port ${debuggingPort} did not answer`);
      await browser.close().catch(() => undefined);
      await defaultListener.close();
    }
    throw new BrowserLaunchError(
      `Chromium started but its remote-debugging port never answered: ${String(lastError)}`,
    );
  } catch (error) {
    await cleanup();
    throw error;
  }
}
