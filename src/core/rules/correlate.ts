// Turns co-located facts into the findings users care about: this file builds the scopes,
// the correlators in rules/correlations/ decide what a scope's facts amount to (a gate, an
// exfiltration, ...). Found by shape, not by names, so it holds in minified code.
//
// Scope (DESIGN.md): the innermost function plus the function enclosing it, unless that one
// is a module or bundle wrapper; never the whole module. Module-level statements (outside any
// function) count as one scope only in small files.
//
// Through calls: a correlator may follow a compared value back to where it was read, across
// same-module calls to depth 3 (`flows`, see callgraph.ts), so that a gate spread over small
// functions far apart is still one gate.
import type { Flows, TargetContext } from './types';
import { CORRELATORS } from './correlations';
import { followGates, linkCovertMarkers } from './correlations/where-it-goes';
import { WRAPPER_SIZE, type FunctionInfo, type RawFinding } from './raw';
import type { ModuleIndex } from '../js/moduleIndex';
import type { CallGraph } from '../js/callgraph';

const MODULE = -1;

export function correlate(findings: readonly RawFinding[], index: ModuleIndex, graph: CallGraph, text: string, target: TargetContext): RawFinding[] {
  const functions = index.functions;
  const flows: Flows = { sourcesOf: (node, fn) => graph.sourcesOf(node, fn) };
  const groups = new Map<number, RawFinding[]>();
  const add = (key: number, f: RawFinding) => {
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  };
  for (const f of findings) {
    if (f.facts.length === 0) continue;
    for (const key of scopesOf(f.fn, functions, text.length)) add(key, f);
  }

  const out: RawFinding[] = [];
  // Smaller scopes first: a closure's correlation is reported before the function around it,
  // and the outer scope reports again only if it is about findings the inner one was not.
  const ordered = [...groups.entries()].sort((a, b) => spanOf(a[0], functions, text) - spanOf(b[0], functions, text));
  for (const correlator of CORRELATORS) {
    const covered = new Set<RawFinding>();
    for (const [, members] of ordered) {
      const hit = correlator.detect(members, target, flows);
      if (!hit || hit.about.every(m => covered.has(m))) continue;
      for (const m of hit.about) covered.add(m);
      out.push(hit.finding);
    }
  }
  followGates(out, index, graph);
  linkCovertMarkers([...findings, ...out], index, graph);
  return out;
}

function scopesOf(fn: number, functions: readonly FunctionInfo[], textLength: number): number[] {
  if (fn === MODULE) return textLength <= WRAPPER_SIZE ? [MODULE] : [];
  const info = functions[fn];
  if (info.wrapper) return [];
  const keys = [fn];
  if (info.parent !== MODULE && !functions[info.parent].wrapper) keys.push(info.parent);
  return keys;
}

function spanOf(key: number, functions: readonly FunctionInfo[], text: string): number {
  return key === MODULE ? text.length : functions[key].end - functions[key].start;
}

