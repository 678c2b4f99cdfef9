// `ai-tool-audit list`: the AI assistants installed here (or in another home), with why each
// was recognised. Reads files only.
import { discover, placesLookedAt, type Assistant } from '../core/discovery';
import { editorName } from '../core/discovery/editors';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';
import type { ScanError } from '../core/model';
import { printable } from '../core/text/safeText';
import { plural } from '../core/text/format';
import { formatMB } from '../core/scan/files';
import { parseArgs } from './args';
import { discoveryOptions } from './discoveryOptions';
import { displayPath, paint, styleFor, type TextStyle } from './text';

export const LIST_HELP = `Usage: ai-tool-audit list [--json] [--verbose] [--home DIR]

Lists the AI assistants installed for this user: extensions of VS Code, Insiders,
VSCodium, Cursor, Windsurf, Trae, Kiro, Positron, Qoder, code-server and the remote
servers, and command-line agents installed with npm, pnpm, yarn, bun, Volta, nvm, fnm,
asdf, mise, Homebrew, the vendors' own installers, pipx or uv. Each comes with the
reason it was recognised (the catalog, or AI traits in its package.json).
Reads files only: nothing it finds is run.

Options:
  --json       print { schemaVersion, tool, targets, errors } on stdout
  --verbose    also list every place looked in, and whether it exists
               (with --json: a "places" list of { what, path, exists })
  --home DIR   look in another home: per-user locations (and PATH entries, npm, nvm,
               Volta... folders under the current home) move under DIR
  --help       show this help`;

export function runList(argv: string[]): number {
  const args = parseArgs(argv, { flags: ['json', 'verbose', 'help'], values: ['home'] });
  if (args.flags.has('help')) {
    process.stdout.write(`${LIST_HELP}\n`);
    return 0;
  }
  const options = discoveryOptions(args.values.get('home'));
  const found = discover(options);
  const places = args.flags.has('verbose') ? placesLookedAt(options) : undefined;
  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify({ schemaVersion: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, targets: found.assistants, errors: found.errors, ...(places ? { places } : {}) }, null, 2)}\n`);
    return 0;
  }
  const style = styleFor(process.stdout);
  process.stdout.write(`${formatList(found.assistants, style)}\n`);
  if (places) {
    const existing = places.filter(p => p.exists).length;
    process.stdout.write(`\nLooked in ${places.length} places (${existing} exist, marked +):\n${places.map(p => `  ${p.exists ? '+' : ' '} ${printable(p.what)}: ${displayPath(p.path, style)}\n`).join('')}`);
  } else if (found.assistants.length === 0) {
    process.stdout.write(`\nLooked in:\n${(found.searched ?? []).map(s => `  ${printable(s)}\n`).join('')}Use --verbose to see every place, --home DIR for another user's home, or \`scan PATH\` for a folder or file anywhere.\n`);
  }
  if (found.errors.length) process.stdout.write(formatDiscoveryProblems(found.errors, style, 'while looking'));
  return 0;
}

/** What discovery could not read, one line each, after a blank line (`list`, and `scan` on stderr). */
export function formatDiscoveryProblems(errors: readonly ScanError[], style: TextStyle, heading: string): string {
  return `\n${plural(errors.length, 'problem')} ${heading}:\n${errors.map(e => `  ${displayPath(e.file, style)}: ${printable(e.message)}\n`).join('')}`;
}

export function formatList(assistants: readonly Assistant[], style: TextStyle): string {
  if (assistants.length === 0) return 'No AI assistants found.';
  const extensions = assistants.filter(a => a.kind === 'extension').length;
  const out = [`${plural(assistants.length, 'AI assistant')}: ${plural(extensions, 'editor extension')}, ${assistants.length - extensions} command-line`];
  for (const a of assistants) {
    const where = a.kind === 'extension' ? `extension in ${editorName(a.editor ?? '')}` : `cli via ${a.install}`;
    const vendor = a.vendor ? `  ${a.vendor}${a.country ? ` (${a.country})` : ''}` : '';
    const size = a.size !== undefined ? `, ${formatMB(a.size)}` : '';
    out.push('', `${paint(style, '1', printable(a.name))} ${printable(a.version ?? '')}  [${where}]${vendor}`);
    out.push(`    ${printable(a.instanceId)}  ${displayPath(a.root, style)}${size}`);
    out.push(`    why: ${printable(a.why.join('; '))}`);
    if (a.launchers?.length) out.push(`    runs as: ${a.launchers.map(l => displayPath(l, style)).join(', ')}`);
    if (a.note) out.push(`    note: ${printable(a.note)}`);
  }
  return out.join('\n');
}
