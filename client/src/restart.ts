// What happens when the language server process dies: restart it (up to 4 times in 3 minutes, as
// vscode-languageclient does by default) and tell the user once, in their language; when it keeps
// dying, stop and say so once. The library's own notices are English-only and repeat per crash.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';
import { t } from './messages';

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export function restartingErrorHandler(
  notify: (message: string) => void = (m) => void vscode.window.showWarningMessage(m),
  now: () => number = Date.now,
): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    // A broken message on the connection: carry on for the first few, then shut down (the default).
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const at = now();
      crashes.push(at);
      while (crashes.length && at - crashes[0] > RESTART_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_RESTARTS) {
        // Not handled: the client shows this one error message and does not restart.
        return { action: CloseAction.DoNotRestart, message: t('serverGaveUp', crashes.length) };
      }
      if (!told) {
        told = true;
        notify(t('serverRestarted'));
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
