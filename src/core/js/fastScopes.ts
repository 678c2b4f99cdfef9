// An acorn plugin with the same redeclaration checks as acorn's own scope tracking, but with
// Sets beside its arrays. acorn looks names up with Array.indexOf, which is quadratic in the
// number of top-level declarations: about a second of a 13 MB bundle's parse time here.
// Only declareName and checkLocalExport read the arrays for lookups (acorn 8.x); the arrays
// are still filled so that anything else reading them sees what acorn would.
import type * as acorn from 'acorn';

// acorn 8 binding and scope flags (src/scopeflags.js)
const BIND_LEXICAL = 2;
const BIND_FUNCTION = 3;
const BIND_SIMPLE_CATCH = 4;
const SCOPE_TOP = 1;
const SCOPE_SIMPLE_CATCH = 32;
const SCOPE_VAR = 1 | 2 | 256;

interface Scope {
  flags: number;
  var: string[];
  lexical: string[];
  functions: string[];
  varSet?: Set<string>;
  lexicalSet?: Set<string>;
  functionsSet?: Set<string>;
}

// acorn's parser internals are not in its type declarations.
type ParserInternals = {
  currentScope(): Scope;
  scopeStack: Scope[];
  inModule: boolean;
  undefinedExports: Record<string, unknown>;
  treatFunctionsAsVar: boolean;
  treatFunctionsAsVarInScope(scope: Scope): boolean;
  raiseRecoverable(pos: number, message: string): void;
};

function sets(scope: Scope): Required<Scope> {
  scope.varSet ??= new Set(scope.var);
  scope.lexicalSet ??= new Set(scope.lexical);
  scope.functionsSet ??= new Set(scope.functions);
  return scope as Required<Scope>;
}

export function fastScopes(Base: typeof acorn.Parser): typeof acorn.Parser {
  // The subclass overrides internals the declared Parser type does not have.
  const Internal = Base as unknown as new (...args: unknown[]) => object;
  return class extends Internal {
    declareName(this: ParserInternals, name: string, bindingType: number, pos: number): void {
      let redeclared = false;
      if (bindingType === BIND_LEXICAL) {
        const scope = sets(this.currentScope());
        redeclared = scope.lexicalSet.has(name) || scope.functionsSet.has(name) || scope.varSet.has(name);
        scope.lexical.push(name);
        scope.lexicalSet.add(name);
        if (this.inModule && scope.flags & SCOPE_TOP) delete this.undefinedExports[name];
      } else if (bindingType === BIND_SIMPLE_CATCH) {
        const scope = sets(this.currentScope());
        scope.lexical.push(name);
        scope.lexicalSet.add(name);
      } else if (bindingType === BIND_FUNCTION) {
        const scope = sets(this.currentScope());
        redeclared = this.treatFunctionsAsVar ? scope.lexicalSet.has(name) : scope.lexicalSet.has(name) || scope.varSet.has(name);
        scope.functions.push(name);
        scope.functionsSet.add(name);
      } else {
        for (let i = this.scopeStack.length - 1; i >= 0; --i) {
          const scope = sets(this.scopeStack[i]);
          if (
            (scope.lexicalSet.has(name) && !(scope.flags & SCOPE_SIMPLE_CATCH && scope.lexical[0] === name)) ||
            (!this.treatFunctionsAsVarInScope(scope) && scope.functionsSet.has(name))
          ) {
            redeclared = true;
            break;
          }
          scope.var.push(name);
          scope.varSet.add(name);
          if (this.inModule && scope.flags & SCOPE_TOP) delete this.undefinedExports[name];
          if (scope.flags & SCOPE_VAR) break;
        }
      }
      if (redeclared) this.raiseRecoverable(pos, `Identifier '${name}' has already been declared`);
    }

    checkLocalExport(this: ParserInternals, id: { name: string }): void {
      const top = sets(this.scopeStack[0]);
      if (!top.lexicalSet.has(id.name) && !top.varSet.has(id.name)) this.undefinedExports[id.name] = id;
    }
  } as unknown as typeof acorn.Parser;
}
