// The tool's own version, inlined by esbuild from package.json (see esbuild.config.mjs).
declare const __AI_TOOL_AUDIT_VERSION__: string | undefined;

export const TOOL_NAME = 'ai-tool-audit';
export const TOOL_VERSION: string = typeof __AI_TOOL_AUDIT_VERSION__ === 'string' ? __AI_TOOL_AUDIT_VERSION__ : '0.0.0-dev';

declare const __AI_TOOL_AUDIT_BUILD__: string | undefined;

/** A hash of the sources this build was made from (see esbuild.config.mjs): what cached results are keyed by. */
export const BUILD_ID: string = typeof __AI_TOOL_AUDIT_BUILD__ === 'string' ? __AI_TOOL_AUDIT_BUILD__ : `dev-${TOOL_VERSION}`;
