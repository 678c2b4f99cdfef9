// Recognises AI assistants the catalog does not know, from their package.json alone. A strong
// trait (a chat participant, a language-model provider, the AI or Chat marketplace category, a
// dependency on an LLM SDK) is enough; weak ones (AI keywords, language-model tools, an MCP or
// tokenizer dependency) count only in pairs, so a formatter tagged "ai" is not an assistant.

export type Manifest = Record<string, unknown>;

const LLM_SDKS = new Set([
  'openai', 'ai', 'ollama', 'groq-sdk', 'cohere-ai', 'langchain', 'llamaindex',
  '@google/genai', '@google/generative-ai', '@google-cloud/vertexai', '@mistralai/mistralai',
  '@azure/openai', '@aws-sdk/client-bedrock-runtime', '@huggingface/inference',
  '@github/copilot-language-server', '@vscode/prompt-tsx',
]);
const LLM_SDK_SCOPES = ['@anthropic-ai/', '@openai/', '@ai-sdk/', '@langchain/', '@openrouter/'];
const WEAK_DEPENDENCIES = new Set(['@modelcontextprotocol/sdk', 'tiktoken', 'js-tiktoken', '@dqbd/tiktoken', 'gpt-tokenizer']);
const AI_KEYWORDS = new Set([
  'ai', 'llm', 'llms', 'gpt', 'chatgpt', 'openai', 'copilot', 'claude', 'anthropic', 'gemini', 'deepseek',
  'qwen', 'kimi', 'ollama', 'codex', 'mistral', 'llama', 'agent', 'ai-agent', 'coding-agent', 'ai-assistant',
  'ai assistant', 'code assistant', 'coding assistant', 'pair programmer', 'ai pair programmer', 'mcp',
]);
const AI_CATEGORIES = new Set(['ai', 'chat']);

/** Why the manifest looks like an AI assistant; empty when it does not. */
export function aiTraits(manifest: Manifest): string[] {
  const strong: string[] = [];
  const weak: string[] = [];
  const contributes = record(manifest.contributes);

  const participants = list(contributes.chatParticipants).map(p => stringField(p, 'name') ?? stringField(p, 'id')).filter(Boolean);
  if (participants.length) strong.push(`contributes chat participants: ${participants.map(n => `@${n}`).join(', ')}`);
  const providers = [...list(contributes.languageModelChatProviders), ...list(contributes.languageModels)];
  if (providers.length) {
    const names = providers.map(p => stringField(p, 'vendor') ?? stringField(p, 'id') ?? stringField(p, 'displayName')).filter(Boolean);
    strong.push(`contributes language model providers${names.length ? `: ${names.join(', ')}` : ''}`);
  }
  const categories = list(manifest.categories).filter((c): c is string => typeof c === 'string' && AI_CATEGORIES.has(c.toLowerCase()));
  if (categories.length) strong.push(`marketplace categor${categories.length > 1 ? 'ies' : 'y'} ${categories.map(c => `"${c}"`).join(', ')}`);

  const deps = dependencyNames(manifest);
  const sdks = deps.filter(d => LLM_SDKS.has(d) || LLM_SDK_SCOPES.some(s => d.startsWith(s)));
  if (sdks.length) strong.push(`depends on LLM SDKs: ${sdks.join(', ')}`);
  const weakDeps = deps.filter(d => WEAK_DEPENDENCIES.has(d));
  for (const d of weakDeps) weak.push(`depends on ${d}`);

  const tools = list(contributes.languageModelTools);
  if (tools.length) weak.push(`contributes ${tools.length} language model tool${tools.length > 1 ? 's' : ''}`);
  const keywords = [...new Set(list(manifest.keywords).filter((k): k is string => typeof k === 'string').map(k => k.toLowerCase()))].filter(k => AI_KEYWORDS.has(k));
  for (const k of keywords) weak.push(`keyword "${k}"`);

  return strong.length || weak.length >= 2 ? [...strong, ...weak] : [];
}

/** Runtime and dev dependencies: extensions bundle their devDependencies into what they ship. */
function dependencyNames(manifest: Manifest): string[] {
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    for (const name of Object.keys(record(manifest[field]))) names.add(name);
  }
  return [...names].sort();
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringField(value: unknown, key: string): string | undefined {
  const v = record(value)[key];
  return typeof v === 'string' && v ? v : undefined;
}
