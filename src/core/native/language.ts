// What an embedded file holds, from its name and, when at hand, its first bytes.
import type { ModuleLanguage } from '../model';

const JS = /\.(js|cjs|mjs)$/i;

export function languageOf(name: string, head?: Buffer): ModuleLanguage {
  if (head && head.length >= 4) {
    const magic = head.readUInt32BE(0);
    if (magic === 0x0061736d) return 'wasm';
    if (magic === 0x7f454c46 || head.readUInt32LE(0) === 0xfeedfacf || magic === 0xcafebabe || (head[0] === 0x4d && head[1] === 0x5a)) return 'native';
    // zstd or gzip: `chart.umd.min.js` stored compressed is not JavaScript text.
    if (magic === 0x28b52ffd || head.readUInt16BE(0) === 0x1f8b) return isArchiveName(name) ? 'archive' : 'other';
  }
  if (JS.test(name)) return 'js';
  if (/\.json$/i.test(name)) return 'json';
  if (/\.wasm$/i.test(name)) return 'wasm';
  if (/\.(node|so(\.\d+)*|dylib|dll|exe)$/i.test(name)) return 'native';
  if (isArchiveName(name)) return 'archive';
  return 'other';
}

/** Gzipped or plain tarballs, which SEA builds use to carry a whole package. */
export function isArchiveName(name: string): boolean {
  return /\.(tgz|tar\.gz|tar)$/i.test(name);
}

/** Zip archives: browser extensions and plugin bundles shipped zipped, VS Code's `.vsix`. */
export function isZipName(name: string): boolean {
  return /\.(zip|vsix)$/i.test(name);
}
