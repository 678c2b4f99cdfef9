// Reads of the user's locale or language: where the user is likely to be, and what language
// they read. Usually localisation; evidence only, low severity unless a gate compares it with
// region time zones or vendor names.
import { calledMethod, calleeOf, memberPath, propertyName, unwrapChain, type Node } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { envReadsAt } from './util/env';
import { envReadsOfKind } from './util/envByValue';
import { resolvedOptionReads } from './util/values';

const LOCALE_ENV = /^(LANG|LANGUAGE|LC_(ALL|CTYPE|COLLATE|MESSAGES|MONETARY|NUMERIC|TIME|ADDRESS|IDENTIFICATION|MEASUREMENT|NAME|PAPER|TELEPHONE))$/;

function isNavigator(node: Node): boolean {
  const path = memberPath(node);
  return path === 'navigator' || !!path?.endsWith('.navigator');
}

/** `vscode.env` in any spelling a bundler leaves (`x.env`, but not `process.env`). */
function isEditorEnv(node: Node): boolean {
  node = unwrapChain(node);
  if (node.type !== 'MemberExpression' || propertyName(node) !== 'env') return false;
  const owner = memberPath(node.object as Node);
  return owner !== 'process' && owner !== 'Bun' && node.object.type !== 'MetaProperty' && !owner?.endsWith('.process');
}

function isElectronApp(node: Node): boolean {
  const path = memberPath(node);
  return path === 'app' || !!path?.endsWith('.app');
}

export const localeProbe: Rule = {
  meta: {
    id: 'locale-probe',
    category: 'region',
    severity: 'low',
    title: 'Reads the user locale or language',
    description: 'Reads the locale (Intl resolvedOptions().locale, navigator.language, vscode.env.language, app.getLocale(), LANG/LC_* variables).',
    messages: {
      read: 'Reads {{what}}',
    },
  },
  triggers: ['locale', 'Locale', 'language', 'LANG', 'LC_'],
  create(ctx: RuleContext) {
    const report = (node: Node, what: string, evidence: string) => ctx.report({ node, messageId: 'read', data: { what }, evidence: [evidence], facts: [{ kind: 'probe', probe: 'locale' }] });
    const reads = (node: Node) => {
      const optionReads = resolvedOptionReads(node, 'locale', ctx);
      // Asked at every member expression: no iterator when there is nothing read.
      if (optionReads.length) for (const site of optionReads) report(site, 'the locale (Intl resolvedOptions().locale)', 'resolvedOptions().locale');
      const envReads = envReadsAt(node, ctx);
      if (envReads.length) for (const read of envReads) {
        if (LOCALE_ENV.test(read.name)) report(read.node, `the ${read.name} environment variable (locale)`, `env ${read.name}`);
      }
    };
    return {
      MemberExpression(node) {
        reads(node);
        const name = propertyName(node);
        // `vscode.env.language = createStub(…)` (a shim of the editor's API) sets it; nothing is read.
        const up = ctx.parent();
        if (up?.type === 'AssignmentExpression' && up.left === node) return;
        if ((name === 'language' || name === 'languages') && isNavigator(node.object as Node)) report(node, `navigator.${name}`, `navigator.${name}`);
        else if (name === 'language' && isEditorEnv(node.object as Node)) report(node, 'the editor display language (vscode.env.language)', 'vscode.env.language');
      },
      VariableDeclarator: reads,
      // `getEnv("LANG")` through a helper that reads the environment; a probe only where the value is a locale variable's alone (see endpoint-config-read).
      'Program:exit'() {
        for (const r of envReadsOfKind(ctx, name => LOCALE_ENV.test(name))) {
          ctx.report({
            node: r.node,
            messageId: 'read',
            data: { what: `the ${r.names.join(', ')} environment variable${r.names.length > 1 ? 's' : ''} (locale)` },
            evidence: r.names.map(n => `env ${n}`),
            related: r.related,
            ...(r.onlyThese ? { facts: [{ kind: 'probe' as const, probe: 'locale' as const }] } : {}),
          });
        }
      },
      CallExpression(node) {
        const method = calledMethod(node);
        if (method === 'getSystemLocale' || method === 'getPreferredSystemLanguages') report(node, `the system locale (${method})`, `${method}()`);
        else if (method === 'getLocale') {
          const callee = calleeOf(node);
          if (callee.type === 'MemberExpression' && isElectronApp(callee.object as Node)) report(node, 'the application locale (app.getLocale)', 'app.getLocale()');
        }
      },
    };
  },
};
