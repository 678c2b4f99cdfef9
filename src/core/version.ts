// The tool's own version, inlined by esbuild from package.json (see esbuild.config.mjs).
declare const __AI_TOOL_AUDIT_VERSION__: string | undefined;

export const TOOL_NAME = 'ai-tool-audit';
export const TOOL_VERSION: string = typeof __AI_TOOL_AUDIT_VERSION__ === 'string' ? __AI_TOOL_AUDIT_VERSION__ : '0.0.0-dev';

declare const __AI_TOOL_AUDIT_BUILD__: string | undefined;

/** A hash of the sources this build was made from (see esbuild.config.mjs): what cached results are keyed by. */
export const BUILD_ID: string = typeof __AI_TOOL_AUDIT_BUILD__ === 'string' ? __AI_TOOL_AUDIT_BUILD__ : `dev-${TOOL_VERSION}`;

declare const __AI_TOOL_AUDIT_ENGINE_BUILD__: string | undefined;
declare const __AI_TOOL_AUDIT_RULE_BUILDS__: Readonly<Record<string, string>> | undefined;

/**
 * The build without the rules that stand alone (see scripts/buildIds.mjs): a cached result
 * made by another engine is never used.
 */
export const ENGINE_BUILD_ID: string = typeof __AI_TOOL_AUDIT_ENGINE_BUILD__ === 'string' ? __AI_TOOL_AUDIT_ENGINE_BUILD__ : BUILD_ID;

/**
 * A hash of each rule that stands alone, by rule id (its file's name): a cached result stays
 * valid after a change to such a rule on the files where that rule did not run. Rules missing
 * here are part of the engine's hash.
 */
export const RULE_BUILDS: Readonly<Record<string, string>> = typeof __AI_TOOL_AUDIT_RULE_BUILDS__ === 'object' && __AI_TOOL_AUDIT_RULE_BUILDS__ !== null ? __AI_TOOL_AUDIT_RULE_BUILDS__ : {};
