// The client's user-visible strings, translated through VS Code's l10n bundles (l10n/).
// They follow the same `zfxxgk.locale` setting as the server's diagnostics, so the status item,
// the notifications and the problems all speak one language (auto → VS Code's display language).
// vscode.l10n only knows VS Code's display language, so when the setting forces another one the
// bundle for it is read from l10n/ here. The English source strings are in messageStrings.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MESSAGES, type MessageKey } from './messageStrings';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };

/**
 * Resolves the `zfxxgk.locale` setting: 'zh-CN' | 'en' | 'auto'. Auto follows VS Code's display
 * language: English for an English UI, Chinese otherwise (the same rule as the server's).
 */
export function resolveLocale(setting: string | undefined, uiLanguage: string = vscode.env.language): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return uiLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function currentLocale(): Locale {
  return resolveLocale(vscode.workspace.getConfiguration('zfxxgk').get<string>('locale', 'auto'));
}

/** The extension's l10n/ folder: next to dist/ (dist/client.js), or two levels up from client/src/ (tests). */
const L10N_DIR = [path.join(__dirname, '..', 'l10n'), path.join(__dirname, '..', '..', 'l10n')].find((d) => fs.existsSync(d)) ?? '';
const bundles = new Map<string, Record<string, string>>();

/** A bundle read from l10n/ (bundle.l10n.zh-cn.json), cached; empty if it cannot be read. */
function bundleFor(locale: Locale): Record<string, string> {
  const file = `bundle.l10n.${locale.toLowerCase()}.json`;
  let bundle = bundles.get(file);
  if (!bundle) {
    try {
      bundle = JSON.parse(fs.readFileSync(path.join(L10N_DIR, file), 'utf8')) as Record<string, string>;
    } catch {
      bundle = {};
    }
    bundles.set(file, bundle);
  }
  return bundle;
}

function format(template: string, args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

export function t(key: MessageKey, ...args: (string | number)[]): string {
  const message: string = MESSAGES[key];
  const locale = currentLocale();
  if (locale === 'en') return format(message, args); // the source strings are English
  // VS Code loaded our bundle for its display language, and that is the language wanted: vscode.l10n.
  if (vscode.l10n.bundle?.[message] !== undefined && resolveLocale('auto') === locale) return vscode.l10n.t(message, ...args);
  // Forced by zfxxgk.locale (or a display language we have no bundle for): read the bundle ourselves.
  return format(bundleFor(locale)[message] ?? message, args);
}
