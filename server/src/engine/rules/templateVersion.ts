import { tr } from '../names';
import { expectedVersion, VERSION_NAMES } from '../version';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

export const templateVersion = defineRule({
  meta: {
    id: 'template-version',
    severity: 'warning',
    title: { 'zh-CN': '模板版本不符', en: 'Wrong template version' },
    summary: { 'zh-CN': '表格格式版本与报告年度不符，或两版混用', en: 'the table format does not match the report year, or both formats are mixed' },
    description: {
      'zh-CN': '2019、2020 年度报告使用 2019 版格式（国办公开办函〔2019〕60号），2021 年度起使用 2021 版格式（国办公开办函〔2021〕30号）。表格的版本与报告年度不符，或两版混用。',
      en: 'Reports for 2019–2020 use the 2019 format; from 2021 on, the 2021 format. The tables use the other version, or mix both.',
    },
  },
  check(ctx) {
    const { model, locale } = ctx;
    const out: RawFinding[] = [];
    const v = model.version;
    const m19 = v.markers2019;
    const m21 = v.markers2021;
    if (m19.length && m21.length) {
      const minority = m19.length <= m21.length ? m19 : m21;
      out.push({
        message: tr(locale, '表格混用了 2019 版与 2021 版格式的栏目', 'The tables mix labels of the 2019 and 2021 formats'),
        range: minority[0],
        related: [...m19, ...m21].map((range) => ({ range, message: tr(locale, '版本特有的栏目', 'version-specific label') })),
      });
    } else if (v.detected && model.year) {
      const want = expectedVersion(model);
      if (want !== v.detected) {
        const marks = v.detected === 'F2019' ? m19 : m21;
        out.push({
          message: tr(
            locale,
            `${model.year.value} 年度报告应使用${VERSION_NAMES[want]['zh-CN']}，表格却是${VERSION_NAMES[v.detected]['zh-CN']}`,
            `A ${model.year.value} report should use ${VERSION_NAMES[want].en}, but its tables use ${VERSION_NAMES[v.detected].en}`,
          ),
          range: marks[0],
          related: [{ range: model.year.range, message: tr(locale, '报告年度', 'report year') }],
        });
      }
    }
    const rows = model.table3?.rows;
    const r6 = rows?.get('r6');
    if (r6 && v.detected === 'F2021' && !m19.length) {
      out.push({
        message: tr(locale, '2021 版格式中“（六）其他处理”分为 3 个子项，此处只有一行（2019 版写法），两版混用', 'In the 2021 format "(VI) other handling" has three sub-rows; here it is a single row (2019 style): the versions are mixed'),
        range: r6.labelRange,
        related: [],
      });
    }
    return out;
  },
});
