// The reader contract: an assistant family's reader names the files it would read (a pure
// function of the home, the workspace and the environment) and turns each parsed file into
// inventory records. Reading from disk, parsing, secrets and hidden text are shared, so a
// reader holds only what its assistant's settings mean.
import type { ConfigFormat, ConfigScope } from '../model';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';

export interface ConfigSources {
  /** The user's home directory. */
  home: string;
  /** The workspace or repository whose project settings count (absent: user scope only). */
  workspace?: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
}

export interface ConfigCandidate {
  /** Absolute path of a file, or of a folder when `inFolder` is set. */
  path: string;
  scope: ConfigScope;
  format: ConfigFormat;
  /** What the file is for: "Claude Code user settings". */
  role: string;
  /**
   * `settings` (parsed and read by the reader), `instructions` (text the assistant follows:
   * checked for hidden text), `credentials` (a key store: only its mode and place are checked).
   */
  kind?: 'settings' | 'instructions' | 'credentials';
  /** `path` is a folder: every file in it whose name ends so (`.mdc`), not recursing. */
  inFolder?: string;
}

export interface ConfigReader {
  /** Catalog id of the assistant the findings belong to. */
  assistant: string;
  product: string;
  /** Vendor ids whose hosts are the assistant's own, when `assistant` is not a catalog id (an editor). */
  vendors?: readonly string[];
  candidates(sources: ConfigSources): ConfigCandidate[];
  /** Reads one parsed settings file into the inventory. */
  read(doc: ConfigDoc, out: InventoryBuilder): void;
}
