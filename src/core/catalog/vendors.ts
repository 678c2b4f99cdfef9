// AI and cloud vendors, with the words that name them in code. Data, not logic: the matcher
// in keywords.ts reads it. Countries are ISO 3166-1 alpha-2.
//
// `ambiguous` words are short or common English/other-domain words (spark, ark, yi, glm...).
// They count only inside a host name, or in a list that also names another vendor by an
// unambiguous word (see keywords.ts).

export interface VendorKeyword {
  word: string;
  ambiguous?: boolean;
}

export interface Vendor {
  id: string;
  name: string;
  country: string;
  keywords: VendorKeyword[];
  /**
   * Hosts the vendor serves its APIs and products from (first-party endpoints); each also
   * covers its subdomains (net/hosts.ts).
   */
  hosts: string[];
  /** npm scopes or package names the vendor publishes assistants under. */
  npm: string[];
  /**
   * For a company whose domains serve much more than its AI products (Google's googleapis.com
   * also serves fonts and storage): the company's name and those domains. A host under one of
   * them is labelled with the company, not the AI product, unless its own labels name the
   * product (a vendor keyword, or one of `serviceLabels`: `bedrock-runtime`, `dashscope`).
   */
  company?: { name: string; domains: string[]; serviceLabels?: string[] };
  /**
   * Vendors whose project and settings file names this vendor's assistants keep for their own
   * files, being forks of theirs (Kilo CLI, an OpenCode fork, writes `opencode.json` in its
   * own folders): a file known by such a name alone is theirs too. The original's fixed
   * folders (`~/.config/opencode/`) stay the original's.
   */
  keepsFileNamesOf?: string[];
}

const kw = (...words: string[]): VendorKeyword[] => words.map(word => ({ word }));
const amb = (...words: string[]): VendorKeyword[] => words.map(word => ({ word, ambiguous: true }));

