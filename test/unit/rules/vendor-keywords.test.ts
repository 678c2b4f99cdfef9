import { vendorKeywords } from '../../../src/core/rules/vendor-keywords';
import { runRuleTable } from '../../helpers/ruleTester';
import { stringTable, TABLE_STRINGS } from '../../helpers/hiddenFixtures';

const claude = { ownVendors: ['anthropic'] };

runRuleTable(vendorKeywords, {
  invalid: [
    { name: 'a string array naming two vendors', code: 'const L=["deepseek","moonshot","qwen"];', at: ['['], evidence: ['deepseek -> DeepSeek (CN)'] },
    { name: 'ambiguous words inside a list with a firm one', code: 'x=["glm","kimi","doubao"]', at: ['['], evidence: ['glm -> Zhipu'] },
    { name: 'a one-element list that is compared', code: 'r=["dashscope"].includes(h)', at: ['['] },
    { name: 'a regex literal', code: 'if(/deepseek|qwen/i.test(h))x()', at: ['/deepseek'] },
    { name: 'new RegExp with a string', code: 'const r=new RegExp("(zhipu|bigmodel)")', at: ['new RegExp'] },
    { name: 'a switch over vendor names', code: 'switch(p){case "deepseek":a();break;case "qwen":b()}', at: ['p)'] },
    { name: 'includes / startsWith / endsWith / indexOf', code: 'h.includes("deepseek");h.startsWith("dashscope");h.endsWith(".volces.com");h.indexOf("siliconflow")', at: ['"deepseek"', '"dashscope"', '".volces.com"', '"siliconflow"'] },
    { name: 'an equality, at the vendor literal (where the data is)', code: 'if(h==="api.deepseek.com")x()', at: ['"api'], severity: 'info' },
    { name: 'an ambiguous word in the registrable part of a host', code: 'h.endsWith("kimi.com")', at: ['"kimi'] },
    { name: "the assistant's own vendor, at info", code: 'm.startsWith("claude-3")', at: ['"claude'], severity: 'info', target: claude },
    { name: 'word boundaries allow version suffixes', code: 'x=["qwen2.5-coder","glm-4"]', at: ['['] },
    // Qwen Code 0.23.4 (review 88): each provider's domain handed to a host matcher.
    { name: "a vendor's host or word handed to a function of the file that compares that parameter", code: 'function isHostOrSubdomain(h,d){return h===d||h.endsWith(`.${d}`)}function isProvider(b,p){return b.includes(p)}if(isHostOrSubdomain(host,"deepseek.com"))a();if(isProvider(base,"siliconflow"))b()', at: ['"deepseek.com"', '"siliconflow"'], severity: 'info', message: /^Passes "(deepseek\.com|siliconflow)" to (isHostOrSubdomain|isProvider)\(\), which compares it/ },
  ],
  valid: [
    { name: "a sentence or a header name handed to a comparing function, and a host handed to one that only logs it", code: 'function eq(a,b){return a===b}function note(h){console.log(h)}eq(msg,"the anthropic key is missing");eq(name,"anthropic-ratelimit-reset");note("api.deepseek.com")' },
    { name: "a URL path named after a vendor's API (a route)", code: 'if(p==="/openai")x();if(u.pathname.startsWith("/anthropic/v1"))y()' },
    { name: 'the vendor names of a string table, summed up once by encoded-list', code: stringTable(TABLE_STRINGS) },
    { name: 'a vocabulary of thousands of words that happens to hold vendor names', code: `const vocab=["deepseek","qwen",${Array.from({ length: 600 }, (_, i) => `"w${i}"`).join(',')}]` },
    { name: 'a word inside another word', code: 'x=["glmatrix","bernie","sparkle","arkose"]' },
    { name: 'an ambiguous word compared alone', code: 'if(mode==="spark"||name.includes("ark"))x()' },
    { name: 'an ambiguous word in a subdomain of another domain', code: 'u.includes("spark.apache.org")' },
    { name: 'a single vendor in an uncompared array', code: 'const models=["gemini-2.5-pro","gemini-2.5-flash"]' },
    { name: 'environment variable names', code: 'x=["DEEPSEEK_API_KEY","QWEN_API_KEY"];k.startsWith("VERTEX_REGION_CLAUDE_")' },
    { name: 'a message string that is not compared', code: 'log("Falling back to deepseek and qwen")' },
    { name: 'a plain regex', code: 'x=/^[a-z]+$/.test(y)' },
  ],
});
