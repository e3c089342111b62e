// Installs the real-editor test tooling, offline-safe, into a cache folder outside git:
//   code-server 4.100.3 (VS Code 1.100.3 workbench + node extension host) and playwright-core
//   from the npm registry, pinned by scripts/e2e/tools/package-lock.json;
//   chromium, a CJK font (fonts-noto-cjk: without one chromium draws every Chinese character of the
//   workbench, and so of the screenshots, as a box), neovim, ripgrep and libkrb5-dev from Debian
//   (apt-get, only when missing, as root).
//
// Idempotent: a finished install is marked `.complete` and reused (no network, ~0 s). The cache key
// is the tools lockfile + the Node ABI, so a new pin or a new Node gets a fresh folder.
// Cache folder: $ZFXXGK_E2E_CACHE, else $XDG_CACHE_HOME/zfxxgk-e2e, else ~/.cache/zfxxgk-e2e.
//
// Usage: node scripts/e2e/tools.mjs        (install if needed, print where)
//        import { ensureTools } from './tools.mjs'
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pinned = path.join(here, 'tools');

/** Debian packages the tests need, with a file that proves each is installed. */
const DEBIAN = [
  { pkg: 'chromium', probe: '/usr/bin/chromium' },
  // Chinese glyphs for chromium (fontconfig finds it; the UI check asserts they render).
  { pkg: 'fonts-noto-cjk', probe: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
  { pkg: 'neovim', probe: '/usr/bin/nvim' },
  { pkg: 'ripgrep', probe: '/usr/bin/rg' },
  // Headers for code-server's kerberos module; only needed while building the cache.
  { pkg: 'libkrb5-dev', probe: '/usr/include/gssapi/gssapi.h', buildOnly: true },
];

/** code-server's @vscode/ripgrep postinstall downloads rg from GitHub unless this cache file exists. */
const RIPGREP_CACHE = path.join('vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

export function cacheRoot() {
  if (process.env.ZFXXGK_E2E_CACHE) return path.resolve(process.env.ZFXXGK_E2E_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'zfxxgk-e2e');
}

function toolsKey() {
  const h = createHash('sha256');
  h.update(readFileSync(path.join(pinned, 'package.json')));
  h.update(readFileSync(path.join(pinned, 'package-lock.json')));
  h.update(`${process.platform}-${process.arch}-abi${process.versions.modules}`);
  return h.digest('hex').slice(0, 12);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function ensureDebian(log, needBuild) {
  const missing = DEBIAN.filter((d) => (needBuild || !d.buildOnly) && !existsSync(d.probe)).map((d) => d.pkg);
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')} — install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

function seedRipgrepCache(tmp) {
  const target = path.join(tmp, RIPGREP_CACHE);
  mkdirSync(path.dirname(target), { recursive: true });
  const stage = path.join(tmp, 'rg-stage');
  mkdirSync(stage, { recursive: true });
  cpSync('/usr/bin/rg', path.join(stage, 'rg'));
  run('tar', ['-czf', target, '-C', stage, 'rg']);
  rmSync(stage, { recursive: true, force: true });
}

/**
 * Makes sure the tooling is installed; returns where everything is.
 * @param {{ log?: (msg: string) => void }} [options]
 */
export function ensureTools({ log = (m) => console.log(`[e2e-tools] ${m}`) } = {}) {
  const root = cacheRoot();
  const dir = path.join(root, `tools-${toolsKey()}`);
  const complete = existsSync(path.join(dir, '.complete'));
  ensureDebian(log, !complete);

  if (!complete) {
    const started = Date.now();
    mkdirSync(root, { recursive: true });
    const staging = path.join(root, `.staging-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const tmp = path.join(staging, '.tmp');
    mkdirSync(tmp, { recursive: true });
    try {
      cpSync(path.join(pinned, 'package.json'), path.join(staging, 'package.json'));
      cpSync(path.join(pinned, 'package-lock.json'), path.join(staging, 'package-lock.json'));
      seedRipgrepCache(tmp);
      log(`installing code-server and playwright-core into ${dir} (about a minute, once)`);
      const env = {
        ...process.env,
        TMPDIR: tmp,
        // code-server's postinstall insists on --unsafe-perm as root and builds native modules;
        // npm 11 blocks dependency install scripts unless allowed; node-pty's build runs npx.
        npm_config_unsafe_perm: 'true',
        npm_config_dangerously_allow_all_scripts: 'true',
        npm_config_yes: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
      };
      if (existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
      run('npm', ['ci', '--loglevel=error'], { cwd: staging, env });
      const bin = path.join(staging, 'node_modules', '.bin', 'code-server');
      run(bin, ['--version'], { env: { ...env, XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp, XDG_CACHE_HOME: tmp } });
      rmSync(tmp, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
      writeFileSync(path.join(dir, '.complete'), new Date().toISOString() + '\n');
      log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      throw err;
    }
    // Older pins are dead weight (hundreds of MB each).
    for (const name of readdirSync(root)) {
      if (name.startsWith('tools-') && path.join(root, name) !== dir) rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }

  return {
    dir,
    codeServer: path.join(dir, 'node_modules', '.bin', 'code-server'),
    playwrightCore: path.join(dir, 'node_modules', 'playwright-core', 'index.js'),
    chromium: '/usr/bin/chromium',
    nvim: '/usr/bin/nvim',
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const t = ensureTools();
    console.log(`[e2e-tools] ready: ${t.dir}`);
  } catch (err) {
    console.error(`[e2e-tools] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
