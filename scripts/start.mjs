// `npm start`: check the example reports in examples/ with the freshly built CLI and say what to do next.
// The CLI exits 1 when it found problems — expected here, since examples/mistakes-2023.txt is wrong on
// purpose — so 0 and 1 both count as success; 2 (could not run / bad arguments) is a failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const args = process.argv.slice(2);
const targets = args.length > 0 ? args : ['examples']; // relative, so the output shows short paths

const run = spawnSync(process.execPath, [cli, ...targets], { stdio: 'inherit', cwd: root });
const code = run.status ?? 2;

console.log('');
if (code === 0 || code === 1) {
  console.log('以上是对示例年报的检查结果（examples/mistakes-2023.txt 故意写错了几处）。');
  console.log('检查自己的年报：node dist/cli.js 文件或文件夹 …    自动修正可确定的问题：node dist/cli.js --fix 文件');
  console.log('Above: the check of the example reports (examples/mistakes-2023.txt has deliberate mistakes).');
  console.log('Check your own: node dist/cli.js FILE-OR-FOLDER…    Apply the certain fixes: node dist/cli.js --fix FILE');
  process.exit(0);
}
console.error(`检查程序未能运行（退出码 ${code}）。 The checker could not run (exit code ${code}).`);
process.exit(code);
