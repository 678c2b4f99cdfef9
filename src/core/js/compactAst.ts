// An acorn plugin that makes the tree of a large bundle smaller without changing a node: the
// same types, fields and values, in less memory. In a heap snapshot of a 5 MB bundle's tree
// (162 MB), two things were waste:
// - arrays (`arguments`, `params`, `body`, `elements`, ...) are filled by `push`, which gives
//   the first element room for 17: 26 MB for 185,000 arrays of mostly one to three nodes.
//   Each is copied to its exact length when its node is finished.
// - every name, operator and short string is a copy of its slice of the source: 487,000 names
//   held 7.2 MB of strings, 20,000 of them different. Token values and literals' `raw` up to
//   MAX_SHARED characters are shared through a table that lives as long as the parse.
//   (Claude Code 2.1.112's tree: 284 MB shared, 309 MB not.)
// The tree of Qoder's 33 MB bundle went from 424 to 333 MB, Qodo's obfuscated one from 821 to
// 607 MB.
import type * as acorn from 'acorn';

/** Strings longer than this are not shared. */
const MAX_SHARED = 40;
/** Slots of the sharing table (a power of two). */
const SHARED_SLOTS = 16384;

/**
 * The sharing table, one per thread, reused by every parse. A new 128 KB table per parse was a
 * large-object allocation each time: a native build's 3,667 modules parsed in 13.2 s instead of
 * 7.4 s, most of it in full GCs. A parse uses the first slots in proportion to its input and
 * empties them when it ends, so no string (a slice that holds the whole input) outlives it.
 */
const shared = new Array<string>(SHARED_SLOTS).fill('');
/** A parse holds the table (a parse started inside it shares nothing). */
let parsing = false;

/** Strings the table holds now: none between parses (for tests). */
export function sharedStringsHeld(): number {
  return shared.reduce((n, s) => (s === '' ? n : n + 1), 0);
}

/** Slots a parse of `length` characters uses: one per 16 characters, 256 to SHARED_SLOTS. */
function slotsFor(length: number): number {
  let slots = 256;
  while (slots < SHARED_SLOTS && slots * 16 < length) slots *= 2;
  return slots;
}

/** The array fields of each node type acorn builds. */
const ARRAY_FIELDS: Record<string, readonly string[]> = {
  Program: ['body'],
  BlockStatement: ['body'],
  StaticBlock: ['body'],
  ClassBody: ['body'],
  CallExpression: ['arguments'],
  NewExpression: ['arguments'],
  FunctionDeclaration: ['params'],
  FunctionExpression: ['params'],
  ArrowFunctionExpression: ['params'],
  ArrayExpression: ['elements'],
  ArrayPattern: ['elements'],
  ObjectExpression: ['properties'],
  ObjectPattern: ['properties'],
  VariableDeclaration: ['declarations'],
  SequenceExpression: ['expressions'],
  TemplateLiteral: ['expressions', 'quasis'],
  SwitchStatement: ['cases'],
  SwitchCase: ['consequent'],
  ImportDeclaration: ['specifiers', 'attributes'],
  ExportNamedDeclaration: ['specifiers', 'attributes'],
  ExportAllDeclaration: ['attributes'],
};

// acorn's parser internals are not in its type declarations.
type Internals = {
  start: number;
  end: number;
  input: string;
  finishNode(node: acorn.Node, type: string): acorn.Node;
  finishNodeAt(node: acorn.Node, type: string, pos: number, loc?: acorn.Position): acorn.Node;
  finishToken(type: unknown, value: unknown): void;
  parseLiteral(value: unknown): acorn.Node;
  parse(): acorn.Program;
};

function exact(node: acorn.Node, type: string): void {
  const fields = ARRAY_FIELDS[type];
  if (!fields) return;
  const record = node as unknown as Record<string, unknown>;
  for (const field of fields) {
    const list = record[field];
    if (Array.isArray(list) && list.length > 0) record[field] = list.slice();
  }
}

export function compactAst(Base: typeof acorn.Parser): typeof acorn.Parser {
  const Internal = Base as unknown as new (...args: unknown[]) => Internals;
  return class extends Internal {
    /** Slots of the table this parse uses, less one (a mask); 0 before it starts. */
    private mask = 0;
    /** False when another parse on this thread holds the table (a parse inside a parse). */
    private owner = false;

    override parse(): acorn.Program {
      this.owner = !parsing;
      const slots = slotsFor(this.input.length);
      this.mask = slots - 1;
      if (this.owner) parsing = true;
      try {
        return super.parse();
      } finally {
        if (this.owner) {
          shared.fill('', 0, slots);
          parsing = false;
        }
      }
    }

    private share(s: string): string {
      // One-character strings are shared by V8 already.
      const n = s.length;
      if (n > MAX_SHARED || n < 2 || !this.owner) return s;
      // A direct-mapped table keyed by length and three characters, not a Map: a Map hashes
      // every token's whole string (0.45 s of a 13 MB bundle's 3.5 s parse). A name pushed
      // out by a collision is shared again when it comes back; the tree is as small.
      const slot = (n * 977 + s.charCodeAt(0) * 31 + s.charCodeAt(n - 1) * 7 + s.charCodeAt(n >> 1)) & this.mask;
      const known = shared[slot];
      if (known === s) return known;
      shared[slot] = s;
      return s;
    }

    override finishToken(type: unknown, value: unknown): void {
      super.finishToken(type, typeof value === 'string' ? this.share(value) : value);
    }

    override parseLiteral(value: unknown): acorn.Node {
      const node = super.parseLiteral(value) as acorn.Node & { raw?: string };
      if (typeof node.raw === 'string') node.raw = this.share(node.raw);
      return node;
    }

    override finishNode(node: acorn.Node, type: string): acorn.Node {
      const done = super.finishNode(node, type);
      exact(done, type);
      return done;
    }

    override finishNodeAt(node: acorn.Node, type: string, pos: number, loc?: acorn.Position): acorn.Node {
      const done = super.finishNodeAt(node, type, pos, loc);
      exact(done, type);
      return done;
    }
  } as unknown as typeof acorn.Parser;
}
