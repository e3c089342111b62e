// Command zfxxgk.newReport 新建政府信息公开年报: asks for the unit and the report year, gets the
// complete draft from the server (zfxxgk/newReport) and opens it in a new untitled editor with the
// report language. Tests (and other extensions) may pass { unit, year } to skip the input boxes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NEW_REPORT_REQUEST, NEW_REPORT_YEARS, REPORT_LANGUAGE_ID, type NewReportParams, type NewReportResult } from '../../server/src/lsp/protocol';
import { t } from './messages';

export interface NewReportArgs {
  unit?: string;
  year?: number | string;
}

/** undefined when `value` is a year a draft can be made for, else the message to show. */
export function validateYear(value: string): string | undefined {
  const v = value.trim();
  if (!/^\d{4}$/.test(v)) return t('newReportYearInvalid', NEW_REPORT_YEARS.min, NEW_REPORT_YEARS.max);
  const year = Number(v);
  return year < NEW_REPORT_YEARS.min || year > NEW_REPORT_YEARS.max ? t('newReportYearInvalid', NEW_REPORT_YEARS.min, NEW_REPORT_YEARS.max) : undefined;
}

export function registerNewReport(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('zfxxgk.newReport', (args?: NewReportArgs) => newReport(getClient(), args)),
  );
}

/** Opens the draft; resolves with its editor, or undefined when cancelled or refused. */
async function newReport(client: LanguageClient | undefined, args?: NewReportArgs): Promise<vscode.TextEditor | undefined> {
  const unit =
    typeof args?.unit === 'string' && args.unit.trim()
      ? args.unit.trim()
      : await vscode.window.showInputBox({
          title: t('newReportTitle'),
          prompt: t('newReportUnitPrompt'),
          placeHolder: t('newReportUnitPlaceholder'),
          ignoreFocusOut: true,
          validateInput: (v) => (v.trim() ? undefined : t('newReportUnitRequired')),
        });
  if (!unit?.trim()) return undefined;
  const lastYear = String(new Date().getFullYear() - 1); // reports are written early in the next year
  const yearText =
    args?.year !== undefined && !validateYear(String(args.year))
      ? String(args.year)
      : await vscode.window.showInputBox({
          title: t('newReportTitle'),
          prompt: t('newReportYearPrompt'),
          value: lastYear,
          ignoreFocusOut: true,
          validateInput: validateYear,
        });
  if (!yearText || validateYear(yearText)) return undefined;
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage(t('serverNotReady'));
    return undefined;
  }
  const params: NewReportParams = { unit: unit.trim(), year: Number(yearText.trim()) };
  let draft: NewReportResult;
  try {
    draft = await client.sendRequest<NewReportResult>(NEW_REPORT_REQUEST, params);
  } catch (err) {
    void vscode.window.showErrorMessage(t('newReportFailed', err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: REPORT_LANGUAGE_ID, content: draft.text });
  return vscode.window.showTextDocument(doc);
}
