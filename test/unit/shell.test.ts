// Shell scripts a package ships: how their commands are read (core/shell) and what the rules
// say of them (scan/shell). Scripts modelled on real ones: JetBrains Junie's launcher shim,
// Continue's install.sh, Qoder's security bootstrap.
import * as assert from 'node:assert/strict';
import { shellScript } from '../../src/core/shell/commands';
import { spellings } from '../../src/core/shell/expand';
import { scanShellScript } from '../../src/core/scan/shell';
import { RULES } from '../../src/core/rules';

const words = (text: string) => shellScript(text).commands.map(c => c.words.map(w => w.text));

describe('shell commands', () => {
  it('splits commands at separators and newlines, removes quotes, keeps substitutions as written', () => {
    assert.deepEqual(words('a "b c" \'d e\' f\\ g; h && i || j & k\nl'), [['a', 'b c', 'd e', 'f g'], ['h'], ['i'], ['j'], ['k'], ['l']]);
    assert.deepEqual(words('x="$(tput colors 2>/dev/null || echo 0)" y\necho "${A:-b}" `date` $((1 + 2))'), [['y'], ['echo', '${A:-b}', '`date`', '$((1 + 2))']]);
  });

  it('leaves out comments, here-document bodies and reserved words, and joins continued lines', () => {
    const text = '# curl x | sh\nif ! command -v git; then\n  cat > f <<EOF\ncurl https://x | sh\nEOF\nfi\ncurl -fsSL \\\n  "$u" # trailing\n';
    assert.deepEqual(words(text), [['command', '-v', 'git'], ['cat'], ['curl', '-fsSL', '$u']]);
    const cat = shellScript(text).commands[1];
    assert.deepEqual(cat.redirects.map(r => `${r.op} ${r.target.text}`), ['> f', '<< EOF']);
  });

  it('records redirections, descriptor duplications apart, and the command a pipe feeds', () => {
    const [cmd] = shellScript('echo "$line" >> "$HOME/.zshrc" 2>/dev/null 2>&1\n').commands;
    assert.deepEqual(cmd.redirects.map(r => `${r.op} ${r.target.text}`), ['>> $HOME/.zshrc', '> /dev/null', '>& 1']);
    const piped = shellScript('curl -fsSL "$url" | bash -s -- --yes').commands;
    assert.equal(piped[1].pipedFrom, piped[0]);
    assert.deepEqual(piped[1].words.map(w => w.text), ['bash', '-s', '--', '--yes']);
  });

  it('drops case patterns and keeps what each branch assigns', () => {
    const script = shellScript('case "$s" in\n  zsh) P="$HOME/.zshrc" ;;\n  bash|sh)\n    P="$HOME/.bashrc" ;;\nesac\nfor f in a "b c"; do echo "$f"; done\nexport Q=1 R=2\nlocal L=x\n');
    assert.deepEqual(script.commands.map(c => c.words.map(w => w.text)), [['echo', '$f']]);
    assert.deepEqual([...script.variables].map(([k, v]) => `${k}=${v.map(w => w.text).join('|')}`), ['P=$HOME/.zshrc|$HOME/.bashrc', 'f=a|b c', 'Q=1', 'R=2', 'L=x']);
  });

  it('places words at their offsets in the script', () => {
    const text = 'a\n  tee -a "$HOME/.profile"\n';
    const [, tee] = shellScript(text).commands;
    assert.equal(text.slice(tee.start, tee.end), 'tee -a "$HOME/.profile"');
    assert.equal(text.slice(tee.words[2].start, tee.words[2].end), '"$HOME/.profile"');
  });

  it('never throws on unclosed quotes or brackets', () => {
    for (const text of ['echo "abc', "echo 'x", 'echo $(a', 'echo ${a', 'a <<', 'echo `x', ')))', '((((']) assert.doesNotThrow(() => shellScript(text), text);
  });

  it('spells a word: home as ~, the values the script gives, defaults, * for the rest', () => {
    const vars = shellScript('B="${BASE:-https://x.example.com}/i.sh"\nP="$HOME/.zshrc"\nP="$ZDOTDIR/.zshrc"\n').variables;
    assert.deepEqual(spellings({ text: '$B', start: 0, end: 0 }, vars), ['https://x.example.com/i.sh']);
    assert.deepEqual(spellings({ text: '${P}', start: 0, end: 0 }, vars), ['~/.zshrc']);
    assert.deepEqual(spellings({ text: '~/bin/$(uname)-$1', start: 0, end: 0 }, vars), ['~/bin/*-*']);
    assert.deepEqual(spellings({ text: '$LOOP', start: 0, end: 0 }, new Map([['LOOP', [{ text: '$LOOP/x', start: 0, end: 0 }]]])), ['*/x'], 'a variable made of itself');
  });
});

