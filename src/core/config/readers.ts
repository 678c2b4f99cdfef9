// Every assistant family whose configuration is read, in the order reports list them. Add a
// reader here with its fixture home and workspace (test/fixtures/config/<family>/) and its tests.
import type { ConfigReader } from './types';
import { claudeCode } from './claude';

export const CONFIG_READERS: readonly ConfigReader[] = [
  claudeCode,
];
