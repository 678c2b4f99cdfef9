// Names a bundle assigns a require later in the text than their uses (esbuild/Bun lazy
// initialisers), read from the text alone: which shapes count as `name = require("m")`.
import * as assert from 'node:assert/strict';
import { lateRequireBindings } from '../../src/core/js/lateRequires';

const modulesOf = (text: string) => Object.fromEntries([...lateRequireBindings(text)].map(([name, b]) => [name, b.source]));

describe('late require bindings', () => {
  const rows: Array<[string, string, Record<string, string>]> = [
    ['a plain assignment', 'var a;function f(){a.spawn()}var i=__esm(()=>{a=require("child_process")})', { a: 'child_process' }],
    ['__require and a wrapper call', 'b=__toESM(__require("fs"),1);c = wrap( require("os") )', { b: 'fs', c: 'os' }],
    ['spaces and a newline around =', 'd \n=\n require("http")', { d: 'http' }],
    ['a name reused for another value', 'e=require("fs");function g(){e=5}', {}],
    ['two modules under one name', 'h=require("fs");h=require("os")', {}],
    ['the same module twice', 'k=require("fs");k=require("fs")', { k: 'fs' }],
    ['a comparison is not an assignment', 'if(x===require("fs"))y()', {}],
    ['a property is not a name', 'o.p=require("fs")', {}],
    ['part of a longer name is not require', 'm=xrequire("fs");n=a__require("fs")', {}],
    ['a parenthesised call is not a wrapper', 'q=(require("fs"))', {}],
    ['a name cannot start with a digit', '1r=require("fs")', {}],
    ['exports and module are not names to bind', 'module=require("fs");exports=require("os")', {}],
    ['a wrapper with a space before its parenthesis does not count', 's=f (require("fs"))', {}],
  ];
  for (const [name, text, expected] of rows) it(name, () => assert.deepEqual(modulesOf(text), expected));
});
