// A throw-away folder holding the given files (relative path -> content), for scan tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tempTree(files: Record<string, string | Buffer>, prefix = 'ata-tree-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}
