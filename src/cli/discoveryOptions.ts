// Discovery options for this machine, or for another home (`--home DIR`).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DiscoverOptions } from '../core/discovery';
import { envValue, rebaseEnv } from '../core/discovery/places';
import { invocationDir, UsageError } from './args';

export function discoveryOptions(home: string | undefined): DiscoverOptions {
  const platform = process.platform;
  const currentHome = envValue(process.env, platform === 'win32' ? 'USERPROFILE' : 'HOME', platform) ?? os.homedir();
  if (home === undefined) return { env: process.env, home: currentHome, platform };
  const target = path.resolve(invocationDir(), home);
  if (!fs.existsSync(target) || !fs.statSync(target).isDirectory()) throw new UsageError(`--home: no such folder: ${home}`);
  return { env: rebaseEnv(process.env, currentHome, target, platform), home: target, platform };
}
