// The client's answer to a dying server: restart, tell the user once (zh/en), give up after
// 5 crashes within 3 minutes with one clear message.
import { describe, expect, it, vi } from 'vitest';

const settings = { locale: 'zh-CN' };
vi.mock('vscode', () => ({
  env: { language: 'zh-cn' },
  workspace: { getConfiguration: () => ({ get: (_k: string, d: string) => settings.locale ?? d }) },
  window: { showWarningMessage: () => undefined },
  l10n: { t: (m: string) => m },
}));
vi.mock('vscode-languageclient/node', () => ({
  CloseAction: { DoNotRestart: 1, Restart: 2 },
  ErrorAction: { Continue: 1, Shutdown: 2 },
}));

const { restartingErrorHandler, RESTART_WINDOW_MS } = await import('../../client/src/restart');
const { CloseAction } = await import('vscode-languageclient/node');

describe('restarting a crashed server', () => {
  it('restarts, says so once in Chinese, and gives up with one message after the fifth crash in 3 minutes', async () => {
    settings.locale = 'zh-CN';
    const told: string[] = [];
    let clock = 1_000_000;
    const handler = restartingErrorHandler((m) => told.push(m), () => clock);
    for (let i = 0; i < 4; i++) {
      clock += 10_000;
      expect(await handler.closed()).toEqual({ action: CloseAction.Restart, handled: true });
    }
    expect(told).toEqual(['年报校验服务意外停止，已自动重新启动，正在重新检查。']);
    clock += 10_000;
    const gaveUp = await handler.closed();
    expect(gaveUp.action).toBe(CloseAction.DoNotRestart);
    expect(gaveUp.message).toContain('3 分钟内停止了 5 次');
    expect(gaveUp.handled).toBeUndefined(); // the client shows it
  });

  it('speaks English when zfxxgk.locale is en, and forgets crashes older than 3 minutes', async () => {
    settings.locale = 'en';
    const told: string[] = [];
    let clock = 0;
    const handler = restartingErrorHandler((m) => told.push(m), () => clock);
    for (let i = 0; i < 12; i++) {
      clock += RESTART_WINDOW_MS / 3; // a crash every minute: never 5 within 3 minutes
      expect((await handler.closed()).action).toBe(CloseAction.Restart);
    }
    expect(told).toEqual(['The report checker stopped unexpectedly and was restarted. Your reports are being checked again.']);
  });
});
