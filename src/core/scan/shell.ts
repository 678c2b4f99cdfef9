// Shell scripts a package ships (install and update scripts, launchers, shims): their commands
// go to the rules that read shell commands (`shellCommand`: child-process, persistence-location),
// to config-tamper's check of what a command writes and to download-exec's of what it runs. A source of facts for the same rules,
// like the strings pass; the script is read, never run.
import type { Finding, ScanError } from '../model';
import type { Rule, ShellSite, TargetContext } from '../rules/types';
import { contextWithoutSyntax } from './strings';
import type { SourceScanResult } from './engine';
import { defaultKeywordMatcher, type KeywordMatcher } from '../catalog/keywords';
import { buildFindings, draftOf, type Draft } from '../rules/findings';
import { configTamper, shellConfigWrite } from '../rules/correlations/config-tamper';
import { downloadExec, shellDownloadRuns } from '../rules/correlations/download-exec';
import { shellScript, type ShellCommand } from '../shell/commands';
import { spellings } from '../shell/expand';

export interface ShellScanOptions {
  file: string;
  rules: readonly Rule[];
  target?: TargetContext;
  keywords?: KeywordMatcher;
}

export interface ShellScanResult {
  findings: Finding[];
  errors: ScanError[];
  /** The rules counted as run on the script (see SourceScanResult.rulesRun): all of them. */
  rulesRun: readonly string[];
  /** As a parsed file's (SourceScanResult.stats): no parse or walk to time, `nodes` the commands read. */
  stats: SourceScanResult['stats'];
}

export function scanShellScript(text: string, options: ShellScanOptions): ShellScanResult {
  const target = options.target ?? { ownVendors: [] };
  const keywords = options.keywords ?? defaultKeywordMatcher();
  const errors: ScanError[] = [];
  const drafts: Draft[] = [];
  const script = shellScript(text);
  const spell = (w: Parameters<ShellSite['spell']>[0]) => spellings(w, script.variables);
  const siteOf = (command: ShellCommand): ShellSite => ({ command, text: text.slice(command.pipedFrom?.start ?? command.start, command.end), spell });
  const handlers: Array<{ rule: Rule; handle: (site: ShellSite) => void }> = [];
  for (const rule of options.rules) {
    const handle = rule.create(contextWithoutSyntax(rule, { text, target, keywords, what: 'a shell script' }, d => drafts.push(d))).shellCommand;
    if (handle) handlers.push({ rule, handle });
  }
  // config-tamper needs the places persistence-location names and the writes file-write sees.
  const tamper = configTamper.needs.every(id => options.rules.some(r => r.meta.id === id));
  const failed = new Set<string>();
  for (const command of script.commands) {
    const site = siteOf(command);
    for (const { rule, handle } of handlers) {
      if (failed.has(rule.meta.id)) continue;
      try {
        handle(site);
      } catch (e) {
        failed.add(rule.meta.id);
        errors.push({ file: options.file, message: `rule ${rule.meta.id} failed on the shell script and was skipped for this file: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    if (!tamper) continue;
    const write = shellConfigWrite(site, target.ownVendors);
    if (write) drafts.push(draftOf(configTamper.meta, write, -1));
  }
  const runs = downloadExec.needs.every(id => options.rules.some(r => r.meta.id === id));
  if (runs) for (const d of shellDownloadRuns(script.commands, spell, text)) drafts.push(draftOf(downloadExec.meta, d, -1));
  return {
    findings: buildFindings(drafts, { text, file: options.file, functions: [], partial: false }),
    errors,
    // Every rule counts as run: a rule that gains a shell handler must not find an old entry still good (worker/resultCache.ts).
    rulesRun: [...options.rules.map(r => r.meta.id), ...(tamper ? [configTamper.meta.id] : []), ...(runs ? [downloadExec.meta.id] : [])],
    stats: { parsed: true, parseMs: 0, walkMs: 0, decodeMs: 0, linkMs: 0, nodes: script.commands.length },
  };
}
