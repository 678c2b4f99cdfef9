// What listing a binary's or an archive's modules yields, shared by the inspector and the
// archive reader: plain data another thread can use.
import type { EmbeddedModule } from '../model';
import type { BunModuleRecord } from './bun';

/**
 * Where a module's bytes are in the binary, as plain data: enough for another thread to read
 * that module alone with positional reads (Bun records, SEA main script and assets; not
 * archive entries, which only exist inflated).
 */
export type ModuleLocator = { kind: 'bun'; record: BunModuleRecord } | { kind: 'utf8'; offset: number; size: number; what: string };

/** A module with a reader for JS text (and where it is, when it can be read alone; `test`: a test entry left unread), or a problem met while listing modules. */
export type ModuleSource = { module: EmbeddedModule; text?: () => string; at?: ModuleLocator; test?: true } | { entry: string; error: string };

export interface InspectOptions {
  /** Archive entries over this size are listed but not kept in memory (the caller reports them). */
  maxModuleBytes: number;
  /** Read an archive's test and benchmark entries too; otherwise they are listed with `test` set and not read. */
  includeTests?: boolean;
}
