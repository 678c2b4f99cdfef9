// Reads of another AI vendor's API key from the environment (`OPENAI_API_KEY` in an
// Anthropic tool). Multi-provider tools do this by design; for a single-vendor assistant it
// says it looks for keys it has no use for.
import { distinctVendors, type KeywordMatcher } from '../catalog/keywords';
import { vendorById } from '../catalog/vendors';
import type { Node } from '../js/ast';
import type { ReportDescriptor, Rule } from './types';
import { envReadsAt } from './util/env';
import { envReadsOfKind } from './util/envByValue';

/** API keys and tokens; client secrets of cloud identity (AZURE_CLIENT_SECRET) are not model API keys. */
const KEY_NAME = /(?:^|_)(?:API_?KEY|APIKEY|ACCESS_TOKEN|AUTH_TOKEN|TOKEN|SECRET_KEY)$/i;

/**
 * Tokens a server publishes for a vendor to check that it owns a domain or an app
 * (`OPENAI_APPS_CHALLENGE_TOKEN`, served at a well-known URL): public by design, no API key.
 */
const PUBLIC_TOKEN = /(?:^|_)(?:CHALLENGE|VERIFICATION|VERIFY|SITE_VERIFICATION)_TOKEN$/i;

/** Vendors whose keys have no keyword in their variable name. */
const KEY_VENDORS: Record<string, string> = {
  GOOGLE_API_KEY: 'google',
  GOOGLE_GENERATIVE_AI_API_KEY: 'google',
  HF_TOKEN: 'huggingface',
  HUGGING_FACE_HUB_TOKEN: 'huggingface',
  DASHSCOPE_API_KEY: 'alibaba',
  ARK_API_KEY: 'bytedance',
  ZAI_API_KEY: 'zhipu',
};

/**
 * Vendor ids an environment variable name holds a key for (empty if it is not a key). A name
 * that starts with the assistant's own product name (`CLAUDE_FLOW_` in claude-flow) is one of
 * its own settings: only the rest of it can name a vendor (`CLAUDE_FLOW_OPENAI_API_KEY`).
 */
export function apiKeyVendors(name: string, keywords: KeywordMatcher, ownNames: readonly string[] = []): string[] {
  if (!KEY_NAME.test(name) || PUBLIC_TOKEN.test(name)) return [];
  const own = ownNames.filter(isCompoundName).map(envPrefix).find(prefix => name.toUpperCase().startsWith(prefix) && !BARE_KEY.test(name.slice(prefix.length)));
  const rest = own ? name.slice(own.length) : name;
  const known = KEY_VENDORS[rest.toUpperCase()];
  if (known) return [known];
  return distinctVendors(keywords.find(rest.replace(/_/g, ' '))).map(v => v.id);
}

/**
 * A product name of two words or more (`claude-flow`): one word may be a vendor's own name
 * (a package named `deepseek` reading `DEEPSEEK_API_KEY` reads DeepSeek's key).
 */
function isCompoundName(product: string): boolean {
  return /[a-z0-9][^a-z0-9]+[a-z0-9]/i.test(product);
}

/** What is left of `GEMINI_API_KEY` after a `GEMINI_API_` prefix: the key's own suffix names no setting of the product. */
const BARE_KEY = /^(?:API_?KEY|APIKEY|ACCESS_TOKEN|AUTH_TOKEN|TOKEN|SECRET_KEY|KEY)$/i;

/** `claude-flow` -> `CLAUDE_FLOW_`: how a product names its own environment variables. */
function envPrefix(product: string): string {
  return `${product.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_`;
}

/** A table's keys can be many: the message names a few, the evidence all. */
function shortList(items: readonly string[]): string {
  return items.length > 4 ? `${items.slice(0, 4).join(', ')} and ${items.length - 4} more` : items.join(', ');
}

export const foreignApiKeyRead: Rule = {
  meta: {
    id: 'foreign-api-key-read',
    category: 'secrets',
    severity: 'low',
    title: "Reads another vendor's API key",
    description: "Reads an environment variable holding the API key or token of an AI vendor other than the assistant's own (OPENAI_API_KEY, DEEPSEEK_API_KEY, GEMINI_API_KEY, ...).",
    messages: {
      read: "Reads another vendor's API key: {{name}} ({{vendors}})",
    },
  },
  triggers: ['KEY', 'TOKEN', 'SECRET', 'key', 'token'],
  create(ctx) {
    const report = (at: Node, found: ReadonlyArray<{ name: string; vendors: readonly string[] }>, related?: ReportDescriptor['related']) => {
      const names: string[] = [];
      const vendors: string[] = [];
      for (const f of found) {
        if (!names.includes(f.name)) names.push(f.name);
        for (const v of f.vendors) if (!vendors.includes(v)) vendors.push(v);
      }
      ctx.report({
        node: at,
        messageId: 'read',
        data: { name: shortList(names), vendors: shortList(vendors.map(v => vendorById(v)?.name ?? v)) },
        evidence: [...names.map(n => `env ${n}`), ...vendors.map(v => `vendor ${v}`)],
        vendor: vendors,
        country: [...new Set(vendors.map(v => vendorById(v)?.country).filter((c): c is string => !!c))],
        ...(related?.length ? { related } : {}),
      });
    };
    const foreignOf = (name: string) => apiKeyVendors(name, ctx.keywords, ctx.target.ownNames).filter(v => !ctx.target.ownVendors.includes(v));
    const check = (node: Node) => {
      const envReads = envReadsAt(node, ctx);
      // Asked at every member expression: no iterator when there is nothing read.
      if (!envReads.length) return;
      // A key looked up in a table (`process.env[KEYS[provider]]`) is one finding at the lookup, naming every key it can be.
      const byNode = new Map<Node, Array<{ name: string; vendors: string[] }>>();
      for (const read of envReads) {
        const vendors = foreignOf(read.name);
        if (vendors.length === 0) continue;
        const known = byNode.get(read.node);
        if (known) known.push({ name: read.name, vendors });
        else byNode.set(read.node, [{ name: read.name, vendors }]);
      }
      for (const [at, found] of byNode) report(at, found);
    };
    return {
      MemberExpression: check,
      VariableDeclarator: check,
      // A key passed to a helper that reads the environment (`readEnv("OPENAI_API_KEY")`):
      // reported where the name is passed, with the read and the spelled names as related places.
      'Program:exit'() {
        for (const r of envReadsOfKind(ctx, name => foreignOf(name).length > 0)) report(r.node, r.names.map(name => ({ name, vendors: foreignOf(name) })), r.related);
      },
    };
  },
};
