// Loads a fixture home and workspace (test/fixtures/config/<family>/) through one reader, as
// the audit would, with no environment variables unless given.
import * as path from 'node:path';
import { loadConfig, type LoadedConfig } from '../../src/core/config/load';
import type { ConfigReader, ConfigSources } from '../../src/core/config/types';

export const CONFIG_FIXTURES = path.resolve('test/fixtures/config');

export function fixtureSources(family: string, env: ConfigSources['env'] = {}): ConfigSources {
  return { home: path.join(CONFIG_FIXTURES, family, 'home'), workspace: path.join(CONFIG_FIXTURES, family, 'workspace'), env, platform: 'linux' };
}

export function loadFixture(reader: ConfigReader, family: string, env: ConfigSources['env'] = {}): LoadedConfig {
  const loaded = loadConfig(reader, fixtureSources(family, env));
  if (!loaded) throw new Error(`no ${reader.product} files in fixture ${family}`);
  return loaded;
}
