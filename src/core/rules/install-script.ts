// npm lifecycle scripts that run when the package is installed (preinstall, install,
// postinstall): code that runs before anyone has used, or audited, the tool. Fetching or
// evaluating code there is the classic supply-chain shape.
import type { ManifestRule } from './types';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
const RISKY = /\b(?:curl|wget|Invoke-WebRequest|iwr|Invoke-Expression|iex|certutil)\b|\|\s*(?:ba|z)?sh\b|\bhttps?:\/\//i;
/**
 * Inline code (`node -e "…"`) is in plain sight in the manifest; it is risky when what it
 * runs is hidden or fetched: eval, Function, base64, a request, a process start.
 */
const INLINE = /\bnode\s+(?:-e|--eval|-p|--print)\b/i;
const HIDDEN_IN_INLINE = /\beval\b|\bFunction\s*\(|base64|\batob\b|\bhttps?\b|child_process|\bvm\b|Buffer\.from|\brequire\s*\(\s*[^'"\s]/i;

export const installScript: ManifestRule = {
  meta: {
    id: 'install-script',
    category: 'manifest',
    severity: 'medium',
    title: 'Runs a script on install',
    description: 'package.json scripts.preinstall / install / postinstall, which npm runs on installation; high when the script downloads or evaluates hidden code (curl, wget, a pipe into sh, a URL, inline node code that evals, decodes base64, requests, starts processes or requires a computed module).',
    messages: {
      plain: 'Runs a {{name}} script when installed: {{script}}',
      risky: 'Runs a {{name}} script when installed that downloads or evaluates code: {{script}}',
    },
  },
  check(manifest, ctx) {
    const scripts = manifest.scripts;
    if (!scripts || typeof scripts !== 'object' || Array.isArray(scripts)) return;
    for (const name of INSTALL_SCRIPTS) {
      const script = scripts[name];
      const at = ctx.locate(['scripts', name]);
      if (typeof script !== 'string' || !at) continue;
      const risky = RISKY.test(script) || (INLINE.test(script) && HIDDEN_IN_INLINE.test(script));
      ctx.report({
        node: at,
        messageId: risky ? 'risky' : 'plain',
        data: { name, script },
        severity: risky ? 'high' : 'medium',
        evidence: [`script ${name}`, `command ${script.slice(0, 300)}`],
      });
    }
  },
};
