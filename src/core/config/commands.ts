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

/** The package a launcher (`npx -y pkg@1.2.3`, `uvx pkg==1.0`, `docker run image@sha256:…`) starts. */
export function launchedPackage(command: string, args: readonly string[]): LaunchedPackage | undefined {
  const words = [...splitWords(command), ...args];
  const exe = baseName(words[0] ?? '');
  let rest = words.slice(1);
  let launcher = exe;
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
  // `--package X` / `-p X` / `--from X` name the package explicitly.
  for (let i = 0; i < rest.length - 1; i++) {
    if (['--package', '-p', '--from', '--spec'].includes(rest[i])) return pkg(launcher, rest[i + 1], python);
    if (/^--(?:package|from|spec)=/.test(rest[i])) return pkg(launcher, rest[i].slice(rest[i].indexOf('=') + 1), python);
  }
  const first = rest.find(w => !w.startsWith('-'));
  return first ? pkg(launcher, first, python) : undefined;
}

function pkg(launcher: string, spec: string, python: boolean): LaunchedPackage {
  if (python) {
    const m = /^([A-Za-z0-9_.[\],-]+)(?:\s*(==|@|>=|~=|<=|>|<)\s*(\S*))?$/.exec(spec);
    const name = m ? m[1] : spec;
    return { launcher, package: name, pinned: !!m && (m[2] === '==' || m[2] === '@') && /^\d+(\.\d+)*$/.test(m[3] ?? '') };
  }
  // `@scope/name@1.2.3`, `name@latest`, `name`, `github:user/repo#sha`, a tarball URL.
  const at = spec.lastIndexOf('@');
  const name = at > 0 ? spec.slice(0, at) : spec;
  const version = at > 0 ? spec.slice(at + 1) : '';
  return { launcher, package: name, pinned: /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(version) };
}

function dockerImage(launcher: string, rest: readonly string[]): LaunchedPackage | undefined {
  // Options that take a value, so the value is not mistaken for the image.
  const withValue = new Set(['-e', '--env', '-v', '--volume', '-p', '--publish', '--name', '--network', '-w', '--workdir', '-u', '--user', '--env-file', '--entrypoint', '--mount', '--platform', '-l', '--label']);
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (withValue.has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    const digest = w.includes('@sha256:');
    const tag = /:([^/:@]+)$/.exec(w)?.[1];
    return { launcher, package: w.replace(/@sha256:.*$/, '').replace(/:[^/:@]+$/, ''), pinned: digest || (!!tag && tag !== 'latest' && /\d/.test(tag)) };
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

export function commandRisk(commandLine: string): CommandRisk {
  const risks: string[] = [];
  const pipe = new RegExp(`${FETCH}[^|;&\\n]*\\|\\s*(${SHELL})\\b`, 'i').exec(commandLine);
  const subst = new RegExp(`\\b(?:ba|z)?sh\\s+(?:-c\\s+)?["']?\\$\\(\\s*${FETCH}`, 'i').test(commandLine) || new RegExp(`<\\(\\s*${FETCH}`, 'i').test(commandLine);
  if (pipe) risks.push(`pipes a download into ${pipe[1].trim()}`);
  else if (subst) risks.push('runs a download through a shell');
  if (/\bbase64\s+(?:-d|--decode|-D)\b|\batob\s*\(|\bb64decode\b|FromBase64String|\bopenssl\s+(?:enc\s+)?-?base64\s+-d/i.test(commandLine)) risks.push('decodes base64');
  if (/(?:^|[\s;&|(`"'])eval\b|\bInvoke-Expression\b|(?:^|[\s;&|(])iex\b|\bnew\s+Function\s*\(|\bexec\s*\(/i.test(commandLine)) risks.push('evaluates a string');
  if (new RegExp(`${FETCH}[^|;&\\n]*\\s(?:-d|--data(?:-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file|--post-data|--post-file)\\b`, 'i').test(commandLine)) risks.push('uploads data');
  return { risks, fetchesAndRuns: !!pipe || subst };
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
