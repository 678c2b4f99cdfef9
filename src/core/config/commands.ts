// What a command line in a settings file does, read as text (never run): which package a
// launcher fetches and whether its version is pinned, and whether it downloads and runs code,
// pipes into a shell, decodes base64 or evaluates a string.

export interface LaunchedPackage {
  launcher: string;
  package: string;
  /** An exact version or an image digest; `@latest`, a range or nothing is unpinned. */
  pinned: boolean;
}

const NODE_LAUNCHERS = new Set(['npx', 'bunx', 'pnpx']);
const SUBCOMMAND_LAUNCHERS: Record<string, string> = { pnpm: 'dlx', yarn: 'dlx', npm: 'exec', bun: 'x' };
/** Launcher options whose next word is their value, not the package (`uvx --python 3.12 pkg`). */
const OPTIONS_WITH_VALUE = new Set(['--python', '--with', '--with-requirements', '--index-url', '--extra-index-url', '--index', '--cache', '--registry', '--userconfig', '--call', '-c', '--node-options', '--prefix', '--pip-args', '--spec-file']);
/** Shells that run their `-c` / `/c` argument: `cmd /c npx -y pkg`, `bash -c "uvx pkg"`. */
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'cmd', 'powershell', 'pwsh']);

/** The package a launcher (`npx -y pkg@1.2.3`, `uvx pkg==1.0`, `docker run image@sha256:…`) starts. */
export function launchedPackage(command: string, args: readonly string[]): LaunchedPackage | undefined {
  return fromWords([...splitWords(command), ...args], 0);
}

function fromWords(words: readonly string[], depth: number): LaunchedPackage | undefined {
  const exe = baseName(words[0] ?? '');
  let rest = words.slice(1);
  let launcher = exe;
  if (SHELLS.has(exe) && depth < 2) {
    const flag = rest.findIndex(w => /^(?:-c|\/c|-command|-Command)$/i.test(w));
    return flag >= 0 && rest[flag + 1] !== undefined ? fromWords(splitWords(rest.slice(flag + 1).join(' ')), depth + 1) : undefined;
  }
  if (exe in SUBCOMMAND_LAUNCHERS) {
    if (rest[0] !== SUBCOMMAND_LAUNCHERS[exe]) return undefined;
    launcher = `${exe} ${rest[0]}`;
    rest = rest.slice(1);
  } else if (exe === 'pipx') {
    if (rest[0] !== 'run') return undefined;
    rest = rest.slice(1);
  } else if (exe === 'docker' || exe === 'podman') {
    if (rest[0] !== 'run') return undefined;
    return dockerImage(launcher, rest.slice(1));
  } else if (!NODE_LAUNCHERS.has(exe) && exe !== 'uvx' && exe !== 'uv') return undefined;
  if (exe === 'uv') {
    if (rest[0] !== 'tool' || rest[1] !== 'run') return undefined;
    launcher = 'uv tool run';
    rest = rest.slice(2);
  }
  const python = exe === 'uvx' || exe === 'uv' || exe === 'pipx';
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    // `--package X` / `-p X` / `--from X` name the package explicitly.
    if (['--package', '--from', '--spec'].includes(w) || (w === '-p' && !python)) return rest[i + 1] === undefined ? undefined : pkg(launcher, rest[i + 1], python);
    if (/^--(?:package|from|spec)=/.test(w)) return pkg(launcher, w.slice(w.indexOf('=') + 1), python);
    if (OPTIONS_WITH_VALUE.has(w) || (w === '-p' && python)) {
      i++;
      continue;
    }
    if (w === '--') continue;
    if (!w.startsWith('-')) return pkg(launcher, w, python);
  }
  return undefined;
}

