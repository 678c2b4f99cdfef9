// The tool's own version, inlined by esbuild from package.json (see esbuild.config.mjs).
declare const __AI_TOOL_AUDIT_VERSION__: string | undefined;

export const TOOL_NAME = 'ai-tool-audit';
export const TOOL_VERSION: string = typeof __AI_TOOL_AUDIT_VERSION__ === 'string' ? __AI_TOOL_AUDIT_VERSION__ : '0.0.0-dev';
