// What discovery hands to scanning, the views and the CLI: every installed assistant as a scan
// target plus what discovery knows about it. Plain data (JSON-safe, worker-safe).
import type { ScanError } from '../model';
import type { TargetSpec } from '../model';

/** How an assistant came to be on this machine. */
export type InstallMethod =
  | 'editor' // an editor's extensions folder
  | 'running-editor' // reported by the running editor (vscode.extensions.all)
  | 'npm' | 'nvm' | 'fnm' | 'volta' | 'pnpm' | 'yarn' | 'bun' | 'asdf' | 'mise' | 'homebrew'
  | 'native' // the vendor's own installer
  | 'path' // found on PATH, in no known install location
  | 'pipx' | 'uv'
  | 'extra'; // a folder named in `extraPaths`

export type CodeLanguage = 'javascript' | 'native' | 'python';

export interface Assistant extends TargetSpec {
  kind: 'extension' | 'cli';
  instanceId: string;
  why: string[];
  ownVendors: string[];
  install: InstallMethod;
  /** What the shipped code mostly is: Python tools are listed but not scanned. */
  language: CodeLanguage;
  /** The catalog entry it matched; absent for assistants recognised from traits. */
  catalogId?: string;
  /** Marketplace id (`publisher.name`) of an extension. */
  extensionId?: string;
  /** npm (or PyPI) package name of a CLI. */
  packageName?: string;
  /** Entry file relative to root: an extension's `main`/`browser`, a package's `bin`. */
  entry?: string;
  /** Bytes on disk: the root folder (or file) plus the extra paths. */
  size?: number;
  /** Commands on PATH (or installer launchers) that run it. */
  launchers?: string[];
  /** Something the reader should know, e.g. that Python code is not scanned. */
  note?: string;
}

export interface Discovery {
  assistants: Assistant[];
  errors: ScanError[];
  /**
   * Where it looked, for a reader told that nothing was found: the editors' extension folders
   * that exist, how many PATH folders, the extra paths.
   */
  searched?: string[];
}
