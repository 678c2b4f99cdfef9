import { endpointConfigRead } from '../../../src/core/rules/endpoint-config-read';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(endpointConfigRead, {
  invalid: [
    // Claude Code 2.1.300 (review 53): its settings object of getters over process.env, built in another module.
    // Was "an object that is not the environment", left alone: it is still that setting, and a gate on it is a gate (review 53).
    { name: 'an object that is not the environment, keyed by the variable name, is that setting (not an environment read)', code: 'settings.ANTHROPIC_BASE_URL', at: ['settings'], severity: 'info', message: /from a settings object keyed by the variable name$/ },
    { name: 'a settings object keyed by the variable name (an accessor built elsewhere)', code: 'import{a}from"./env.js";const h=new URL(a.ANTHROPIC_BASE_URL).hostname;const p=a.HTTPS_PROXY??""', at: ['a.ANTHROPIC', 'a.HTTPS'], severity: 'info', message: /from a settings object keyed by the variable name$/ },
    { name: 'endpoint and proxy variables named in the calls of a helper that reads the environment', code: 'function env(k,s){return s?.env?.[k]??process.env[k]}const u=env("OPENAI_BASE_URL");const p=env("HTTPS_PROXY",s);const x=env(name+"_BASE_URL")', at: ['env("OPENAI', 'env("HTTPS'], related: ['read here: process.env[k]'] },
    {
      name: 'an env object given as a parameter default, plain or destructured (Codebuff)',
      code: 'function a({env=process.env}={}){return env.HTTPS_PROXY||env.HTTP_PROXY}function b(e=process.env){return e.NO_PROXY}function c(e){return e.HTTPS_PROXY}',
      at: ['env.HTTPS_PROXY', 'env.HTTP_PROXY', 'e.NO_PROXY', 'e.HTTPS_PROXY'],
      // c's `e` is not known to be the environment: its read is told as a property named like the variable.
      allEvidence: [],
    },
    { name: 'a vendor base URL variable', code: 'let q=process.env.ANTHROPIC_BASE_URL;', at: ['process'], evidence: ['ANTHROPIC_BASE_URL'], severity: 'low' },
    { name: 'API_BASE, ENDPOINT and API_URL variables', code: 'a=process.env.OPENAI_API_BASE;b=process.env.AZURE_OPENAI_ENDPOINT;c=process.env["GEMINI_API_URL"]', at: ['process', 'process', 'process'] },
    { name: 'proxies in any case', code: 'p=process.env.https_proxy||process.env.HTTPS_PROXY||process.env.ALL_PROXY||process.env.no_proxy', at: ['process', 'process', 'process', 'process'] },
    { name: 'npm proxy configuration', code: 'p=process.env.npm_config_https_proxy', at: ['process'] },
    { name: 'an alias of process.env', code: 'function f(){const e=process.env;return e.OPENAI_BASE_URL}', at: ['e.OPENAI'] },
    { name: 'Bun.env and import.meta.env', code: 'a=Bun.env.OPENAI_BASE_URL;b=import.meta.env.DEEPSEEK_BASE_URL', at: ['Bun', 'import'] },
    { name: 'destructuring', code: 'const {ANTHROPIC_BASE_URL: u, HOME} = process.env', at: ['ANTHROPIC_BASE_URL'] },
    { name: 'a telemetry endpoint says where telemetry is sent (codebuff, review 42)', code: 'const h=process.env.CODEBUFF_POSTHOG_HOST;const e=process.env.OTEL_EXPORTER_OTLP_ENDPOINT', at: ['process.env.CODEBUFF', 'process.env.OTEL'], message: /\(where telemetry is sent\)$/ },
    { name: 'an API host variable (Ollama)', code: 'h=process.env.OLLAMA_HOST', at: ['process'] },
    { name: 'the server an app talks to (where its binary is downloaded from)', code: 'const base=process.env.NEXT_PUBLIC_CODEBUFF_APP_URL||"https://x.dev";const s=process.env.MY_SERVER_URL;const h=process.env.POSTHOG_HOST_URL', at: ['process.env.NEXT', 'process.env.MY', 'process.env.POSTHOG'] },
    { name: 'the http.proxy setting', code: 'v.workspace.getConfiguration().get("http.proxy");const c=v.workspace.getConfiguration("http");c.get("proxy")', at: ['v.workspace.getConfiguration().get', 'c.get'] },
  ],
  valid: [
    { name: 'such a property written, or a lower-case key, is no read', code: 'cfg.HTTPS_PROXY="http://p";o.api_base_url=u;x=o.base_url' },
    // sandbox-runtime 0.0.83 (review 114): the proxy variables it hands a sandboxed command, one taken out.
    { name: 'such a property deleted is no read', code: 'const generated={...vars};delete generated.NO_PROXY;delete generated.HTTPS_PROXY' },
    { name: 'a bare BASE_URL (Vite)', code: 'import.meta.env.BASE_URL' },
    { name: 'URLs that are no API endpoint', code: 'a=process.env.DATABASE_URL;b=process.env.SLACK_WEBHOOK_URL;c=process.env.APP_URL' },
    { name: 'unrelated variables', code: 'process.env.HOME; process.env.ANTHROPIC_API_KEY; process.env.PROXY_TIMEOUT_MS' },
    { name: 'the name in a string', code: 'log("set ANTHROPIC_BASE_URL to use a proxy")' },
    { name: 'a proxy key on another configuration', code: 'cfg.get("proxy"); getConfiguration("editor").get("proxy")' },
    // claude-agent-sdk 0.3.336: environment detection and flags, not where requests go.
    { name: 'service discovery, the Docker daemon, databases and …_BY_HOST flags', code: 'a=process.env.KUBERNETES_SERVICE_HOST;b=process.env.DOCKER_HOST;c=process.env.REDIS_HOST;d=process.env.CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST' },
  ],
});
