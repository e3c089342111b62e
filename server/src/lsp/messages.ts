// The few user-visible strings the server itself produces (everything about reports comes from the engine).
import type { Locale } from '../engine';

export const messages = {
  hiddenProblems(locale: Locale, hidden: number, max: number): string {
    return locale === 'en'
      ? `${hidden} more problem${hidden === 1 ? '' : 's'} not shown (limit zfxxgk.maxProblems = ${max}).`
      : `另有 ${hidden} 个问题未显示（已达到 zfxxgk.maxProblems = ${max} 的上限）。`;
  },
  fixAllLabel(locale: Locale): string {
    return locale === 'en' ? 'Fix all determined problems (zfxxgk)' : '修正所有可确定的问题（zfxxgk）';
  },
};
