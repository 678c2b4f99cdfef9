// A RuleTester in the spirit of ESLint's: tables of code a rule must flag (with the exact
// spot) and look-alikes it must leave alone.
import * as assert from 'node:assert/strict';
import type { Finding, Severity } from '../../src/core/model';
import type { Rule, TargetContext } from '../../src/core/rules/types';
import { scanSource } from '../../src/core/scan/engine';
import { LineIndex } from '../../src/core/scan/locate';

export interface InvalidCase {
  name: string;
  code: string;
  /** Substring where each finding must start, in order (first occurrence after the previous). */
  at: string[];
  severity?: Severity;
  /** Each evidence string must appear in the finding at the same index. */
  evidence?: string[];
  message?: RegExp;
  target?: TargetContext;
}

export interface ValidCase {
  name: string;
  code: string;
  target?: TargetContext;
}

export function scanWith(rules: Rule[], code: string, target?: TargetContext): Finding[] {
  const result = scanSource(code, { file: 'fixture.js', rules, target });
  assert.deepEqual(result.errors, [], 'fixture must parse cleanly');
  return result.findings;
}

export function runRuleTable(rule: Rule, table: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.id}: flags`, () => {
    for (const c of table.invalid) {
      it(c.name, () => {
        const findings = scanWith([rule], c.code, c.target).filter(f => f.ruleId === rule.id);
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
        }
        c.evidence?.forEach((e, i) => assert.ok(findings[i].evidence.some(x => x.includes(e)), `evidence ${JSON.stringify(findings[i].evidence)} lacks "${e}"`));
      });
    }
  });
  describe(`${rule.id}: leaves alone`, () => {
    for (const c of table.valid) {
      it(c.name, () => {
        const findings = scanWith([rule], c.code, c.target).filter(f => f.ruleId === rule.id);
        assert.deepEqual(findings.map(f => `${f.line}:${f.column} ${f.message}`), []);
      });
    }
  });
}
