// Config rule fixtures in RuleTester's spirit: a home and a workspace written as files (paths
// start with `home/` or `workspace/`), read by the real readers, one rule's findings returned.
import type { Finding } from '../../src/core/model';
import { auditConfigurations, type RuleSelection } from '../../src/core/audit';
import type { ConfigReader } from '../../src/core/config/types';
import { CONFIG_READERS } from '../../src/core/config/readers';
import { tempTree } from './tempTree';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ConfigCase {
  name: string;
  files: Record<string, string>;
  env?: Record<string, string>;
  /** Files to chmod after writing (relative path -> mode). */
  modes?: Record<string, number>;
  /** Folders to turn into git work trees (a `.git` folder is made in each). */
  git?: string[];
}

export function configFindings(ruleId: string, c: ConfigCase, readers: readonly ConfigReader[] = CONFIG_READERS): Finding[] {
  const root = tempTree(c.files, 'ata-config-');
  fs.mkdirSync(path.join(root, 'home'), { recursive: true });
  fs.mkdirSync(path.join(root, 'workspace'), { recursive: true });
  for (const [rel, mode] of Object.entries(c.modes ?? {})) fs.chmodSync(path.join(root, rel), mode);
  for (const dir of c.git ?? []) fs.mkdirSync(path.join(root, dir, '.git'), { recursive: true });
  const selection: RuleSelection = { rules: [], keep: new Set([ruleId]), unknown: [] };
  try {
    const targets = auditConfigurations({ sources: { home: path.join(root, 'home'), workspace: path.join(root, 'workspace'), env: c.env ?? {}, platform: 'linux' }, selection, readers });
    return targets.flatMap(t => t.findings).filter(f => f.ruleId === ruleId);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** `severity file:line:col message` of each finding, for compact table assertions. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map(f => `${f.severity} ${f.file}:${f.line}:${f.column} ${f.message}`);
}
