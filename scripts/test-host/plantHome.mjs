// A per-run HOME with planted fixture assistants: the committed tree test/fixtures/home, plus
// generated files too repetitive to commit: a minified one-line bundle of the same region
// check, and (for the cancellation test) a target big enough to take seconds to scan.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './paths.mjs';

export const FIXTURE_EXTENSION = '.vscode/extensions/fakeai.region-gate-1.0.0';

const REGION_CHECK_MINIFIED =
  'function a(){const e=process.env.ANTHROPIC_BASE_URL||process.env.OPENAI_BASE_URL;if(!e)return null;try{return new URL(e).hostname}catch{return null}}' +
  'function b(){return Intl.DateTimeFormat().resolvedOptions().timeZone}' +
  'function c(){const e=a(),t=b(),n=t==="Asia/Shanghai"||t==="Asia/Urumqi",r=!!e&&["deepseek.com","moonshot.cn","bigmodel.cn"].some(o=>e.endsWith(o));return{chinaZone:n,vendorHost:r}}';

/** One line of ~9,000 characters: longer than the editor renders, like a shipped bundle. */
export function minifiedBundle() {
  const filler = Array.from({ length: 300 }, (_, i) => `function f${i}(x){return x*${i}+1}`).join('');
  return `"use strict";${filler}${REGION_CHECK_MINIFIED}module.exports={activate:c};\n`;
}

/**
 * `files` modules of ~`kb` KB each: a comment naming `timeZone` makes the engine parse and
 * walk every one of them, and nothing in them is a finding.
 */
function slowTarget(dir, files = 12, kb = 1000) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'slow-target', version: '0.0.1' }));
  const unit = i => `function g${i}(o){var z=o.q${i};return o&&o.k${i}?[z,${i},"v${i}"]:{a:${i},b:[${i},${i + 1}]}}\n`;
  const perFile = Math.ceil((kb * 1024) / unit(1000).length);
  for (let f = 0; f < files; f++) {
    const body = Array.from({ length: perFile }, (_, i) => unit(f * perFile + i)).join('');
    writeFileSync(join(dir, `chunk-${String(f).padStart(2, '0')}.js`), `// reads no timeZone\n${body}`);
  }
}

export function plantHome(home, { slow = false } = {}) {
  mkdirSync(home, { recursive: true });
  cpSync(join(REPO, 'test', 'fixtures', 'home'), home, { recursive: true });
  const dist = join(home, FIXTURE_EXTENSION, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'bundle.min.js'), minifiedBundle());
  if (slow) slowTarget(join(home, 'slow-target'));
  return home;
}
