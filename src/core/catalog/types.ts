// The shape of catalog entries: known assistants as data. Discovery reads it to recognise what
// it finds; rules read `vendor` and `serves` (through ownVendors) to tell first-party from foreign.

/**
 * A path template. `~` is the home folder; `$XDG_DATA_HOME`, `$XDG_CONFIG_HOME`, `%APPDATA%`,
 * `%LOCALAPPDATA%` and `%USERPROFILE%` expand from the environment with their usual defaults
 * (see discovery/places.ts). Always written with `/`.
 */
export type PathTemplate = string;

/** Where a vendor's own installer (not a package manager) puts the program. */
export interface NativeInstall {
  /** Platforms this layout applies to; all when absent. */
  platforms?: NodeJS.Platform[];
  /** The command the installer links or copies, e.g. `~/.local/bin/claude` (`.exe` added on Windows). */
  launcher?: PathTemplate;
  /** A folder with one entry per installed version, e.g. `~/.local/share/claude/versions`. */
  versions?: PathTemplate;
  /** A private npm install: a folder whose `node_modules` holds the package. */
  npmPrefix?: PathTemplate;
}

export interface CatalogEntry {
  /** Stable id used in results, `--only` and policies. */
  id: string;
  product: string;
  kind: 'extension' | 'cli';
  /** Publisher's vendor id (catalog/vendors.ts). Absent for independent developers. */
  vendor?: string;
  /** Independent publisher's name when there is no vendor entry. */
  publisher?: string;
  /** Vendors whose models the product is built for: talking to them is first-party too. */
  serves?: string[];
  /** Marketplace ids, `publisher.name` (compared case-insensitively). */
  extensionIds?: string[];
  /** npm packages that install it. */
  npm?: string[];
  /** Prefixes of the per-platform packages its `optionalDependencies` pull (the native binaries). */
  platformPackages?: string[];
  /** Commands it puts on PATH. */
  binaries?: string[];
  /**
   * Of those, names other programs also use (`goose` is also a database migration tool): a
   * program with such a name counts only in a known install location, never by name alone.
   */
  genericBinaries?: string[];
  native?: NativeInstall[];
  brew?: { formula?: string[]; cask?: string[] };
  /** PyPI distributions installed with pipx or uv (their code is not JavaScript). */
  python?: string[];
  configDirs?: PathTemplate[];
  /**
   * Where the ids (extension ids, npm names, binaries) were checked: a marketplace page, the
   * vendor's repository or docs, or the npm registry. Absent when they could not be verified.
   */
  source?: string;
  /** Fields that could not be verified from public sources (e.g. `['brew', 'native']`). */
  unverified?: Array<keyof CatalogEntry>;
}
