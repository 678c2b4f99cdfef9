// Keys written into settings files. A finding must say where a key is without showing it: every
// output carries the redacted form (known prefix, length, a short hash to tell two keys apart),
// and every string that leaves the configuration layer passes through `redactSecrets` first.
import { createHash } from 'node:crypto';

interface SecretShape {
  kind: string;
  /** Matches the whole token; the prefix shown is the literal part before the random part. */
  pattern: RegExp;
  prefix: number;
}

// Ordered most specific first: `sk-ant-` before `sk-`.
const SHAPES: SecretShape[] = [
  { kind: 'Anthropic API key', pattern: /sk-ant-[A-Za-z0-9_-]{20,}/g, prefix: 7 },
  { kind: 'OpenAI project key', pattern: /sk-proj-[A-Za-z0-9_-]{20,}/g, prefix: 8 },
  { kind: 'OpenRouter key', pattern: /sk-or-v1-[A-Za-z0-9]{32,}/g, prefix: 9 },
  { kind: 'API key (sk-)', pattern: /\bsk-[A-Za-z0-9_-]{20,}/g, prefix: 3 },
  { kind: 'Google API key', pattern: /AIza[0-9A-Za-z_-]{35}/g, prefix: 4 },
  { kind: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/g, prefix: 4 },
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, prefix: 4 },
  { kind: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, prefix: 5 },
  { kind: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g, prefix: 6 },
  { kind: 'Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}/g, prefix: 3 },
  { kind: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, prefix: 4 },
  { kind: 'Groq key', pattern: /\bgsk_[A-Za-z0-9]{40,}/g, prefix: 4 },
  { kind: 'xAI key', pattern: /\bxai-[A-Za-z0-9]{40,}/g, prefix: 4 },
  { kind: 'Bearer token', pattern: /(?<=\bBearer\s+)[A-Za-z0-9._~+/-]{20,}=*/g, prefix: 0 },
  { kind: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, prefix: 0 },
];

/** Shorter values under a secret's name are words (`none`, `required`), not keys: shown and not reported. */
const MIN_NAMED_SECRET = 12;

/** Setting names that hold a secret whatever it looks like. */
const SECRET_NAME = /(?:^|[_.-]|[a-z](?=[A-Z]))(?:api[_-]?key|apikey|token|secret|password|passwd|auth|auth[_-]?key|access[_-]?key|private[_-]?key|credentials?)$/i;
/**
 * Values that are references, not secrets: `${env:X}`, `$X`, `{{ secrets.x }}`, `env:X`, placeholders,
 * opencode's `{env:X}` / `{file:path}` and Continue's `${{ secrets.X }}`.
 */
const REFERENCE = /^(?:\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|\$\{\{[^}]*\}\}|\{(?:env|file):[^}]*\}|env:[A-Za-z_]\w*|<[^>]*>|(?:your|my|xxx+|\*+|placeholder|changeme|none|null|true|false)\b.*)$/i;

/** A command-line flag whose next argument is a secret: `--api-key`, `--token`, `-p`assword. */
export const SECRET_FLAG = /^--?(?:[\w-]*[_-])?(?:api[_-]?key|apikey|token|secret|password|passwd|auth)$/i;

/** Arguments as written, each redacted, and the one after a secret flag redacted whole. */
export function redactArgs(args: readonly string[]): string[] {
  return args.map((a, i) => (i > 0 && SECRET_FLAG.test(args[i - 1]) && a.length >= MIN_NAMED_SECRET && !REFERENCE.test(a) ? redactedForm(a, 0) : redactSecrets(a)));
}

export interface FoundSecret {
  kind: string;
  redacted: string;
  start: number;
  end: number;
}

/** `sk-ant-…[108 chars, #1a2b3c]`: enough to recognise one's own key, nothing to use. */
export function redactedForm(value: string, prefix: number): string {
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 6);
  return `${value.slice(0, Math.min(prefix, 8))}…[${value.length} chars, #${hash}]`;
}

/** Secrets in a value, by shape; a value under a secret-like name counts whole if long enough. */
export function findSecrets(value: string, name = ''): FoundSecret[] {
  const found: FoundSecret[] = [];
  for (const shape of SHAPES) {
    shape.pattern.lastIndex = 0;
    for (let m = shape.pattern.exec(value); m; m = shape.pattern.exec(value)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some(f => start < f.end && end > f.start)) continue;
      found.push({ kind: shape.kind, redacted: redactedForm(m[0], shape.prefix), start, end });
    }
  }
  const trimmed = value.trim();
  if (!found.length && SECRET_NAME.test(name) && trimmed.length >= MIN_NAMED_SECRET && !/\s/.test(trimmed) && !REFERENCE.test(trimmed) && !looksLikePathOrUrl(trimmed)) {
    found.push({ kind: `value of ${name}`, redacted: redactedForm(trimmed, 0), start: value.indexOf(trimmed), end: value.indexOf(trimmed) + trimmed.length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function looksLikePathOrUrl(v: string): boolean {
  return /^(?:[~./]|[A-Za-z]:\\|[a-z]+:\/\/)/.test(v) && !/^[a-z]+:\/\/[^/]*:[^/@]*@/.test(v);
}

/** The text with every secret replaced by its redacted form, and URL passwords hidden. */
export function redactSecrets(text: string, name = ''): string {
  let out = text.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*):([^/\s@]+)@/gi, (_, head: string, pass: string) => `${head}:${redactedForm(pass, 0)}@`);
  // `--api-key VALUE`, `token=VALUE` on a command line: the value whatever its shape.
  out = out.replace(/(--?(?:api[-_]?key|access[-_]?token|auth[-_]?token|token|secret|password|passwd|auth)(?:=|\s+))(["']?)([^\s"']{12,})\2/gi, (_, flag: string, q: string, v: string) => (REFERENCE.test(v) ? `${flag}${q}${v}${q}` : `${flag}${q}${redactedForm(v, 0)}${q}`));
  const found = findSecrets(out, name);
  for (const f of [...found].reverse()) out = out.slice(0, f.start) + f.redacted + out.slice(f.end);
  return out;
}
