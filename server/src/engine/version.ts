// Which template version the report should use and which its tables use.
import type { ReportModel } from './model';
import type { TemplateVersion } from './template';
import { versionForYear } from './template';

export function expectedVersion(model: ReportModel): TemplateVersion {
  if (model.year) return versionForYear(model.year.value);
  return model.version.detected ?? 'F2021';
}

export const VERSION_NAMES: Record<TemplateVersion, { 'zh-CN': string; en: string }> = {
  F2019: { 'zh-CN': '2019 版格式（国办公开办函〔2019〕60号）', en: 'the 2019 format (国办公开办函〔2019〕60号)' },
  F2021: { 'zh-CN': '2021 版格式（国办公开办函〔2021〕30号）', en: 'the 2021 format (国办公开办函〔2021〕30号)' },
};
