// `npm run bench:discovery`: how long discovery takes on a home with 300 extensions (the fake
// home of the tests plus ordinary extensions in VS Code's extensions.json and in Cursor's
// folder listing) and all its command-line installs. Prints figures; asserts nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discover } from '../src/core/discovery';
import { addPlainExtensions, buildFakeHome } from '../test/helpers/fakeHome';

function main(): void {
  const runs = Math.max(2, Number(process.argv.find(a => a.startsWith('--runs='))?.slice(7) ?? 20));
  const fake = buildFakeHome();
  const editorFolders = ['.vscode/extensions', '.cursor/extensions', '.vscode-server/extensions', '.local/share/code-server/extensions'];
  const countFolders = () => editorFolders.reduce((n, d) => n + fs.readdirSync(path.join(fake.home, d), { withFileTypes: true }).filter(e => e.isDirectory()).length, 0);
  const missing = 300 - countFolders();
  addPlainExtensions(path.join(fake.home, '.vscode/extensions'), Math.ceil(missing / 2));
  addPlainExtensions(path.join(fake.home, '.cursor/extensions'), Math.floor(missing / 2));
  const options = { env: fake.env, home: fake.home, platform: 'linux' as const };
  try {
    // Wall time, and CPU time of this process (user + system), which other load on a shared
    // machine disturbs much less.
    const wall: number[] = [];
    const cpu: number[] = [];
    let assistants = 0;
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      assistants = discover(options).assistants.length;
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const row = (label: string, xs: number[]) => `${label}\tfirst ${xs[0].toFixed(1)}\tmedian of the rest ${median(xs.slice(1)).toFixed(1)}\tslowest ${Math.max(...xs).toFixed(1)}\n`;
    process.stdout.write(`extension folders\t${countFolders()}\nassistants found\t${assistants}\nruns\t${runs}\n`);
    process.stdout.write(row('wall ms', wall) + row('cpu ms', cpu));
    const corpus = path.resolve('.cache/corpus');
    if (fs.existsSync(corpus)) {
      // Real package trees (thousands of files, platform binaries) cost more to measure than the fake ones.
      const extraPaths = fs.readdirSync(corpus).map(d => path.join(corpus, d, 'package')).filter(d => fs.existsSync(d));
      const real = { env: {}, home: fake.home, platform: 'linux' as const, editors: [], clis: false, extraPaths };
      const realWall: number[] = [];
      const realCpu: number[] = [];
      for (let i = 0; i < Math.min(runs, 5); i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        discover(real);
        realWall.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        realCpu.push((c.user + c.system) / 1000);
      }
      process.stdout.write(`corpus packages\t${extraPaths.length} (extra paths, sizes of real trees)\n${row('  wall ms', realWall)}${row('  cpu ms', realCpu)}`);
    }
    process.stdout.write(`peak RSS MB\t${Math.round(process.resourceUsage().maxRSS / 1024)}\ntarget\tunder 300 ms\n`);
  } finally {
    fs.rmSync(fake.home, { recursive: true, force: true });
  }
}

main();
