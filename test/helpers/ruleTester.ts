// A RuleTester in the spirit of ESLint's: tables of code a rule must flag (with the exact
// spot) and look-alikes it must leave alone; the same for package.json and manifest rules.
import * as assert from 'node:assert/strict';
import { byPosition, type Finding, type Severity } from '../../src/core/model';
import type { ManifestRule, Rule, TargetContext } from '../../src/core/rules/types';
import { scanManifestText } from '../../src/core/scan/manifest';
import { scanSource } from '../../src/core/scan/engine';
import { LineIndex } from '../../src/core/text/lines';
import { MAX_MESSAGE } from '../../src/core/rules/findings';

export interface InvalidCase {
  name: string;
  code: string;
  /** Substring where each finding must start, in order (first occurrence after the previous). */
  at: string[];
  severity?: Severity;
  /** Each evidence string must appear in the finding at the same index. */
  evidence?: string[];
  /** Each of these must appear in the evidence of every finding. */
  allEvidence?: string[];
  message?: RegExp;
  /** The finding's structured `host` (given as undefined: it must have none). */
  host?: string;
  /** Each of these must start the message of one of every finding's related places. */
  related?: string[];
  target?: TargetContext;
  /** Other rules to run beside the one under test (facts a correlation needs). */
  with?: Rule[];
}

export interface ValidCase {
  name: string;
  code: string;
  target?: TargetContext;
  with?: Rule[];
}

export function scanWith(rules: Rule[], code: string, target?: TargetContext): Finding[] {
  const result = scanSource(code, { file: 'fixture.js', rules, target });
  assert.deepEqual(result.errors, [], 'fixture must parse cleanly');
  for (const f of result.findings) {
    assert.ok(Object.isFrozen(f), 'findings are frozen');
    assert.ok(f.message.length <= MAX_MESSAGE, `message over ${MAX_MESSAGE} characters: ${f.message}`);
  }
  return result.findings;
}

export function runRuleTable(rule: Rule, table: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  describe(`${id}: flags`, () => {
    for (const c of table.invalid) {
      it(c.name, () => {
        const findings = scanWith([rule, ...(c.with ?? [])], c.code, c.target).filter(f => f.ruleId === id);
        const lines = new LineIndex(c.code);
        let from = 0;
        const expected = c.at.map(s => {
          const offset = c.code.indexOf(s, from);
          assert.ok(offset >= 0, `test bug: "${s}" not in code`);
          from = offset + 1;
          return lines.positionAt(offset);
        });
        const actual = findings.map(f => ({ line: f.line, column: f.column })).sort((a, b) => a.line! - b.line! || a.column! - b.column!);
        assert.deepEqual(actual, expected, `findings: ${JSON.stringify(findings.map(f => f.message))}`);
        for (const f of findings) {
          if (c.severity) assert.equal(f.severity, c.severity);
          if (c.message) assert.match(f.message, c.message);
          if ('host' in c) assert.equal(f.host, c.host);
          for (const r of c.related ?? []) assert.ok(f.related?.some(x => x.message.startsWith(r)), `related ${JSON.stringify(f.related?.map(x => x.message))} lacks "${r}"`);
        }
        for (const f of findings) {
          for (const e of c.allEvidence ?? []) assert.ok(f.evidence.some(x => x.includes(e)), `evidence ${JSON.stringify(f.evidence)} lacks "${e}"`);
        }
        c.evidence?.forEach((e, i) => assert.ok(findings[i].evidence.some(x => x.includes(e)), `evidence ${JSON.stringify(findings[i].evidence)} lacks "${e}"`));
      });
    }
  });
  describe(`${id}: leaves alone`, () => {
    for (const c of table.valid) {
      it(c.name, () => {
        const findings = scanWith([rule, ...(c.with ?? [])], c.code, c.target).filter(f => f.ruleId === id);
        assert.deepEqual(findings.map(f => `${f.line}:${f.column} ${f.message}`), []);
      });
    }
  });
}

export interface ManifestCase {
  name: string;
  /** package.json text. */
  json: string;
  /** Substring where each finding must start, in order. */
  at?: string[];
  severity?: Severity;
  message?: RegExp;
  target?: TargetContext;
  /** Files of the package by relative path, for `fileHead`. */
  files?: Record<string, Buffer>;
}

export function scanManifestWith(rule: ManifestRule, c: ManifestCase): Finding[] {
  const head = (rel: string) => c.files?.[rel]?.subarray(0, 64);
  const result = scanManifestText(c.json, [rule], c.target ?? { ownVendors: [] }, head);
  assert.deepEqual(result.errors, [], 'manifest must parse cleanly');
  return result.findings;
}

/** Like runRuleTable, over package.json texts. */
export function runManifestTable(rule: ManifestRule, table: { valid: ManifestCase[]; invalid: ManifestCase[] }): void {
  const id = rule.meta.id;
  describe(`${id}: flags`, () => {
    for (const c of table.invalid) {
      it(c.name, () => {
        const findings = scanManifestWith(rule, c);
        const lines = new LineIndex(c.json);
        let from = 0;
        const expected = (c.at ?? []).map(s => {
          const offset = c.json.indexOf(s, from);
          assert.ok(offset >= 0, `test bug: "${s}" not in the manifest`);
          from = offset + 1;
          return lines.positionAt(offset);
        });
        const actual = [...findings].sort(byPosition).map(f => ({ line: f.line, column: f.column }));
        assert.deepEqual(actual, expected, `findings: ${JSON.stringify(findings.map(f => f.message))}`);
        for (const f of findings) {
          assert.equal(f.file, 'package.json');
          if (c.severity) assert.equal(f.severity, c.severity);
          if (c.message) assert.match(f.message, c.message);
        }
      });
    }
  });
  describe(`${id}: leaves alone`, () => {
    for (const c of table.valid) {
      it(c.name, () => assert.deepEqual(scanManifestWith(rule, c).map(f => `${f.line}:${f.column} ${f.message}`), []));
    }
  });
}
