// Whose code a file is: a dependency under node_modules is published by its own package's
// vendor. Claude Code's SDK inside another tool reads Claude Code's own credentials as its own,
// whatever package brought it in.
import { vendorsForPackage } from '../catalog/vendors';
import type { TargetContext } from '../rules/types';

/** The package a file ships in when it is a dependency (`node_modules/@scope/name/…`): its name. */
export function dependencyPackage(rel: string): string | undefined {
  const parts = rel.split(/[\\/]/);
  const i = parts.lastIndexOf('node_modules');
  if (i < 0 || i + 2 >= parts.length) return undefined;
  const first = parts[i + 1];
  if (!first.startsWith('@')) return first;
  return i + 3 < parts.length ? `${first}/${parts[i + 2]}` : undefined;
}

/**
 * The target as one of its files sees it: the vendor of the dependency it sits in, known from
 * the folder's name only (anyone can ship `node_modules/@anthropic-ai/x`). Kept apart from the
 * target's own vendors: a rule may lower a claim for it, never drop one.
 */
export function targetForFile(target: TargetContext, rel: string): TargetContext {
  const extra = vendorsForPackage(dependencyPackage(rel)).filter(v => !target.ownVendors.includes(v));
  return extra.length ? { ...target, dependencyVendors: extra } : target;
}
