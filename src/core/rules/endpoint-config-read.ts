// Reads of settings that steer where requests go: API base URLs, endpoints and proxies.
// Normal configuration on its own; compared with vendor lists it becomes a gate
// (correlations/region-gating.ts).
import { calledMethod, calleeOf, staticString, unwrapChain, type Node } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { envReadsAt } from './util/env';
import { envReadsOfKind } from './util/envByValue';

// The server an app talks to (`CODEBUFF_APP_URL`, `…_SERVER_URL`, `…_HOST_URL`) is where its
// requests go as much as `…_BASE_URL`; a bare `…_URL` (`DATABASE_URL`, `WEBHOOK_URL`) is not.
const ENDPOINT_ENV = /^(?:[a-z0-9]+_)+(?:BASE_URL|API_BASE|ENDPOINT|API_URL|BASEURL|HOST|(?:APP|SERVER|BACKEND|GATEWAY|HOST)_URL)$/i;
/**
 * `*_HOST` names that are not where API requests go: databases and mail, the Docker daemon,
 * Kubernetes service discovery (`KUBERNETES_SERVICE_HOST`, read to tell a pod), and flags
 * such as `…_MANAGED_BY_HOST`.
 */
const NOT_API_HOST = /^(?:[a-z0-9]+_)*(?:DB|DATABASE|REDIS|MYSQL|POSTGRES|PG|SMTP|MAIL|DOCKER|SERVICE|BY)_HOST$/i;
const PROXY_ENV = /^(?:HTTPS?_PROXY|ALL_PROXY|NO_PROXY|npm_config_[a-z_]*proxy)$/i;

/**
 * NO_PROXY lists the hosts that skip the proxy: reading it is proxy configuration, but its
 * value is no endpoint or proxy a gate could test, and matching a request's host against it
 * (with vendor hosts in the same file) is how every HTTP client works. Not a probe.
 */
function isBypassList(name: string): boolean {
  return /^no_proxy$/i.test(name);
}

/** Endpoints of telemetry and error reporting (`POSTHOG_HOST`, `OTEL_EXPORTER_OTLP_ENDPOINT`, `SENTRY_…`): where usage data goes. */
const TELEMETRY_ENV = /(?:^|_)(?:POSTHOG|OTEL|OTLP|SENTRY|DATADOG|DD|AMPLITUDE|SEGMENT|MIXPANEL|STATSIG|TELEMETRY|ANALYTICS|METRICS)(?:_|$)/i;

/** What a variable of this kind decides, as the message says it. */
function whatItDecides(kind: 'endpoint' | 'proxy', names: readonly string[]): string {
  if (kind === 'proxy') return 'proxy setting';
  return names.every(n => TELEMETRY_ENV.test(n)) ? 'where telemetry is sent' : 'where API requests go';
}

export function endpointVariableKind(name: string): 'endpoint' | 'proxy' | undefined {
  if (PROXY_ENV.test(name)) return 'proxy';
  if (ENDPOINT_ENV.test(name) && !NOT_API_HOST.test(name)) return 'endpoint';
  return undefined;
}

/** `getConfiguration("http")` directly or through a variable. */
function isHttpConfiguration(node: Node | undefined, ctx: RuleContext, depth = 0): boolean {
  if (!node || depth > 4) return false;
  node = unwrapChain(node);
  if (node.type === 'Identifier') {
    const bound = ctx.resolve(node);
    return !!bound && bound.type !== 'Identifier' && isHttpConfiguration(bound, ctx, depth + 1);
  }
  return node.type === 'CallExpression' && calledMethod(node) === 'getConfiguration' && staticString(node.arguments[0]) === 'http';
}

