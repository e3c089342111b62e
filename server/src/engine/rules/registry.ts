// All rules, in the order their findings are listed. Add a rule: one file, one line here (then
// `node scripts/rule-tables.mjs` writes it into the settings and the rule tables).
import { balance } from './balance';
import { carryover } from './carryover';
import { cellBlank } from './cellBlank';
import { cellInvalid } from './cellInvalid';
import { columnTotal } from './columnTotal';
import { groupTotal } from './groupTotal';
import { proseTable } from './proseTable';
import { rowTotal } from './rowTotal';
import type { Rule, RuleMeta } from './rule';
import { sectionDuplicate } from './sectionDuplicate';
import { sectionMissing } from './sectionMissing';
import { sectionOrder } from './sectionOrder';
import { sectionTitle } from './sectionTitle';
import { tableIncomplete } from './tableIncomplete';
import { tableMissing } from './tableMissing';
import { tableRowShape } from './tableRowShape';
import { tableUnparsed } from './tableUnparsed';
import { templateVersion } from './templateVersion';
import { textReuse } from './textReuse';
import { yearMismatch } from './yearMismatch';
import { validCountContinuity } from './validCountContinuity';

export type { RuleMeta };

export const ALL_RULES = [
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionTitle,
  tableMissing,
  tableRowShape,
  tableUnparsed,
  tableIncomplete,
  cellInvalid,
  cellBlank,
  rowTotal,
  columnTotal,
  balance,
  groupTotal,
  templateVersion,
  yearMismatch,
  proseTable,
  carryover,
  validCountContinuity,
  textReuse,
] as const satisfies readonly Rule[];

/** A rule's id: one of the registry's. */
export type RuleId = (typeof ALL_RULES)[number]['meta']['id'];

export const RULES = Object.fromEntries(ALL_RULES.map((r) => [r.meta.id, r.meta])) as Record<RuleId, RuleMeta<RuleId>>;
export const ruleIds: RuleId[] = ALL_RULES.map((r) => r.meta.id);
