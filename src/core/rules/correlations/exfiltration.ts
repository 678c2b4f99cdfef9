// Data worth protecting (the whole environment, another tool's credentials, machine or user
// identifiers) whose value flows into a network request: its URL, headers or body. Followed
// backwards from the request's arguments through names, properties, string building,
// hashing and same-module calls; reading a secret near a request is not enough.
import { draftOf, type Draft } from '../findings';
import type { CorrelationRule, RelatedSpan } from '../types';
import type { Correlator } from './types';
import { callSteps, inOrder, list, stepAt } from './shared';
import { classifyHost } from '../../net/hosts';
import { isUnderDomain } from '../../catalog/vendors';
import { readsContent } from '../../js/derivation';
import { isFunction, type Node } from '../../js/ast';
import type { Marked } from './marks';
import type { ModuleAnalysis } from '../types';
import type { Reached } from '../../js/flow';
import { calleeRefOf } from '../../js/modules';

type Source = Marked<'source'>;

/**
 * Calls deep that a payload's value is followed into the helpers that return it, before each
 * costs a call of the search's depth: a machine fingerprint is built by a helper from hashed
 * signals that other helpers read (command-code: the id read four returns below the request's
 * body). Entered from its call, a return is that call's value alone.
 */
const RETURN_NESTING = 6;

/**
 * The sources whose data reaches `payload`. A source that names where data is (a credential
 * file's path, an id command) counts only through a read of that file or a run of that
 * command: a message quoting "~/.aws/credentials" sends a name, not the credentials.
 */
function sourcesReaching(payload: Node, fn: number, analysis: ModuleAnalysis, sourceMark: (node: Node) => Source[] | undefined): Array<Reached<Source[]>> {
  type Step = { sources: Source[] } | { read: Node };
  const reached = analysis.flow.origins<Step>(payload, fn, (node, at) => {
    // A call that runs a command printing a secret gives its output: the secret.
    const found = sourceMark(node)?.filter(s => !s.fact.named || (s.fact.runs && node.type === 'CallExpression'));
    if (found?.length) return { sources: found };
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && readsContent(node, analysis.index, at)) return { read: node };
    return undefined;
  }, undefined, undefined, undefined, RETURN_NESTING);
  const out: Array<Reached<Source[]>> = [];
  for (const r of reached) {
    if ('sources' in r.mark) {
      out.push({ ...r, mark: r.mark.sources });
      continue;
    }
    const call = r.mark.read;
    if (call.type !== 'CallExpression' || !call.arguments[0]) continue;
    // What is read or run: the value sources (an env value in a path) and the named ones; a
    // program's argument list too (`execFileSync("git", ["config", "user.email"])`).
    const named = takesArgumentList(call, r.fn, analysis) ? call.arguments.slice(0, 2) : call.arguments.slice(0, 1);
    // Inside the calls the search entered to reach the read, the command is what those very
    // calls give: a shared process runner's command from the caller followed, not from every
    // caller (`runner(e)` also runs `git config user.email` for another wrapper).
    // An identifier's value there only picks what is read: the account name given to `security
    // find-generic-password -a <user>` (Claude Code's keychain read) is not what the read returns.
    for (const given of named) {
      for (const inner of analysis.flow.origins(given as Node, r.fn, sourceMark, undefined, undefined, r.context, RETURN_NESTING)) {
        const read = inner.mark.filter(s => s.fact.named || s.fact.source !== 'fingerprint');
        if (read.length) out.push({ ...inner, mark: read, calls: [...r.calls, ...inner.calls] });
      }
    }
  }
  return out;
}

/** Process starts whose second argument is the program's argument list (`execFile(file, args, …)`). */
const WITH_ARGUMENT_LIST = new Set(['execFile', 'execFileSync', 'spawn', 'spawnSync']);

/** A process start given an argument list second (not options or a callback there). */
function takesArgumentList(call: Node & { type: 'CallExpression' }, fn: number, analysis: ModuleAnalysis): boolean {
  const list = call.arguments[1];
  if (!list || list.type === 'SpreadElement' || list.type === 'ObjectExpression' || isFunction(list as Node)) return false;
  const ref = calleeRefOf(call, analysis.lookup(fn));
  return ref?.module === 'child_process' && WITH_ARGUMENT_LIST.has(ref.path[ref.path.length - 1] ?? '');
}

export const exfiltration: CorrelationRule = {
  meta: {
    id: 'exfiltration',
    category: 'secrets',
    severity: 'high',
    title: 'Sensitive data sent over the network',
    description: "The value of a sensitive read (the whole environment, a credential store, machine or user identifiers) flows into a network request. High for the whole environment, another assistant's key store, or a credential sent to a known host other than the assistant's own; medium for identifiers and for a credential sent to a host computed at run time (how assistants attach their own login to their own API); low when the request goes to this machine (localhost), medium there for what would be high elsewhere.",
    messages: {
      sent: 'Sends {{what}} in a network request{{to}}',
    },
  },
  needs: ['env-harvest', 'credential-read', 'foreign-api-key-read', 'machine-id', 'host-info', 'git-identity', 'network-call'],
};

export const exfiltrationCorrelator: Correlator = {
  rules: [exfiltration],
  run({ marks, analysis }) {
    const added: Draft[] = [];
    // The assistant's own key store (info) flowing into its own API call is how it logs in.
    const sourceMark = marks.marker('source', m => m.draft.severity !== 'info');
    if (marks.all('source').length === 0) return { added };
    for (const sink of marks.all('sink')) {
      if (sink.fact.sink !== 'network') continue;
      const reached = sink.fact.payload.flatMap(p => sourcesReaching(p, sink.draft.fn, analysis, sourceMark));
      if (reached.length === 0) continue;
      const sources = [...new Set(reached.flatMap(r => r.mark))];
      const what = [...new Set(sources.map(s => s.fact.detail))];
      const host = sink.draft.fields.host;
      const cls = host ? classifyHost(host, analysis.target.ownVendors) : undefined;
      const foreignHost = !!cls && cls.kind !== 'localhost' && cls.kind !== 'dynamic' && !cls.own;
      // A credential sent to the service that issued it (a login token refreshed at its issuer) is used there, not taken.
      const toIssuer = (s: Marked<'source'>) => !!host && !!s.fact.issuers?.some(d => isUnderDomain(host, d));
      const high = sources.some(s => s.fact.source === 'env' || (s.fact.source === 'credential' && (s.draft.severity === 'high' || (foreignHost && !toIssuer(s)))));
      const issued = !high && sources.every(s => s.fact.source === 'credential' && toIssuer(s));
      // A request to this machine (a local daemon, a language server) carries nothing off it.
      const local = cls?.kind === 'localhost';
      const related: RelatedSpan[] = [
        ...sources.map(s => stepAt(s.draft)),
        ...reached.flatMap(r => callSteps(r.calls, analysis, 'the value passes')),
      ];
      added.push(
        draftOf(exfiltration.meta, {
          node: sink.draft,
          messageId: 'sent',
          data: { what: list(what), to: host ? ` to ${host}${local ? ' (this machine)' : issued ? ' (the service that issued it)' : ''}` : '' },
          // Local, the whole environment or a key store still goes to a process that may forward it: medium.
          severity: local ? (high ? 'medium' : 'low') : high ? 'high' : 'medium',
          evidence: [...new Set([...sink.draft.evidence, ...sources.flatMap(s => s.draft.evidence)])],
          related: inOrder(related),
          ...(host ? { host } : {}),
        }, sink.draft.fn),
      );
    }
    return { added };
  },
};
