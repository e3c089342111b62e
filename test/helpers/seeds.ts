// Seed reports and the one-cell edits the tests make to them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seedsDir } from './paths';

export const SEED_004 = path.join(seedsDir, '004_c00c0f458b041d9c.txt');

export function readSeed(file = SEED_004): string {
  return fs.readFileSync(file, 'utf8');
}

export function allSeeds(): string[] {
  return fs
    .readdirSync(seedsDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => path.join(seedsDir, n));
}

export interface CellEdit {
  /** The edited text. */
  text: string;
  /** 0-based line of the cell. */
  line: number;
  /** 0-based UTF-16 column where the cell's number starts. */
  character: number;
  /** Length of the new number (UTF-16 code units). */
  length: number;
  /** UTF-16 offset of the cell in the whole text. */
  offset: number;
}

/**
 * Replaces the `column`-th number (0-based) on the first line starting with `linePrefix` by
 * `newValue`; in seed 004, ('(七) 总计', 0, '5') turns the 自然人 total 3 into 5.
 */
export function changeCell(text: string, linePrefix: string, column: number, newValue: string): CellEdit {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith(linePrefix));
  if (line < 0) throw new Error(`no line starts with ${linePrefix}`);
  const numbers = [...lines[line].matchAll(/(?<=\t|^)(\d+)(?=\t|\r|$)/g)];
  const cell = numbers[column];
  if (!cell || cell.index === undefined) throw new Error(`no number #${column} on line ${line}`);
  const character = cell.index;
  lines[line] = lines[line].slice(0, character) + newValue + lines[line].slice(character + cell[0].length);
  const offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  return { text: lines.join('\n'), line, character, length: newValue.length, offset };
}

/** The (0-based) position of the `column`-th number on the first line starting with `linePrefix`. */
export function cellPosition(text: string, linePrefix: string, column: number): { line: number; character: number } {
  const { line, character } = changeCell(text, linePrefix, column, 'x');
  return { line, character };
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * Seed 004 (宝丰县人民政府办公室 2023: 20 counted prose sentences) as last year's report: every year
 * one earlier, and the prose sentences ending at the first `k` 。 of non-table lines worded
 * otherwise — 20 − k of its sentences stand in this year's seed too (text-reuse tests).
 */
export function seedOfLastYear(k: number): string {
  let done = 0;
  return readSeed()
    .replace(/20(\d\d)/g, (_, y: string) => `20${String(Number(y) - 1).padStart(2, '0')}`)
    .split('\n')
    .map((line) => (line.includes('\t') ? line : line.replace(/。/g, (m) => (done < k ? `，另有新情况第${++done}项${m}` : m))))
    .join('\n');
}
