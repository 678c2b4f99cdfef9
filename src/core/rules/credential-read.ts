// Names of places that hold credentials: SSH keys, cloud and registry tokens, browser
// profiles, keychains, and other assistants' key stores. Spelled as literals, templates or
// path joins (`join(homedir(), ".aws", "credentials")`). Reading one's own key store is
// normal (info); another assistant's is high. Each is a `source` fact: exfiltration follows
// what is read into requests.
import { calledMethod, propertyName, staticString, unwrapChain, type Node } from '../js/ast';
import { moduleRefOf } from '../js/modules';
import { closedAtOnce, stringOpenMode } from './file-write';
import { everyUse } from '../js/nameUses';
import { settledValue, type ModuleIndex } from '../js/moduleIndex';
import { constantTexts } from '../js/constantText';
import { CREDENTIAL_STORES, SECRET_STORE_METHODS, type CredentialStore } from '../catalog/credentials';
import type { Severity } from '../model';
import { escapeRegExp } from '../catalog/keywords';
import type { ModuleAnalysis, RelatedSpan, Rule, RuleContext } from './types';
import { EQUALITY, firstSpellingByValue, isProse, joinedThrough, listName, listRole, onlyCompared, pathHandlers, spelledPath } from './util/paths';

export function credentialStoreFor(path: string): CredentialStore | undefined {
  if (path.length < 4 || path.length > 1024) return undefined;
  return CREDENTIAL_STORES.find(s => s.pattern.test(path));
}

/**
 * A keychain command naming the assistant's own service (`-s "Claude Code-credentials"`).
 * Only keychain commands: a home path such as `~/.ssh` never belongs to a vendor, whatever
 * the code around it names.
 */
function namesOwnVendor(ctx: RuleContext): boolean {
  const around = ctx.path.slice(-3).find(n => n.type === 'ArrayExpression' || n.type === 'TemplateLiteral' || n.type === 'CallExpression');
  const node = around ?? ctx.path[ctx.path.length - 1];
  if (node.end - node.start > 1000) return false;
  return ctx.keywords.find(ctx.text.slice(node.start, node.end)).some(h => ctx.target.ownVendors.includes(h.vendor.id));
}

/**
 * The service argument of a keychain command when it is not written out: the element after
 * `-s` in an argument list, or the value placed after `-s` in a command template.
 */
