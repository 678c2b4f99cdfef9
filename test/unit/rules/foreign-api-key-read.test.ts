import { foreignApiKeyRead } from '../../../src/core/rules/foreign-api-key-read';
import { runRuleTable } from '../../helpers/ruleTester';

const anthropic = { ownVendors: ['anthropic'] };

runRuleTable(foreignApiKeyRead, {
  invalid: [
    { name: "another vendor's key in an Anthropic tool", code: 'k=process.env.OPENAI_API_KEY', at: ['process'], target: anthropic, severity: 'low', evidence: ['env OPENAI_API_KEY'] },
    { name: 'keys named without a vendor keyword (GOOGLE_API_KEY, DASHSCOPE_API_KEY)', code: 'a=process.env.GOOGLE_API_KEY;b=process.env["DASHSCOPE_API_KEY"]', at: ['process', 'process'], target: anthropic },
    { name: 'destructured from the environment', code: 'const {DEEPSEEK_API_KEY: d, HOME} = process.env', at: ['DEEPSEEK'], target: anthropic, message: /DeepSeek/ },
  ],
  valid: [
    { name: 'its own key', code: 'k=process.env.ANTHROPIC_API_KEY;t=process.env.ANTHROPIC_AUTH_TOKEN', target: anthropic },
    { name: 'a vendor name that is not a key', code: 'u=process.env.OPENAI_BASE_URL;m=process.env.GEMINI_MODEL', target: anthropic },
    { name: 'a cloud client secret (not a model API key)', code: 's=process.env.AZURE_CLIENT_SECRET', target: anthropic },
    { name: 'the name in a string', code: 'log("set OPENAI_API_KEY")', target: anthropic },
  ],
});
