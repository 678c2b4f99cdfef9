// npm lifecycle scripts that run when the package is installed (preinstall, install,
// postinstall): code that runs before anyone has used, or audited, the tool. Fetching or
// evaluating code there is the classic supply-chain shape.
import type { ManifestRule } from './types';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
const RISKY = /\b(?:curl|wget|Invoke-WebRequest|iwr|Invoke-Expression|iex|certutil)\b|\bnode\s+(?:-e|--eval|-p)\b|\|\s*(?:ba|z)?sh\b|\bhttps?:\/\//i;

export const installScript: ManifestRule = {
  meta: {
    id: 'install-script',
    category: 'manifest',
    severity: 'medium',
    title: 'Runs a script on install',
    description: 'package.json scripts.preinstall / install / postinstall, which npm runs on installation; high when the script downloads or evaluates code (curl, wget, node -e, a pipe into sh, a URL).',
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
      const risky = RISKY.test(script);
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
