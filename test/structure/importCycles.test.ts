// No import cycles in server/src and client/src (type-only imports count too: a cycle of types is
// still two modules that cannot be read one without the other). Issue 16.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The relative modules a file imports: `import … from './x'`, `export … from './x'`, `import('./x')`. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const found = [`${base}.ts`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
    if (found) out.push(found);
  }
  return out;
}

/** Every cycle of the import graph, each once, as module paths relative to the repository. */
function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const found = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') {
        const cycle = stack.slice(stack.indexOf(g)).map((p) => path.relative(root, p));
        const key = [...cycle].sort().join(' ');
        if (!found.has(key)) found.set(key, cycle);
      } else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return [...found.values()];
}

describe('imports', () => {
  it.each(['server/src', 'client/src'])('%s has no import cycle', (dir) => {
    const found = cycles(sources(path.join(root, dir)));
    expect(found.map((c) => [...c, c[0]].join(' → '))).toEqual([]);
  });

  it('sees a cycle when there is one (the finder itself works)', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'cycles-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "export type B = import('./a').A;\n");
    expect(cycles(sources(dir)).length).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