function serviceArgument(ctx: RuleContext): Node | undefined {
  for (const n of ctx.path.slice(-3).reverse()) {
    if (n.type === 'ArrayExpression') {
      const at = n.elements.findIndex(e => e && e.type !== 'SpreadElement' && staticString(e) === '-s');
      const next = at >= 0 ? n.elements[at + 1] : undefined;
      return next && next.type !== 'SpreadElement' && staticString(next) === undefined ? next : undefined;
    }
    if (n.type === 'TemplateLiteral') {
      const at = n.quasis.findIndex(q => /(?:^|\s)-s\s+["']?$/.test(q.value.cooked ?? ''));
      return at >= 0 && at < n.expressions.length ? (n.expressions[at] as Node) : undefined;
    }
  }
  return undefined;
}

/** A text a service name is made of: a literal, or a template with `*` for what it computes. */
function serviceText(node: Node, fn: number, index: ModuleIndex): string | undefined {
  const text = staticString(node);
  if (text !== undefined) return text;
  if (node.type !== 'TemplateLiteral') return undefined;
  // `${PRODUCT}${suffix}` with `var PRODUCT = "Claude Code"`: a name the file fixes is its text.
  const part = (e: Node): string => {
    const n = unwrapChain(e);
    const value = n.type === 'Identifier' ? settledValue(index, n.name, fn) : undefined;
    return (value && staticString(value.node)) ?? '*';
  };
  return node.quasis.map((q, i) => (q.value.cooked ?? '') + (i < node.expressions.length ? part(node.expressions[i] as Node) : '')).join('').replace(/\*{2,}/g, '*');
}

/** A path as evidence shows it: its first 200 characters. */
function shownPath(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

const TRIGGERS = ['.ssh', 'com.vercel.cli', '.augment', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', '.aws', 'npmrc', 'yarnrc', 'git-credentials', 'netrc', 'hosts.yml', '.docker', '.kube', 'pypirc', 'gcloud', '.azure',
  'Login Data', 'Cookies', 'Web Data', 'key4.db', 'logins.json', 'cookies.sqlite', 'Chrome', 'chrome', 'Chromium', 'chromium', 'Brave', 'Edge', 'firefox', 'Firefox',
  '.credentials.json', 'auth.json', 'oauth_creds', 'google_accounts', 'github-copilot', 'copilot-cli-', 'find-generic-password', 'find-internet-password', 'dump-keychain', 'secret-tool', 'cmdkey', 'CredRead', 'CredEnumerate',
  '.claude/projects', 'projects', 'agent-transcripts', 'sessions', 'session_index', 'opencode/storage', 'antigravity-cli', 'brain', 'conversations', 'chats', 'checkpoint',
  'print-access-token', 'print-identity-token', 'auth token', '"auth","token"', '"auth", "token"', "'auth','token'", "'auth', 'token'", 'get-access-token', 'doppler', 'credential fill', '"credential","fill"', '"credential", "fill"', "'credential','fill'", "'credential', 'fill'", 'git-credential-', 'op read', 'item get', 'aws_secret_access_key', 'aws_session_token', 'export-credentials', 'get-session-token'];
/** Most string literals name no credential store: skip them before spelling anything out. */
const HINT = new RegExp(TRIGGERS.map(escapeRegExp).join('|'));

export const credentialRead: Rule = {
  meta: {
    id: 'credential-read',
    category: 'secrets',
    severity: 'medium',
    title: 'Names a credential store',
    description: "SSH keys, ~/.aws/credentials, .npmrc, .git-credentials, .netrc, gh hosts.yml, Docker/Kubernetes/cloud CLI tokens, browser profiles, keychain commands (security find-generic-password, secret-tool), keytar-style getPassword, and other assistants' key stores (~/.claude/.credentials.json, ~/.codex/auth.json, ...).",
    messages: {
      store: 'Names a credential location: {{label}}{{whose}}',
      conversations: "Names another assistant's conversation transcripts: {{label}}",
      patterns: 'Lists a credential file among names or patterns paths are matched against (a deny list): {{label}}',
      compared: 'Lists a credential file among names paths are only compared with (a list never opened): {{label}}',
      comparedCommand: 'Lists a command that prints a credential among command lines only compared with (never run from the list): {{label}}',
      comparedPath: 'Compares a path with a credential location, a yes or no (the path is not opened here): {{label}}',
      touched: 'Creates a credential file if it is missing, reading nothing (opened to append and closed at once): {{label}}',
      keychain: 'Reads a secret from the system keychain ({{method}}("{{service}}", …))',
    },
  },
  triggers: [...TRIGGERS, ...SECRET_STORE_METHODS],
  create(ctx) {
    const check = (node: Node) => {
      const spelled = spelledPath(node, ctx);
      if (spelled === undefined) return;
      const store = credentialStoreFor(spelled);
      if (!store && spelled.includes('*') && HINT.test(spelled) && !listRole(ctx)) byValue.push({ node, fn: ctx.functionIndex(), ...(predicateOperand(ctx) ? { compared: true } : {}) });
      if (!store || (!store.command && isProse(spelled))) return;
      // A sentence naming the folder (`Claude stores sessions in ~/.claude/projects`) is help text.
      if (store.conversations && /\s/.test(spelled)) return;
      const role = listRole(ctx);
      if (role === 'data') return;
      const shown = shownPath(spelled);
      if (role === 'patterns') return reportPatterns(node, store, shown);
      // `(p) => p === join(gh, "hosts.yml")`: a predicate's yes or no, nothing opened.
      if (predicateOperand(ctx)) return ctx.report({ node, messageId: 'comparedPath', data: { label: store.label }, severity: 'low', evidence: [`path ${shown}`, `store ${store.label}`] });
      // `for (const p of [\`${home}/.netrc\`, …]) (await open(p, "a")).close()`: decided once the loop's calls resolve.
      const loop = loopOver(ctx);
      if (loop) {
        looped.push({ node, store, shown, own: store.vendor ? ownVendorStore(store) : false, ...loop, fn: ctx.functionIndex() });
        return;
      }
      // An element of a named list: a deny list if every use only compares with it, known after the walk.
      const own = store.vendor ? ownVendorStore(store) : store.command ? namesOwnVendor(ctx) : false;
      // A keychain command whose service name is computed (`-s ${service}`): decided once its value can be followed.
      const service = store.command && !own ? serviceArgument(ctx) : undefined;
      // A command line in a list of them (`["gh auth token", "git config --get"]`) runs only if the list is used otherwise.
      const inList = service ? undefined : listName(ctx);
      if (inList) {
        listed.push({ node, store, shown, own, ...inList });
        return;
      }
      if (service) pending.push({ node, store, shown, service, fn: ctx.functionIndex() });
      else reportStore(node, store, shown, own, [], undefined, joinedThrough(node, ctx));
    };
    /** A store of the assistant's own vendor (its login, its SDK's configuration). */
    const ownVendorStore = (store: CredentialStore): boolean => !!store.vendor && ctx.target.ownVendors.includes(store.vendor);
    // A deny list (info), or a list of names paths are only compared with (low: it may be a
    // wanted list, but the list itself opens nothing).
    const reportPatterns = (node: Node, store: CredentialStore, shown: string, role: 'deny' | 'compared' = 'deny') =>
      ctx.report({ node, messageId: role === 'deny' ? 'patterns' : store.command ? 'comparedCommand' : 'compared', data: { label: store.label }, severity: role === 'deny' ? 'info' : 'low', evidence: [`path ${shown}`, `store ${store.label}`] });
    /** One finding for a named store; `services`: the texts a keychain service was followed to. */
    const reportStore = (node: Node, store: CredentialStore, shown: string, own: boolean, services: readonly string[] = [], fn?: number, related?: readonly RelatedSpan[], runs = false) => {
      let severity: Severity = store.config ? 'low' : 'medium';
      let whose = '';
      // Known as the vendor's only from the dependency's folder name: its own SDK, but not proven.
      const byPath = !own && !!store.vendor && !!ctx.target.dependencyVendors?.includes(store.vendor);
      if (byPath) {
        whose = " (read by the vendor's own package, shipped as a dependency)";
      } else if (own) {
        severity = 'info';
        whose = " (the assistant's own vendor)";
      } else if (store.assistant) {
        severity = 'high';
        whose = " (another assistant's key store)";
      }
      ctx.report({
        node,
        messageId: store.conversations && !own && !byPath ? 'conversations' : 'store',
        data: { label: store.label, whose },
        severity,
        evidence: [`path ${shown}`, `store ${store.label}`, ...services.slice(0, 3).map(n => `service ${n.slice(0, 120)}`)],
        facts: [{ kind: 'source', source: 'credential', detail: store.label, named: true, ...(runs ? { runs: true as const } : {}), ...(store.issuers ? { issuers: store.issuers } : {}) }],
        ...(store.vendor ? { vendor: [store.vendor] } : {}),
        ...(fn !== undefined ? { fn } : {}),
        ...(related?.length ? { related } : {}),
      });
    };
    /** A keychain service named after the assistant's vendor, or after the product itself (`copilot-cli` in Copilot CLI). */
    const ownService = (service: string): boolean => {
      const spaced = service.toLowerCase().replace(/[\s_]+/g, '-');
      return ctx.keywords.find(service).some(h => ctx.target.ownVendors.includes(h.vendor.id)) || !!ctx.target.ownNames?.some(n => spaced.includes(n));
    };
    const reportKeychain = (node: Node, method: string, service: string, fn?: number) => {
      const own = ownService(service);
      ctx.report({
        node,
        messageId: 'keychain',
        data: { method, service },
        severity: own ? 'info' : 'medium',
        evidence: [`keychain service ${service}`, `call ${method}`],
        facts: [{ kind: 'source', source: 'credential', detail: `keychain ${service}` }],
        ...(fn !== undefined ? { fn } : {}),
      });
    };
    // Keychain reads whose service is a name: its fixed text is known once the file is read.
    const named: Array<{ node: Node & { type: 'CallExpression' }; method: string; fn: number }> = [];
    // Paths with a name in them that may hold the rest (`join(dir, "auth.json")`): spelled again after the walk, by value.
    const byValue: Array<{ node: Node; fn: number; compared?: true }> = [];
    const pending: Array<{ node: Node; store: CredentialStore; shown: string; service: Node; fn: number }> = [];
    const listed: Array<{ node: Node; store: CredentialStore; shown: string; own: boolean; name: string; fn: number }> = [];
    const looped: Array<{ node: Node; store: CredentialStore; shown: string; own: boolean; name: string; body: Node; fn: number }> = [];
    const paths = pathHandlers(ctx, HINT, check);
    return {
      'Program:exit'() {
        for (const l of looped) {
          if (onlyTouched(ctx.analysis(), l.name, l.body, l.fn)) ctx.report({ node: l.node, messageId: 'touched', data: { label: l.store.label }, severity: 'info', evidence: [`path ${l.shown}`, `store ${l.store.label}`], fn: l.fn });
          else reportStore(l.node, l.store, l.shown, l.own, [], l.fn);
        }
        for (const l of listed) {
          const role = onlyCompared(ctx.analysis().index, l.name, l.fn);
          if (role) reportPatterns(l.node, l.store, l.shown, role);
          else reportStore(l.node, l.store, l.shown, l.own, [], l.fn);
        }
        for (const { node, method, fn } of named) {
          const services = constantTexts(node.arguments[0] as Node, fn, ctx.analysis().index, node);
          if (services?.length === 1) reportKeychain(node, method, services[0], fn);
        }
        for (const { node, fn, compared } of byValue) {
          const first = firstSpellingByValue(node, fn, ctx, path => {
            const store = credentialStoreFor(path);
            return store && !store.command ? store : undefined;
          });
          if (first && compared) ctx.report({ node, messageId: 'comparedPath', data: { label: first.found.label }, severity: 'low', evidence: [`path ${shownPath(first.path)}`, `store ${first.found.label}`], fn, ...(first.related.length ? { related: first.related } : {}) });
          else if (first) reportStore(node, first.found, shownPath(first.path), ownVendorStore(first.found), [], fn, first.related);
        }
        for (const p of pending) {
          // The service names the key store: followed to the texts it is made of (`Claude Code${suffix}-credentials`).
          const index = ctx.analysis().index;
          const names = [...new Set(ctx.analysis().flow.origins(p.service, p.fn, (n, at) => serviceText(n, at, index)).map(r => r.mark))];
          const own = names.some(ownService);
          reportStore(p.node, p.store, p.shown, own, names, p.fn);
        }
      },
      Literal: paths.Literal,
      TemplateLiteral: paths.TemplateLiteral,
      CallExpression(node) {
        paths.CallExpression(node);
        // `run("gh", ["auth", "token", "--hostname", h])`: a program and its argument list, as spawn and its wrappers take them.
        const line = argumentLine(node);
        // A word of the list that names the store by itself (`"find-generic-password"`) is reported where it is written.
        const byLine = line === undefined || line.split(' ').some(w => credentialStoreFor(w)) ? undefined : credentialStoreFor(line);
        if (byLine?.command && line !== undefined) reportStore(node, byLine, shownPath(line), byLine.vendor ? ownVendorStore(byLine) : namesOwnVendor(ctx), [], undefined, undefined, true);
        const method = calledMethod(node);
        if (!method || !SECRET_STORE_METHODS.has(method) || node.arguments.length !== 2) return;
        const service = staticString(node.arguments[0]);
        // `getPassword(SERVICE, account)` with `SERVICE = "smithery"`: fixed once the file is read.
        if (service === undefined) return void named.push({ node, method, fn: ctx.functionIndex() });
        reportKeychain(node, method, service);
      },
    };
  },
};

/**
 * `(p) => p === join(dir, "hosts.yml")`, `return a === b || p !== X`: the node is one side of an
 * equality whose yes or no is all a function gives back.
 */
function predicateOperand(ctx: RuleContext): boolean {
  const parent = ctx.parent();
  if (parent?.type !== 'BinaryExpression' || !EQUALITY.has(parent.operator)) return false;
  let child: Node = parent;
  for (let depth = 2; depth < 8; depth++) {
    const up = ctx.parent(depth);
    if (up?.type === 'LogicalExpression' || (up?.type === 'UnaryExpression' && up.operator === '!') || up?.type === 'ParenthesizedExpression') {
      child = up;
      continue;
    }
    return up?.type === 'ReturnStatement' || (up?.type === 'ArrowFunctionExpression' && up.body === child);
  }
  return false;
}

/** The loop variable and body of `for (const p of [ …, <this literal>, … ])`. */
function loopOver(ctx: RuleContext): { name: string; body: Node } | undefined {
  const list = ctx.parent();
  const loop = ctx.parent(2);
  if (list?.type !== 'ArrayExpression' || loop?.type !== 'ForOfStatement' || loop.right !== list) return undefined;
  const declarator = loop.left.type === 'VariableDeclaration' && loop.left.declarations.length === 1 ? loop.left.declarations[0] : undefined;
  return declarator?.id.type === 'Identifier' ? { name: declarator.id.name, body: loop.body as Node } : undefined;
}

/**
 * Every use of the loop variable in its body makes sure the file exists and reads nothing: an
 * fs open to append or to create only if absent whose handle is closed at once, or the path
 * module's dirname (for the mkdir of its folder). Claude Code's sandbox does this for ~/.netrc
 * and ~/.npmrc before mounting them.
 */
function onlyTouched(analysis: ModuleAnalysis, name: string, body: Node, fn: number): boolean {
  let touches = 0;
  const complete = everyUse(analysis.index, fn, name, use => {
    if (use.node.start < body.start || use.node.end > body.end) return true;
    const at = use.ancestors.length - 1;
    const call = use.ancestors[at];
    if (call?.type !== 'CallExpression' || call.arguments[0] !== use.node) return false;
    const ref = moduleRefOf(call.callee as Node, analysis.lookup(use.fn));
    const last = ref?.path[ref.path.length - 1];
    if (ref?.module === 'path' && last === 'dirname') return true;
    if (ref?.module !== 'fs' || (last !== 'open' && last !== 'openSync')) return false;
    const flags = staticString(call.arguments[1] as Node);
    if (flags === undefined || stringOpenMode(flags) !== 'touch' || !closedAtOnce(use.ancestors, at, closesByName)) return false;
    touches++;
    return true;
  });
  return complete && touches > 0;
}

/** `closeSync(fd)`, `fs.close(fd)`: a call named like fs's close (the loop's module is read after the walk). */
function closesByName(callee: Node): boolean {
  return /^close(?:Sync)?$/.test(callee.type === 'Identifier' ? callee.name : propertyName(callee) ?? '');
}

/** A call's program and argument list as one command line (`"gh", ["auth", "token", h]`: `gh auth token *`), from the literals they start with. */
function argumentLine(call: Node & { type: 'CallExpression' }): string | undefined {
  const [program, list] = call.arguments;
  const name = program && staticString(program as Node);
  if (!name || /\s/.test(name) || list?.type !== 'ArrayExpression' || list.elements.length === 0) return undefined;
  const words: string[] = [name];
  for (const e of list.elements) {
    const word = e && e.type !== 'SpreadElement' ? staticString(e as Node) : undefined;
    if (word === undefined) {
      words.push('*');
      break;
    }
    words.push(word);
  }
  return words.length > 1 && words[1] !== '*' ? words.join(' ') : undefined;
}