function pkg(launcher: string, spec: string, python: boolean): LaunchedPackage {
  // A git source pinned to a full commit (`github:u/r#<sha>`, `git+https://…/r@<sha>`,
  // `u/r#<sha>`) is as fixed as a version; a branch or tag name moves.
  const git = /^(?:github:|git\+|git:|https:\/\/github\.com\/|(?=[\w.-]+\/[\w.-]+#))(.+?)(?:[#@]([^#@/]*))?$/.exec(spec);
  if (git && (spec.includes('#') || /^(?:github:|git\+|git:|https:)/.test(spec))) return { launcher, package: git[1], pinned: /^[0-9a-f]{40}$/i.test(git[2] ?? '') };
  if (python) {
    const m = /^([A-Za-z0-9_.[\],-]+)(?:\s*(==|@|>=|~=|<=|>|<)\s*(\S*))?$/.exec(spec);
    const name = m ? m[1] : spec;
    return { launcher, package: name, pinned: !!m && (m[2] === '==' || m[2] === '@') && /^\d+(\.\d+)*$/.test(m[3] ?? '') };
  }
  // `@scope/name@1.2.3`, `name@latest`, `name`.
  const at = spec.lastIndexOf('@');
  const name = at > 0 ? spec.slice(0, at) : spec;
  const version = at > 0 ? spec.slice(at + 1) : '';
  return { launcher, package: name, pinned: /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(version) };
}

function dockerImage(launcher: string, rest: readonly string[]): LaunchedPackage | undefined {
  // Options that take a value, so the value is not mistaken for the image.
  const withValue = new Set(['-e', '--env', '-v', '--volume', '-p', '--publish', '--name', '--network', '--net', '-w', '--workdir', '-u', '--user', '--env-file', '--entrypoint', '--mount', '--platform', '-l', '--label', '--pull', '-m', '--memory', '--cpus', '--add-host', '--dns', '-h', '--hostname', '--cap-add', '--cap-drop', '--security-opt', '--ulimit', '--device', '--restart', '--runtime', '--tmpfs', '--ipc', '--pid', '--log-driver', '--log-opt', '--gpus', '--shm-size', '--cidfile', '--group-add', '--health-cmd', '--init-path', '--isolation', '--link', '--mac-address', '--memory-swap', '--oom-score-adj', '--stop-signal', '--stop-timeout', '--storage-opt', '--sysctl', '--userns', '--uts', '--volumes-from', '--cpu-shares', '-c', '--cpuset-cpus', '--blkio-weight', '--expose', '--attach', '-a', '--label-file']);
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (withValue.has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    const digest = /@sha256:[0-9a-f]{64}$/.test(w);
    const tag = /:([^/:@]+)$/.exec(w)?.[1];
    // Only a digest fixes the bytes; a full x.y.z tag is the usual pin, `:v1` or `:latest` move.
    return { launcher, package: w.replace(/@sha256:.*$/, '').replace(/:[^/:@]+$/, ''), pinned: digest || (!!tag && /^v?\d+\.\d+\.\d+/.test(tag)) };
  }
  return undefined;
}

export interface CommandRisk {
  /** Short phrases: "pipes a download into sh", "decodes base64", "evaluates a string". */
  risks: string[];
  /** Fetches code from the network and runs it. */
  fetchesAndRuns: boolean;
}

const FETCH = String.raw`\b(?:curl|wget|fetch|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|http)\b`;
const SHELL = String.raw`(?:sudo\s+)?(?:env\s+)?(?:[\w/.-]*\/)?(?:ba|z|da|k|fi)?sh|python[0-9.]*|node|perl|ruby|iex|Invoke-Expression|pwsh|powershell`;
/** After the interpreter: `-c CODE` / `-e CODE` run that code and read the pipe as data. */
const RUNS_STDIN = String.raw`(?!\s+(?:-c|-e|-m|-p|--eval|--print|-Command)\b)`;
/** A fetch from this machine (a local status endpoint) downloads no code from anywhere. */
const LOCAL_URL = /^(?:https?:\/\/)?(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])(?:[:/]|$)/i;

export function commandRisk(commandLine: string): CommandRisk {
  const risks: string[] = [];
  const pipe = new RegExp(`${FETCH}([^|;&\\n]*)\\|\\s*(${SHELL})\\b${RUNS_STDIN}`, 'i').exec(commandLine);
  const fetchesRemote = pipe && !pipe[1].trim().split(/\s+/).some(w => LOCAL_URL.test(w.replace(/^["']|["']$/g, '')));
  const subst = new RegExp(`\\b(?:ba|z)?sh\\s+(?:-c\\s+)?["']?\\$\\(\\s*${FETCH}`, 'i').test(commandLine) || new RegExp(`<\\(\\s*${FETCH}`, 'i').test(commandLine);
  if (pipe && fetchesRemote) risks.push(`pipes a download into ${pipe[2].trim()}`);
  else if (subst) risks.push('runs a download through a shell');
  const decodes = /\bbase64\s+(?:-d|--decode|-D)\b|\batob\s*\(|\bb64decode\b|FromBase64String|\bopenssl\s+(?:enc\s+)?-?base64\s+-d/i.test(commandLine);
  if (decodes && new RegExp(`(?:base64\\s+(?:-d|--decode|-D)|b64decode|FromBase64String)[^;&\\n]*\\|\\s*(?:${SHELL})\\b${RUNS_STDIN}`, 'i').test(commandLine)) risks.push('runs base64-decoded text');
  else if (decodes) risks.push('decodes base64');
  if (/(?:^|[\s;&|(`"'])eval\b|\bInvoke-Expression\b|(?:^|[\s;&|(])iex\b|\bnew\s+Function\s*\(|\bexec\s*\(/i.test(commandLine)) risks.push('evaluates a string');
  if (new RegExp(`${FETCH}[^|;&\\n]*\\s(?:-d|--data(?:-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file|--post-data|--post-file)\\b`, 'i').test(commandLine)) risks.push('uploads data');
  return { risks, fetchesAndRuns: (!!pipe && !!fetchesRemote) || subst };
}

/** Words of a command line, quotes removed (enough to find the program and its package). */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

function baseName(p: string): string {
  return p.replace(/^.*[\\/]/, '').replace(/\.(?:cmd|exe|bat)$/i, '').toLowerCase();
}

/** How a server or hook starts, as one line: the command and its arguments, or its URL. */
export function launchLine(command: string | undefined, args: readonly string[] | undefined, url: string | undefined): string {
  return command ? [command, ...(args ?? [])].join(' ') : url ?? '(no command or URL)';
}
