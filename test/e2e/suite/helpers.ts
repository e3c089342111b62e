// Shared by the extension integration tests (test/e2e/suite/*.test.ts): waiting on VS Code events
// (never on fixed sleeps), reading zfxxgk's diagnostics, and the extension's API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ZfxxgkApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'zfxxgk.zfxxgk';
export const HAN = /[\u4e00-\u9fff]/;

/** Activates the extension (if needed) and returns the API its activate() returned. */
export async function extensionApi(): Promise<ZfxxgkApi> {
  const ext = vscode.extensions.getExtension<ZfxxgkApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this workbench`);
  return ext.activate();
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (a copy of examples/)');
  return folder.uri;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'zfxxgk');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

/** Resolves when `check()` holds, re-checking whenever one of `events` fires; rejects after `ms`. */
export function waitUntil<T>(
  what: string | (() => string),
  check: () => T | undefined | false,
  events: vscode.Event<unknown>[],
  ms = 20_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = () => {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${ms} ms waiting for: ${typeof what === 'function' ? what() : what}`));
    }, ms);
    const attempt = () => {
      let v: T | undefined | false;
      try {
        v = check();
      } catch (err) {
        done();
        reject(err);
        return;
      }
      if (v !== undefined && v !== false) {
        done();
        resolve(v);
      }
    };
    for (const e of events) subs.push(e(attempt));
    attempt();
  });
}

/**
 * The quick fixes VS Code gets for `range`, asked until `check` holds (at most `tries` times,
 * 250 ms apart). VS Code cancels a code-action request when the document's model changes while
 * it runs, and then answers "Canceled" or an empty list; in CI that happened about once in ten
 * runs with no change the test made (the lightbulb simply asks again). Every retry is logged with
 * what the earlier answer was, so the CI output shows how often it happens.
 */
export async function quickFixesWhere(
  uri: vscode.Uri,
  range: vscode.Range,
  what: string,
  check: (actions: vscode.CodeAction[]) => boolean,
  tries = 5,
): Promise<vscode.CodeAction[]> {
  let last = '';
  for (let attempt = 1; ; attempt++) {
    let actions: vscode.CodeAction[] = [];
    try {
      actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      last = actions.map((a) => a.title).join(' | ') || '(no actions)';
    } catch (err) {
      last = `error: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (check(actions)) return actions;
    if (attempt >= tries) assert.fail(`${what}: after ${tries} requests the last answer was ${last}`);
    console.log(`    (retrying the code-action request for ${what}: answer ${attempt} was ${last})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until the document's zfxxgk diagnostics satisfy `check`; returns them. */
export function diagnosticsWhere(uri: vscode.Uri, what: string, check: (ds: vscode.Diagnostic[]) => boolean, ms?: number) {
  return waitUntil(
    () => `${what}; have ${ours(uri).map(codeOf).join(', ') || 'none'}`,
    () => (check(ours(uri)) ? ours(uri) : undefined),
    [vscode.languages.onDidChangeDiagnostics],
    ms,
  );
}

/** Waits until the server has reported on this exact version of the document. */
export function analysed(api: ZfxxgkApi, doc: vscode.TextDocument) {
  return waitUntil(
    `analysis of ${doc.uri.toString()} v${doc.version}`,
    () => {
      const s = api.status(doc.uri);
      return s && s.version === doc.version ? s : undefined;
    },
    [api.onDidChangeStatus, vscode.languages.onDidChangeDiagnostics],
  );
}
