// Reads of the user's locale or language: where the user is likely to be, and what language
// they read. Usually localisation; evidence only, low severity unless correlated.
import { calledMethod, memberPath, propertyName, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { envReadsAt } from './util/env';
import { resolvedOptionReads } from './util/values';

const LOCALE_ENV = /^(LANG|LANGUAGE|LC_(ALL|CTYPE|COLLATE|MESSAGES|MONETARY|NUMERIC|TIME|ADDRESS|IDENTIFICATION|MEASUREMENT|NAME|PAPER|TELEPHONE))$/;
const fact = [{ kind: 'probe:locale' as const }];

function report(ctx: RuleContext, node: AstNode, message: string, evidence: string) {
  ctx.report(node, message, { evidence: [evidence], facts: fact });
}

function isNavigator(node: AstNode): boolean {
  const path = memberPath(node);
  return path === 'navigator' || !!path?.endsWith('.navigator');
}

/** `vscode.env` in any spelling a bundler leaves (`x.env`, but not `process.env`). */
function isEditorEnv(node: AstNode): boolean {
  node = unwrapChain(node);
  if (node.type !== 'MemberExpression' || propertyName(node) !== 'env') return false;
  const owner = memberPath(node.object);
  return owner !== 'process' && owner !== 'Bun' && node.object.type !== 'MetaProperty' && !owner?.endsWith('.process');
}

function isElectronApp(node: AstNode): boolean {
  const path = memberPath(node);
  return path === 'app' || !!path?.endsWith('.app');
}

export const localeProbe: Rule = {
  id: 'locale-probe',
  category: 'region',
  severity: 'low',
  title: 'Reads the user locale or language',
  description: 'Reads the locale (Intl resolvedOptions().locale, Intl.Locale, navigator.language, vscode.env.language, app.getLocale(), LANG/LC_* variables).',
  triggers: ['locale', 'Locale', 'language', 'LANG', 'LC_'],
  visitors: {
    MemberExpression(node, ctx) {
      for (const site of resolvedOptionReads(node, 'locale', ctx)) {
        report(ctx, site, 'Reads the locale (Intl resolvedOptions().locale)', 'resolvedOptions().locale');
      }
      const name = propertyName(node);
      if ((name === 'language' || name === 'languages') && isNavigator(node.object)) {
        report(ctx, node, `Reads navigator.${name}`, `navigator.${name}`);
      } else if (name === 'language' && isEditorEnv(node.object)) {
        report(ctx, node, 'Reads the editor display language (vscode.env.language)', 'vscode.env.language');
      } else if (name === 'Locale' && memberPath(node.object) === 'Intl') {
        report(ctx, node, 'Uses Intl.Locale', 'Intl.Locale');
      }
      for (const read of envReadsAt(node, ctx)) {
        if (LOCALE_ENV.test(read.name)) report(ctx, read.node, `Reads the ${read.name} environment variable (locale)`, `env ${read.name}`);
      }
    },
    VariableDeclarator(node, ctx) {
      for (const site of resolvedOptionReads(node, 'locale', ctx)) {
        report(ctx, site, 'Reads the locale (Intl resolvedOptions().locale)', 'resolvedOptions().locale');
      }
      for (const read of envReadsAt(node, ctx)) {
        if (LOCALE_ENV.test(read.name)) report(ctx, read.node, `Reads the ${read.name} environment variable (locale)`, `env ${read.name}`);
      }
    },
    CallExpression(node, ctx) {
      const method = calledMethod(node);
      if (method === 'getSystemLocale' || method === 'getPreferredSystemLanguages') {
        report(ctx, node, `Reads the system locale (${method})`, `${method}()`);
      } else if (method === 'getLocale' && isElectronApp(unwrapChain(node.callee).object)) {
        report(ctx, node, 'Reads the application locale (app.getLocale)', 'app.getLocale()');
      }
    },
  },
};
