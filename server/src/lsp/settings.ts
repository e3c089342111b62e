// The server's settings (configuration section 'zfxxgk'), sanitised: whatever the client sends,
// the rest of the server sees valid values.
import type { Locale, RuleId, SeveritySetting } from '../engine';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  rules: Partial<Record<RuleId, SeveritySetting>>;
  run: RunMode;
  debounceMs: number;
  maxProblems: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  rules: {},
  run: 'onType',
  debounceMs: 300,
  maxProblems: 1000,
});

const SEVERITY_SETTINGS: readonly string[] = ['off', 'information', 'warning', 'error', 'hint'];
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { info: 'information', warn: 'warning' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns whatever came from workspace/configuration into valid settings (unknown keys ignored). */
export function sanitizeSettings(raw: unknown): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (!isObject(raw)) return settings;

  if (isObject(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      if (typeof value !== 'string') continue;
      const v = SEVERITY_ALIASES[value] ?? value;
      if (SEVERITY_SETTINGS.includes(v)) settings.rules[id as RuleId] = v as SeveritySetting;
    }
  }
  if (raw.run === 'onType' || raw.run === 'onSave') settings.run = raw.run;
  if (typeof raw.debounceMs === 'number' && Number.isFinite(raw.debounceMs)) {
    settings.debounceMs = Math.min(10_000, Math.max(0, Math.round(raw.debounceMs)));
  }
  if (typeof raw.maxProblems === 'number' && Number.isFinite(raw.maxProblems) && raw.maxProblems >= 1) {
    settings.maxProblems = Math.floor(raw.maxProblems);
  }
  return settings;
}

/** 'en', 'en-US', … → 'en'; 'zh', 'zh-cn', … → 'zh-CN'; anything else → undefined. */
export function parseLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v.startsWith('en')) return 'en';
  if (v.startsWith('zh')) return 'zh-CN';
  return undefined;
}

/** Locale of the server: initializationOptions.locale, else the client's UI locale ('en*' → en), else zh-CN. */
export function resolveLocale(clientLocale: unknown, initializationOptions: unknown): Locale {
  const override = isObject(initializationOptions) ? parseLocale(initializationOptions.locale) : undefined;
  if (override) return override;
  return parseLocale(clientLocale) === 'en' ? 'en' : 'zh-CN';
}
