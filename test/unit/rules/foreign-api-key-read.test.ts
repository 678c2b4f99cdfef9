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
    // Before, a table with an entry that is not a name named nothing; followed by value, each name it holds is a key it can read.
    { name: 'a table with some entries that are not names: the names it holds', code: 'const T={a:"OPENAI_API_KEY",b:make()};f(process.env[T[p]])', at: ['process.env[T'], target: anthropic, message: /: OPENAI_API_KEY \(OpenAI\)$/ },
    // task-master-ai 0.43.1: `ji` looks the provider's key name up in a table and passes it to `B`, which reads process.env[e].
    {
      name: 'a name from a table passed to a helper that reads the environment: one finding at the call, the read and the names as related places',
      code: 'function B(e,t=null){if(t?.env?.[e])return t.env[e];if(process.env[e])return process.env[e]}function ji(e){let r={openai:`OPENAI_API_KEY`,anthropic:`ANTHROPIC_API_KEY`,xai:`XAI_API_KEY`},i=e?.toLowerCase(),a=r[i],o=B(a);return!!o}',
      at: ['B(a)'],
      target: anthropic,
      message: /: OPENAI_API_KEY, XAI_API_KEY \(OpenAI, xAI \(Grok\)\)$/,
      related: ['read here: process.env[e]', 'OPENAI_API_KEY is written here', 'XAI_API_KEY is written here'],
    },
    { name: 'a name passed to a helper, two calls away', code: 'function raw(n){return process.env[n]}function key(n){return raw(n)}const k=key("DEEPSEEK_API_KEY")', at: ['key("DEEPSEEK'], target: anthropic, message: /DEEPSEEK_API_KEY \(DeepSeek\)$/ },
    { name: 'a name a function returns, read where the key is computed', code: 'function which(){return "MISTRAL_API_KEY"}const v=process.env[which()]', at: ['process.env[which'], target: anthropic, message: /MISTRAL_API_KEY/ },
    { name: 'the same name read twice in one function is one finding, at the first read', code: 'for(const k of ["OPENAI_API_KEY","HOME"])if(process.env[k])out[k]=process.env[k]', at: ['process.env[k])out'], target: anthropic, message: /: OPENAI_API_KEY \(OpenAI\)$/ },
    { name: 'one of two names, chosen in place', code: 'const v=process.env[fast?"GROQ_API_KEY":"OPENAI_API_KEY"]', at: ['process.env[fast'], target: anthropic, message: /: GROQ_API_KEY, OPENAI_API_KEY \(Groq, OpenAI\)$/ },
    // From a helper's adversarial review (the cases in each row reported a name the code never reads, or the wrong place).
    // The code review of this change: a one-word product named like a vendor, or a prefix that leaves only the key's suffix, hides nothing.
    { name: "a one-word product named like a vendor (deepseek) still reads that vendor's key; so does a prefix leaving only the suffix (gemini-api)", code: 'a=process.env.DEEPSEEK_API_KEY;b=process.env.GEMINI_API_KEY', at: ['process.env.DEEPSEEK', 'process.env.GEMINI'], target: { ownVendors: [], ownNames: ['deepseek', 'gemini-api'] }, message: /DeepSeek|Google/ },
    // claude-flow 3.43.0 (review 100): the product's own prefix says nothing of a vendor; what follows it still may.
    { name: "a key named after the assistant's own product, then a vendor's name: that vendor's key", code: 'k=process.env.CLAUDE_FLOW_OPENAI_API_KEY', at: ['process'], target: { ownVendors: [], ownNames: ['claude-flow'] }, message: /: CLAUDE_FLOW_OPENAI_API_KEY \(OpenAI\)$/ },
    { name: 'a name passed through a function whose return it is, is reported at the outermost call', code: 'function get(k){return process.env[k]}function pick(p){return p}function viaPick(x){return get(pick(x))}viaPick("OPENAI_API_KEY")', at: ['viaPick("OPENAI'], target: anthropic },
  ],
  valid: [
    // claude-flow 3.43.0 (review 100): its own settings were Anthropic's keys for the word CLAUDE in the product's name.
    { name: "the assistant's own settings, named after its product (CLAUDE_FLOW_ in claude-flow)", code: 'const t=process.env.CLAUDE_FLOW_MCP_INVOCATION_TOKEN;function f(env=process.env){return env.CLAUDE_FLOW_PAGE_AGENT_API_KEY}', target: { ownVendors: [], ownNames: ['claude-flow'] } },
    // firecrawl-mcp (review 57): the token OpenAI's app directory reads back from a well-known URL.
    { name: 'a domain or app verification token a server publishes', code: 'const t=process.env.OPENAI_APPS_CHALLENGE_TOKEN;const g=process.env.GOOGLE_SITE_VERIFICATION_TOKEN', target: anthropic },
    { name: 'writing or deleting a variable is not reading it (directly, or through a helper)', code: 'function setEnv(n,v){process.env[n]=v}function clearEnv(n){delete process.env[n]}setEnv("OPENAI_API_KEY","x");clearEnv("DEEPSEEK_API_KEY");process.env.GROQ_API_KEY="y";delete process.env.MISTRAL_API_KEY;for(const k of ["XAI_API_KEY"])delete process.env[k]', target: anthropic },
    { name: 'a helper reading an object that is the environment only by default: the caller passes its own', code: 'function readKey(n,env=process.env){return env[n]}function readOpt(n,{env=process.env}={}){return env[n]}readKey("OPENAI_API_KEY",fake);readOpt("DEEPSEEK_API_KEY",{env:fake})', target: anthropic },
    { name: 'a name given another value too (+=, a concatenation of itself, reused later in the function) has no one value', code: 'function get(n){return process.env[n]}let a="OPENAI_API_KEY";a+="_FILE";get(a);let b="DEEPSEEK_API_KEY";b=b+"_FILE";get(b);(function(){let c="GROQ_API_KEY";c+="_FILE";get(c)})();function f(){let d="MISTRAL_API_KEY";const v=get(d);d="HOME";return[v,d]}', target: anthropic },
    { name: 'a parameter of the function a closure is written in: the argument of the call that entered it, not of every call', code: 'function g(p){const h=()=>p;return h()}function read(){return process.env[g("HOME")]}const label=g("OPENAI_API_KEY")', target: anthropic },
    { name: 'an argument after a spread: which value lands in the parameter depends on the spread', code: 'function get(a,k){return process.env[k]}get(...pair,"OPENAI_API_KEY")', target: anthropic },
    { name: 'a literal that cannot be the value of || or &&', code: 'function get(k){return process.env["OPENAI_API_KEY"&&k]}get("HOME");const y="HOME"||"DEEPSEEK_API_KEY"||"GROQ_API_KEY";x=process.env[y]', target: anthropic },
    { name: 'a table lookup with a settled key reads that one entry', code: 'const cfg={key:"OPENAI_API_KEY",home:"HOME"};const F="home";x=process.env[cfg[F]]', target: anthropic },
    { name: 'a table of text that is not variable names, or a key computed some other way, names nothing', code: 'const U={a:"openai key"};f(process.env[U[p]],process.env[`${p}_API_KEY`])', target: anthropic },
    // Names built from pieces are variables the text does not name: never a fragment as a name.
    { name: 'a helper given a name built by concatenation, a template, a case change or +=, names nothing', code: 'function env(k){return process.env[k]}env("OPENAI_"+p);env(`OPENAI_${p}`);env(q.toUpperCase());let k="OPENAI";k+="_API_KEY";env(k)', target: anthropic },
    { name: 'a helper given the name in another parameter than the key, names nothing', code: 'function env(k,label){log(label);return process.env[k]}env(p,"OPENAI_API_KEY")', target: anthropic },
    { name: 'a helper given a name through a call the call graph does not resolve (String, a method), names nothing', code: 'function env(k){return process.env[k]}env(String("OPENAI_API_KEY"));env(o.name("OPENAI_API_KEY"))', target: anthropic },
    { name: 'a helper that reads its key from another object than the environment', code: 'function get(k){return settings[k]}get("OPENAI_API_KEY")', target: anthropic },
    { name: 'its own key', code: 'k=process.env.ANTHROPIC_API_KEY;t=process.env.ANTHROPIC_AUTH_TOKEN', target: anthropic },
    { name: 'a vendor name that is not a key', code: 'u=process.env.OPENAI_BASE_URL;m=process.env.GEMINI_MODEL', target: anthropic },
    { name: 'a cloud client secret (not a model API key)', code: 's=process.env.AZURE_CLIENT_SECRET', target: anthropic },
    { name: 'the name in a string', code: 'log("set OPENAI_API_KEY")', target: anthropic },
  ],
});
