// An acorn plugin that stops the parse once its recursion goes deep, with an error that says
// so, long before the stack runs out. Near the end of the stack V8 may abort the whole process
// while compiling one of acorn's regular expressions instead of throwing (seen with 100,000
// `if(a)` in a row), so running out of stack is not a safe way to fail. Bracket nesting is
// refused before parsing (nesting.ts); this covers what has no brackets: `if(a)if(a)…`,
// `!!!!…a`, `a=a=a=…`, `x?x?…`, `new new …`, long `else if` chains.

import type * as acorn from 'acorn';

/**
 * Nested parse calls allowed. The corpus peaks at 87 (Claude Code) and 125 (Qodo, obfuscated);
 * the default 984 KB stack runs out between 1,545 (nested calls) and 3,436 (conditionals).
 */
export const MAX_PARSE_DEPTH = 1000;

export class ParseTooDeep extends RangeError {
  constructor(readonly pos: number) {
    super(`code nested more than ${MAX_PARSE_DEPTH} levels deep (at offset ${pos}); parse stopped before it could exhaust the stack`);
  }
}

// The recursive entry points of acorn 8's parser: statements, expressions and their operands.
// Not parseExprOp: a chain of binary operators (`"a"+"b"+…` thousands long in real bundles)
// recurses there one small frame per operator and ends in a RangeError, which is caught.
const GUARDED = ['parseStatement', 'parseMaybeAssign', 'parseMaybeUnary', 'parseMaybeConditional', 'parseExprAtom', 'parseBlock'] as const;

type Guarded = Record<(typeof GUARDED)[number], (a?: unknown, b?: unknown, c?: unknown, d?: unknown) => unknown> & { start: number };

export function depthGuard(Base: typeof acorn.Parser): typeof acorn.Parser {
  const Internal = Base as unknown as new (...args: unknown[]) => Guarded;
  const Guard = class extends Internal {
    depth = 0;
  };
  for (const name of GUARDED) {
    const inherited = (Internal.prototype as Guarded)[name];
    if (typeof inherited !== 'function') throw new Error(`acorn has no ${name}: the depth guard needs updating`);
    Object.defineProperty(Guard.prototype, name, {
      // Four plain parameters (the most any guarded method takes), not `...args`: a rest array
      // and `apply` at every statement and expression cost a tenth of the parse.
      value(this: InstanceType<typeof Guard>, a?: unknown, b?: unknown, c?: unknown, d?: unknown) {
        if (++this.depth > MAX_PARSE_DEPTH) throw new ParseTooDeep(this.start);
        try {
          return inherited.call(this, a, b, c, d);
        } finally {
          this.depth--;
        }
      },
      writable: true,
      configurable: true,
    });
  }
  return Guard as unknown as typeof acorn.Parser;
}
