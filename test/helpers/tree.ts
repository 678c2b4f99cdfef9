// A temporary folder holding the given files (relative path -> content), as a real path.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tree(files: Record<string, string | Buffer>, mode = 0o644): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ata-tree-')));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content, { mode });
  }
  return root;
}