export const VENDORS: Vendor[] = [
  // China
  {
    id: 'alibaba', name: 'Alibaba (Qwen, Tongyi, Lingma, Qoder)', country: 'CN',
    keywords: [...kw('alibaba', 'aliyun', 'aliyuncs', 'dashscope', 'qwen', 'tongyi', 'lingma', 'qoder', 'bailian', 'modelscope', 'alibabacloud')],
    hosts: ['dashscope.aliyuncs.com', 'dashscope-intl.aliyuncs.com', 'aliyuncs.com', 'aliyun.com', 'alibabacloud.com', 'qoder.com', 'qoder.com.cn', 'qoder.sh', 'qoder.ai', 'lingma.aliyun.com', 'modelscope.cn', 'qwen.ai', 'qwenlm.ai', 'iflow.cn'],
    company: { name: 'Alibaba Cloud', domains: ['aliyuncs.com', 'aliyun.com', 'alibabacloud.com'], serviceLabels: ['maas', 'modelstudio', 'bailian'] },
    npm: ['@qwen-code', '@qoder-ai', '@iflow-ai'],
  },
  { id: 'deepseek', name: 'DeepSeek', country: 'CN', keywords: kw('deepseek'), hosts: ['api.deepseek.com', 'deepseek.com', 'deepseek.ai'], npm: [] },
  {
    id: 'moonshot', name: 'Moonshot AI (Kimi)', country: 'CN',
    keywords: [...kw('moonshotai'), ...amb('moonshot', 'kimi')],
    hosts: ['moonshot.cn', 'moonshot.ai', 'kimi.com', 'kimi.ai'], npm: ['@moonshot-ai'],
  },
  {
    id: 'minimax', name: 'MiniMax', country: 'CN',
    keywords: [...kw('minimaxi', 'xaminim'), ...amb('minimax', 'abab', 'hailuo')],
    hosts: ['minimax.chat', 'minimaxi.com', 'minimax.io', 'minimaxi.chat', 'hailuoai.com'], npm: [],
  },
  {
    id: 'zhipu', name: 'Zhipu AI (GLM, BigModel, Z.ai)', country: 'CN',
    keywords: [...kw('zhipu', 'zhipuai', 'bigmodel', 'chatglm', 'codegeex'), ...amb('glm')],
    hosts: ['bigmodel.cn', 'z.ai', 'zhipuai.cn', 'chatglm.cn', 'codegeex.cn'], npm: ['@z_ai'],
  },
  {
    id: 'baidu', name: 'Baidu (ERNIE, Qianfan, Comate)', country: 'CN',
    keywords: [...kw('baidu', 'qianfan', 'wenxin', 'baidubce', 'comate'), ...amb('ernie')],
    hosts: ['baidubce.com', 'comate.baidu.com', 'yiyan.baidu.com', 'qianfan.cloud.baidu.com'], npm: [],
    company: { name: 'Baidu AI Cloud', domains: ['baidubce.com'], serviceLabels: ['aip'] },
  },
  {
    id: 'tencent', name: 'Tencent (Hunyuan, CodeBuddy)', country: 'CN',
    keywords: kw('tencent', 'hunyuan', 'codebuddy', 'tencentcloud', 'tencentcloudapi'),
    hosts: ['tencentcloudapi.com', 'hunyuan.cloud.tencent.com', 'codebuddy.ai', 'codebuddy.cn', 'copilot.tencent.com', 'hunyuan.tencent.com'],
    company: { name: 'Tencent Cloud', domains: ['tencentcloudapi.com'], serviceLabels: ['lkeap'] },
    npm: ['@tencent-ai'],
  },
  {
    id: 'bytedance', name: 'ByteDance (Doubao, Volcengine, Trae, MarsCode)', country: 'CN',
    keywords: [...kw('bytedance', 'doubao', 'volcengine', 'volces', 'marscode', 'byteplus'), ...amb('ark', 'trae')],
    hosts: ['volces.com', 'volcengine.com', 'volcengineapi.com', 'doubao.com', 'marscode.com', 'marscode.cn', 'trae.ai', 'trae.cn', 'byteplus.com', 'bytepluses.com'], npm: [],
  },
  { id: 'siliconflow', name: 'SiliconFlow', country: 'CN', keywords: kw('siliconflow', 'siliconcloud'), hosts: ['siliconflow.cn', 'siliconflow.com'], npm: [] },
  { id: 'stepfun', name: 'StepFun', country: 'CN', keywords: kw('stepfun'), hosts: ['stepfun.com', 'stepfun.ai'], npm: [] },
  { id: 'baichuan', name: 'Baichuan', country: 'CN', keywords: kw('baichuan'), hosts: ['baichuan-ai.com', 'baichuan-ai.cn'], npm: [] },
  { id: '01ai', name: '01.AI (Yi)', country: 'CN', keywords: [...kw('01ai', 'lingyiwanwu'), ...amb('yi')], hosts: ['lingyiwanwu.com', '01.ai'], npm: [] },
  {
    id: 'iflytek', name: 'iFlytek (Spark, iFlyCode)', country: 'CN',
    keywords: [...kw('iflytek', 'xfyun', 'iflycode', 'xunfei'), ...amb('spark')],
    hosts: ['xf-yun.com', 'xfyun.cn', 'iflyrec.com', 'iflytek.com'], npm: [],
  },
  { id: 'sensetime', name: 'SenseTime (SenseNova)', country: 'CN', keywords: kw('sensetime', 'sensenova', 'sensecore'), hosts: ['sensenova.cn', 'sensetime.com'], npm: [] },
  { id: 'meituan', name: 'Meituan (LongCat)', country: 'CN', keywords: [...kw('meituan', 'longcat', 'sankuai')], hosts: ['api.longcat.chat'], npm: [] },
  { id: 'xiaomi', name: 'Xiaomi (MiMo)', country: 'CN', keywords: [...kw('xiaomi'), ...amb('mimo')], hosts: ['api.xiaomimimo.com'], npm: [] },
  { id: 'kuaishou', name: 'Kuaishou (KwaiPilot)', country: 'CN', keywords: kw('kuaishou', 'kwaipilot'), hosts: ['kwaipilot.ai'], npm: [] },

  // United States, Europe, Canada
  {
    id: 'openai', name: 'OpenAI', country: 'US',
    keywords: [...kw('openai', 'chatgpt'), ...amb('gpt', 'codex')],
    hosts: ['api.openai.com', 'chatgpt.com', 'auth.openai.com', 'openai.com'], npm: ['@openai'],
  },
  {
    id: 'anthropic', name: 'Anthropic (Claude)', country: 'US',
    keywords: kw('anthropic', 'claude'),
    hosts: ['api.anthropic.com', 'claude.ai', 'console.anthropic.com', 'statsig.anthropic.com', 'anthropic.com', 'claude.com', 'clau.de'], npm: ['@anthropic-ai'],
  },
  {
    id: 'google', name: 'Google (Gemini, Vertex AI)', country: 'US',
    keywords: [...kw('gemini', 'vertexai', 'generativelanguage', 'aiplatform'), ...amb('vertex', 'bard')],
    hosts: ['generativelanguage.googleapis.com', 'aiplatform.googleapis.com', 'cloudcode-pa.googleapis.com', 'oauth2.googleapis.com', 'googleapis.com', 'google.com', 'google.dev', 'goo.gle', 'geminicli.com'],
    company: { name: 'Google', domains: ['googleapis.com', 'google.com', 'google.dev', 'goo.gle'], serviceLabels: ['ai', 'aistudio', 'codeassist'] },
    npm: ['@google', '@google-cloud'],
  },
  {
    id: 'microsoft', name: 'Microsoft (Azure OpenAI, GitHub Copilot)', country: 'US',
    keywords: kw('azure', 'githubcopilot'),
    // Not api.github.com: GitHub's REST API (releases, issues, gh) is no model API; Copilot's own hosts are listed.
    hosts: ['api.githubcopilot.com', 'copilot-proxy.githubusercontent.com', 'openai.azure.com', 'githubcopilot.com', 'cognitiveservices.azure.com', 'services.ai.azure.com'],
    npm: ['@github', '@githubnext', '@microsoft', '@vscode'],
  },
  {
    id: 'amazon', name: 'Amazon (Bedrock, Q)', country: 'US', keywords: [...amb('bedrock')], hosts: ['amazonaws.com'], npm: ['@aws', '@aws-sdk'],
    company: { name: 'Amazon Web Services', domains: ['amazonaws.com'], serviceLabels: ['q', 'codewhisperer'] },
  },
  { id: 'mistral', name: 'Mistral AI', country: 'FR', keywords: kw('mistral', 'codestral'), hosts: ['api.mistral.ai', 'codestral.mistral.ai', 'mistral.ai'], npm: ['@mistralai'] },
  { id: 'cohere', name: 'Cohere', country: 'CA', keywords: [...amb('cohere')], hosts: ['api.cohere.com', 'api.cohere.ai'], npm: ['cohere-ai'] },
  { id: 'xai', name: 'xAI (Grok)', country: 'US', keywords: [...amb('xai', 'grok')], hosts: ['api.x.ai'], npm: [] },
  { id: 'meta', name: 'Meta (Llama)', country: 'US', keywords: [...amb('llama')], hosts: ['api.llama.com'], npm: [] },
  { id: 'voyage', name: 'Voyage AI (embeddings)', country: 'US', keywords: kw('voyageai'), hosts: ['api.voyageai.com'], npm: ['voyageai'] },
  { id: 'groq', name: 'Groq', country: 'US', keywords: kw('groq'), hosts: ['api.groq.com'], npm: ['groq-sdk'] },
  { id: 'perplexity', name: 'Perplexity', country: 'US', keywords: [...amb('perplexity')], hosts: ['api.perplexity.ai'], npm: [] },
  { id: 'openrouter', name: 'OpenRouter', country: 'US', keywords: kw('openrouter'), hosts: ['openrouter.ai'], npm: ['@openrouter'] },
  { id: 'together', name: 'Together AI', country: 'US', keywords: kw('togetherai'), hosts: ['api.together.xyz', 'api.together.ai'], npm: [] },
  { id: 'fireworks', name: 'Fireworks AI', country: 'US', keywords: [...kw('fireworksai'), ...amb('fireworks')], hosts: ['api.fireworks.ai'], npm: [] },
  { id: 'huggingface', name: 'Hugging Face', country: 'US', keywords: kw('huggingface'), hosts: ['huggingface.co', 'api-inference.huggingface.co'], npm: ['@huggingface'] },

  // Companies that publish assistants but serve no models of their own. They have no keywords:
  // code naming them is not a check against a model vendor. They exist so that a discovered
  // assistant has a vendor and country, and its own hosts count as first-party.
  // Countries are where the company is headquartered, per its public company profile.
  { id: 'cline', name: 'Cline Bot Inc. (Cline)', country: 'US', keywords: [], hosts: ['cline.bot', 'api.cline.bot'], npm: ['cline', '@cline'] },
  { id: 'roocode', name: 'Roo Code, Inc.', country: 'US', keywords: [], hosts: ['roocode.com'], npm: [] },
  { id: 'kilocode', name: 'Kilo Code', country: 'US', keywords: [], hosts: ['kilocode.ai', 'kilo.ai', 'kilosessions.ai'], npm: ['@kilocode'], keepsFileNamesOf: ['sst'] },
  { id: 'continue', name: 'Continue Dev, Inc.', country: 'US', keywords: [], hosts: ['continue.dev', 'api.continue.dev'], npm: ['@continuedev'] },
  { id: 'tabnine', name: 'Tabnine', country: 'IL', keywords: [], hosts: ['tabnine.com'], npm: [] },
  { id: 'windsurf', name: 'Windsurf (formerly Codeium)', country: 'US', keywords: [], hosts: ['codeium.com', 'windsurf.com'], npm: [] },
  { id: 'sourcegraph', name: 'Sourcegraph / Amp (Cody, Amp)', country: 'US', keywords: [], hosts: ['sourcegraph.com', 'ampcode.com'], npm: ['@sourcegraph', '@ampcode'] },
  { id: 'augment', name: 'Augment Code', country: 'US', keywords: [], hosts: ['augmentcode.com'], npm: ['@augmentcode'] },
  { id: 'anysphere', name: 'Anysphere (Cursor, Supermaven)', country: 'US', keywords: [], hosts: ['cursor.com', 'cursor.sh', 'supermaven.com'], npm: [] },
  { id: 'qodo', name: 'Qodo (formerly CodiumAI)', country: 'IL', keywords: [], hosts: ['qodo.ai', 'codium.ai'], npm: ['@qodo'] },
  { id: 'sourcery', name: 'Sourcery', country: 'GB', keywords: [], hosts: ['sourcery.ai'], npm: [] },
  { id: 'bito', name: 'Bito', country: 'US', keywords: [], hosts: ['bito.ai'], npm: [] },
  { id: 'tabbyml', name: 'TabbyML', country: 'US', keywords: [], hosts: ['tabbyml.com'], npm: [] },
  { id: 'zencoder', name: 'Zencoder', country: 'US', keywords: [], hosts: ['zencoder.ai'], npm: [] },
  { id: 'phind', name: 'Phind', country: 'US', keywords: [], hosts: ['phind.com'], npm: [] },
  { id: 'coderabbit', name: 'CodeRabbit', country: 'US', keywords: [], hosts: ['coderabbit.ai'], npm: [] },
  { id: 'fitten', name: 'Fitten Tech (Fitten Code)', country: 'CN', keywords: [], hosts: ['fittenlab.cn'], npm: [] },
  { id: 'sst', name: 'SST / Anomaly (opencode)', country: 'US', keywords: [], hosts: ['opencode.ai'], npm: ['opencode-ai'] },
  { id: 'block', name: 'Block (goose)', country: 'US', keywords: [], hosts: [], npm: [] },
  { id: 'charm', name: 'Charm (Crush)', country: 'US', keywords: [], hosts: ['charm.sh'], npm: ['@charmland'] },
  { id: 'factory', name: 'Factory (Droid)', country: 'US', keywords: [], hosts: ['factory.ai'], npm: ['@factory', 'droid'] },
  { id: 'letta', name: 'Letta (Letta Code)', country: 'US', keywords: [], hosts: ['letta.com'], npm: ['@letta-ai'] },
];

/** Vendors whose file names one of `ownVendors` keeps for its own files (see Vendor.keepsFileNamesOf). */
export function fileNamesKeptFrom(ownVendors: readonly string[]): string[] {
  return ownVendors.flatMap(id => vendorById(id)?.keepsFileNamesOf ?? []);
}

export function vendorById(id: string): Vendor | undefined {
  return VENDORS.find(v => v.id === id);
}

/** Vendors that publish an npm package, by scope (`@anthropic-ai/...`) or exact name. */
export function vendorsForPackage(packageName: string | undefined): string[] {
  if (!packageName) return [];
  const scope = packageName.startsWith('@') ? packageName.split('/')[0] : undefined;
  return VENDORS.filter(v => v.npm.some(n => n === packageName || n === scope)).map(v => v.id);
}

/** Whether `host` is `domain` or one of its subdomains (`api.x.com` under `x.com`, not `evilx.com`). */
export function isUnderDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The vendor serving this host (exact host or a subdomain of one of its hosts). */
export function vendorForHost(host: string): Vendor | undefined {
  const h = host.toLowerCase();
  return VENDORS.find(v => v.hosts.some(d => isUnderDomain(h, d)));
}
