import { foreignApiKeyRead } from '../../../src/core/rules/foreign-api-key-read';
import { runRuleTable } from '../../helpers/ruleTester';

const anthropic = { ownVendors: ['anthropic'] };

runRuleTable(foreignApiKeyRead, {
  invalid: [
    { name: "another vendor's key in an Anthropic tool", code: 'k=process.env.OPENAI_API_KEY', at: ['process'], target: anthropic, severity: 'low', evidence: ['env OPENAI_API_KEY'] },
    { name: 'keys named without a vendor keyword (GOOGLE_API_KEY, DASHSCOPE_API_KEY)', code: 'a=process.env.GOOGLE_API_KEY;b=process.env["DASHSCOPE_API_KEY"]', at: ['process', 'process'], target: anthropic },
    { name: 'destructured from the environment', code: 'const {DEEPSEEK_API_KEY: d, HOME} = process.env', at: ['DEEPSEEK'], target: anthropic, message: /DeepSeek/ },
    // task-master-ai 0.43.1: provider keys read through a table of their names (missed before).
    {
      name: 'a key looked up in a table of key names is one finding at the lookup, naming every foreign key it can be',
      code: 'const KEYS={anthropic:"ANTHROPIC_API_KEY",openai:"OPENAI_API_KEY",deepseek:"DEEPSEEK_API_KEY",home:"HOME"};function keyOf(p){return process.env[KEYS[p]]}',
      at: ['process.env[KEYS'],
      target: anthropic,
      message: /^Reads another vendor's API key: OPENAI_API_KEY, DEEPSEEK_API_KEY \(OpenAI, DeepSeek\)$/,
      evidence: ['env DEEPSEEK_API_KEY'],
    },
  ],
  valid: [
    { name: 'a table that is not all variable names, or a key computed some other way, names nothing', code: 'const T={a:"OPENAI_API_KEY",b:make()};const U={a:"openai key"};f(process.env[T[p]],process.env[U[p]],process.env[`${p}_API_KEY`])', target: anthropic },
    { name: 'its own key', code: 'k=process.env.ANTHROPIC_API_KEY;t=process.env.ANTHROPIC_AUTH_TOKEN', target: anthropic },
    { name: 'a vendor name that is not a key', code: 'u=process.env.OPENAI_BASE_URL;m=process.env.GEMINI_MODEL', target: anthropic },
    { name: 'a cloud client secret (not a model API key)', code: 's=process.env.AZURE_CLIENT_SECRET', target: anthropic },
    { name: 'the name in a string', code: 'log("set OPENAI_API_KEY")', target: anthropic },
  ],
});