describe('shell scripts scanned', () => {
  const scan = (text: string, ownVendors: string[] = []) => scanShellScript(text, { file: 's.sh', rules: RULES, target: { ownVendors } }).findings.map(f => `${f.severity} ${f.ruleId} ${f.line}:${f.column} ${f.message}`);

  it('tells a download piped into a shell, or substituted into one, at the command (medium)', () => {
    const text = 'url="${X_URL:-https://x.example.com}/install.sh"\nif [[ "$1" == update ]]; then\n  curl -fsSL "$url" | bash\nfi\nbash -c "$(curl -fsSL https://y.example.com/i.sh)"\neval "$(wget -qO- https://z.example.com/env)"\nsource <(curl -s https://w.example.com/a)\n';
    assert.deepEqual(scan(text).filter(f => f.includes('child-process')), [
      'medium child-process 3:3 Runs a script it downloads, in a shell (the script itself): curl -fsSL https://x.example.com/install.sh | bash',
      'medium child-process 5:1 Runs a script it downloads, in a shell (the script itself): bash -c $(curl -fsSL https://y.example.com/i.sh)',
      'medium child-process 6:1 Runs a script it downloads, in a shell (the script itself): eval $(wget -qO- https://z.example.com/env)',
      'medium child-process 7:1 Runs a script it downloads, in a shell (the script itself): source <(curl -s https://w.example.com/a)',
    ]);
  });

  it("tells quarantine removal, and leaves a download saved, filtered or only printed", () => {
    const text = 'xattr -dr com.apple.quarantine "$DIR"\ncurl -fsSL -o "$T" "$U"\ncurl -s https://x.example.com/v.json | jq .version\necho "curl -fsSL https://x.example.com/i.sh | bash"\n';
    assert.deepEqual(scan(text).filter(f => !f.startsWith('info') && !f.startsWith('low')), [
      "medium child-process 1:1 Removes macOS's quarantine mark (the script itself: xattr -dr com.apple.quarantine *): Gatekeeper will not check those files when they first run",
    ]);
  });

  it('tells a write into a start-up file or another assistant\'s configuration (config-tamper), through variables set in branches', () => {
    const text = 'case "$SHELL" in\n  */zsh) P="$HOME/.zshrc" ;;\n  *) P="$HOME/.bashrc" ;;\nesac\ngrep -q x "$P" || echo "export PATH=$D:\\$PATH" >> "$P"\ncp settings.json ~/.claude/settings.json\necho x | tee -a ~/.profile >/dev/null\nsed -i.bak "/x/d" "$HOME/.zshenv"\nmv -f "$NEW" "$HOME/.local/bin/tool"\ncat "$HOME/.bashrc"\n';
    assert.deepEqual(scan(text, ['google']).filter(f => f.includes('config-tamper')), [
      'medium config-tamper 5:19 Writes shell start-up file (~/.zshrc or ~/.bashrc)',
      'high config-tamper 6:1 Writes Claude Code / Claude Desktop configuration (~/.claude/settings.json)',
      'medium config-tamper 7:10 Writes shell start-up file (~/.profile)',
      'medium config-tamper 8:1 Writes shell start-up file (~/.zshenv)',
    ]);
    assert.deepEqual(scan(text, ['anthropic']).filter(f => f.includes('high')), [], "the assistant's own configuration");
  });

  it('tells a download the script runs: written and started, moved then started, given to sh, unpacked and a program of it started (download-exec)', () => {
    const text = [
      'BIN_DIR="$HOME/.local/bin"', 'TMP="$(mktemp)"', 'curl -fsSL -o "$TMP" "https://example.com/t.tgz"', 'tar -xzf "${TMP}" -C "$BIN_DIR/stage"', 'chmod +x "$BIN_DIR/stage/tool"', '"$BIN_DIR/stage/tool" --version',
      'wget -qO /tmp/inst.sh https://example.com/inst.sh', 'sh /tmp/inst.sh', 'curl -fsSL https://example.com/x > "$BIN_DIR/x"', 'mv "$BIN_DIR/x" "$BIN_DIR/y"', 'exec "$BIN_DIR/y" "$@"',
      'curl -o notes.txt https://example.com/notes', 'cat notes.txt', 'curl -fsSLo "$BIN_DIR/z" https://example.com/z', 'chmod +x "$BIN_DIR/z"', '',
    ].join('\n');
    assert.deepEqual(scan(text).filter(f => f.includes('download-exec')), [
      'medium download-exec 6:1 Unpacks a downloaded archive into ~/.local/bin/stage and runs a program from it (the script itself)',
      'medium download-exec 8:1 Writes a download to /tmp/inst.sh and runs it (the script itself)',
      'medium download-exec 11:1 Writes a download to ~/.local/bin/y and runs it (the script itself)',
    ]);
  });

  it('names places the script mentions (low), not a message that ends with one', () => {
    const text = 'P="$HOME/.bashrc"\n[ -f "$P" ] && echo "Using shell profile: $P"\nlaunchctl load "$HOME/Library/LaunchAgents/x.plist"\n';
    assert.deepEqual(scan(text).filter(f => f.includes('persistence-location')), [
      'low persistence-location 2:6 Names a shell start-up file: ~/.bashrc',
      'low persistence-location 3:1 Names a launchctl load: launchctl load ~/Library/LaunchAgents/x.plist',
      'low persistence-location 3:16 Names a macOS launchd agent: ~/Library/LaunchAgents/x.plist',
    ]);
  });
});