export const endpointConfigRead: Rule = {
  meta: {
    id: 'endpoint-config-read',
    category: 'network',
    severity: 'low',
    title: 'Reads the API endpoint or proxy configuration',
    description: 'Reads environment variables or settings that decide where requests go: *_BASE_URL, *_API_BASE, *_ENDPOINT, *_API_URL, *_HOST, *_APP_URL, *_SERVER_URL, HTTP(S)_PROXY, ALL_PROXY, NO_PROXY, npm_config_*proxy, http.proxy.',
    messages: {
      env: 'Reads {{name}} ({{what}})',
      named: 'Reads {{name}} ({{what}}) from a settings object keyed by the variable name',
      setting: 'Reads the editor proxy setting (http.proxy)',
    },
  },
  triggers: ['BASE_URL', 'API_BASE', 'ENDPOINT', 'API_URL', 'BASEURL', '_HOST', 'APP_URL', 'SERVER_URL', 'BACKEND_URL', 'GATEWAY_URL', 'PROXY', 'proxy'],
  triggersIgnoreCase: true,
  create(ctx) {
    /**
     * `a.ANTHROPIC_BASE_URL` on an object that is not the environment itself: a settings object
     * keyed by the variable's name (Claude Code's accessors, getters over `process.env` built in
     * another module of its executable). The value is that setting, whatever it is read from.
     */
    const named = (node: Node & { type: 'MemberExpression' }) => {
      if (node.computed || node.property.type !== 'Identifier' || !/^[A-Z][A-Z0-9_]+$/.test(node.property.name)) return;
      const name = node.property.name;
      const kind = endpointVariableKind(name);
      const parent = ctx.parent();
      // Written, counted or deleted (`delete env.NO_PROXY`, sandbox-runtime): not read.
      if (!kind || (parent?.type === 'AssignmentExpression' && parent.left === node) || parent?.type === 'UpdateExpression' || (parent?.type === 'UnaryExpression' && parent.operator === 'delete')) return;
      // Info: a bundle keeps many such keys (config constants, attribute names); what matters is
      // the probe, which a gate on the value turns into a finding of its own.
      ctx.report({
        node,
        messageId: 'named',
        data: { name, what: whatItDecides(kind, [name]) },
        severity: 'info',
        evidence: [`property ${name}`],
        ...(isBypassList(name) ? {} : { facts: [{ kind: 'probe' as const, probe: kind, detail: name }] }),
      });
    };
    const reads = (node: Node) => {
      const envReads = envReadsAt(node, ctx);
      if (node.type === 'MemberExpression' && envReads.length === 0) named(node);
      // Asked at every member expression: no iterator when there is nothing read.
      if (envReads.length) for (const read of envReads) {
        const kind = endpointVariableKind(read.name);
        if (!kind) continue;
        ctx.report({
          node: read.node,
          messageId: 'env',
          data: { name: read.name, what: whatItDecides(kind, [read.name]) },
          evidence: [`env ${read.name}`],
          ...(isBypassList(read.name) ? {} : { facts: [{ kind: 'probe' as const, probe: kind, detail: read.name }] }),
        });
      }
    };
    return {
      MemberExpression: reads,
      VariableDeclarator: reads,
      // Names passed to a helper that reads the environment (`getEnv("HTTPS_PROXY")`), found by
      // value after the walk. The value there is a probe, as for a direct read, only when it is
      // the read's and every name reaching it is of this kind: the helper's one read serves
      // every caller, and `getEnv("FOO")` compared with vendor names is no endpoint check.
      'Program:exit'() {
        for (const kind of ['endpoint', 'proxy'] as const) {
          for (const r of envReadsOfKind(ctx, name => endpointVariableKind(name) === kind)) {
            const listed = r.names.join(', ');
            ctx.report({
              node: r.node,
              messageId: 'env',
              data: { name: listed, what: whatItDecides(kind, r.names) },
              evidence: r.names.map(n => `env ${n}`),
              related: r.related,
              ...(r.onlyThese && !r.names.some(isBypassList) ? { facts: [{ kind: 'probe' as const, probe: kind, detail: listed }] } : {}),
            });
          }
        }
      },
      CallExpression(node) {
        const method = calledMethod(node);
        if (method !== 'get' && method !== 'inspect') return;
        const key = staticString(node.arguments[0]);
        const callee = calleeOf(node);
        const object = callee.type === 'MemberExpression' ? (callee.object as Node) : undefined;
        if (key === 'http.proxy' || (key === 'proxy' && isHttpConfiguration(object, ctx))) {
          ctx.report({ node, messageId: 'setting', evidence: ['setting http.proxy'], facts: [{ kind: 'probe', probe: 'proxy', detail: 'http.proxy' }] });
        }
      },
    };
  },
};
