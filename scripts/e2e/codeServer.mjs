// Starting and stopping code-server and headless chromium for the real-editor checks and for
// `npm run editor`. Everything they write goes into one scratch folder (home, XDG folders, TMPDIR),
// and every process is started in its own process group and killed as a group.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Environment for child processes: nothing lands in the real home folder or /tmp. */
export function scratchEnv(scratch, extra = {}) {
  const dirs = {
    HOME: path.join(scratch, 'home'),
    XDG_CONFIG_HOME: path.join(scratch, 'home', '.config'),
    XDG_DATA_HOME: path.join(scratch, 'home', '.local', 'share'),
    XDG_STATE_HOME: path.join(scratch, 'home', '.local', 'state'),
    XDG_CACHE_HOME: path.join(scratch, 'home', '.cache'),
    TMPDIR: path.join(scratch, 'tmp'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  return { ...process.env, ...dirs, ...extra };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Kills a whole process group: SIGTERM, then SIGKILL if anything is left after `graceMs`. */
export async function killGroup(pid, graceMs = 3000) {
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const until = Date.now() + graceMs;
  while (alive() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** Writes VS Code user settings for a code-server user-data-dir. */
export function writeUserSettings(userDataDir, settings) {
  const dir = path.join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/** Quiet workbench defaults for tests and demos (no welcome page, no tips, no update checks). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Installs a .vsix into an extensions folder with code-server's own installer.
 */
export function installVsix({ codeServer, vsix, extensionsDir, userDataDir, env }) {
  mkdirSync(extensionsDir, { recursive: true });
  const r = spawnSync(
    codeServer,
    ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix],
    { env, encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) {
    throw new Error(`code-server --install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/**
 * Starts code-server on 127.0.0.1 in its own process group and waits for /healthz.
 * @returns {Promise<{ port: number, base: string, pid: number, stop: () => Promise<void>, log: () => string }>}
 */
export async function startCodeServer({ codeServer, userDataDir, extensionsDir, env, port, logFile }) {
  port = port ?? (await freePort());
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  let output = '';
  const child = spawn(
    codeServer,
    [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async () => {
    await killGroup(child.pid);
    if (logFile) {
      try {
        writeFileSync(logFile, output);
      } catch {
        /* best effort */
      }
    }
  };

  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited at start:\n${output.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { port, base, pid: child.pid, stop, log: () => output };
}

/** Launches Debian's chromium headless through playwright-core (loaded from the tools cache). */
export async function launchChromium({ playwrightCore, chromium, scratch, env }) {
  const mod = await import(pathToFileURL(playwrightCore).href);
  const pw = mod.chromium ?? mod.default?.chromium;
  return pw.launch({
    executablePath: chromium,
    headless: true,
    env,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--disk-cache-dir=${path.join(scratch, 'chromium-cache')}`,
    ],
  });
}

/** Workbench URL that opens `folder`; `payload` adds e.g. extensionDevelopmentPath / extensionTestsPath. */
export function workbenchUrl(base, folder, payload) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Removes a scratch folder, and .e2e-scratch/ itself once no other run uses it. */
export function removeScratch(scratch) {
  rmSync(scratch, { recursive: true, force: true });
  try {
    if (readdirSync(path.dirname(scratch)).length === 0) rmSync(path.dirname(scratch), { recursive: true });
  } catch {
    /* gone already */
  }
}

/** A workspace folder: a copy of the repository's examples/ plus workspace settings. */
export function prepareWorkspace(root, dir, settings = { 'zfxxgk.locale': 'zh-CN' }) {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(path.join(root, 'examples'))) {
    cpSync(path.join(root, 'examples', name), path.join(dir, name), { recursive: true });
  }
  mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  return dir;
}
