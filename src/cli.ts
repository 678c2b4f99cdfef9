// The command-line twin of the extension: the same core, text or JSON out, exit codes for CI.
import { TOOL_NAME, TOOL_VERSION } from './core/version';
import { UsageError } from './cli/args';
import { printable } from './core/text/safeText';
import { runScan } from './cli/scanCommand';
import { runRules } from './cli/rulesCommand';
import { runList } from './cli/listCommand';
import { runDiff } from './cli/diffCommand';

const HELP = `${TOOL_NAME} ${TOOL_VERSION}: what does the AI coding assistant code on this machine actually do?

Usage:
  ${TOOL_NAME} list [--json] [--home DIR]
  ${TOOL_NAME} scan [PATH...] [--only ID,...] [--home DIR] [--json] [--rules a,b]
        [--min-severity SEV] [--fail-on SEV] [--strict] [--policy FILE | --no-policy]
        [--format text|json|sarif|markdown] [--sarif FILE] [--markdown FILE]
        [--save-baseline FILE] [--baseline FILE] [--verbose]
  ${TOOL_NAME} diff PACKAGE OLD NEW [--format text|json|markdown] [--fail-on SEV]
  ${TOOL_NAME} rules [--json]
  ${TOOL_NAME} --version | --help

\`scan\` without PATH audits every AI assistant installed for this user.
\`diff\` fetches two published versions of an npm package and shows what the newer one added.

Run \`${TOOL_NAME} COMMAND --help\` for a command's options.
Never runs, requires or imports the code it scans.`;

const COMMANDS: Record<string, (argv: string[]) => number | Promise<number>> = {
  list: runList,
  scan: runScan,
  rules: runRules,
  diff: runDiff,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`${TOOL_NAME}: unknown command "${printable(command)}"\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      // Usage errors can quote what was found on disk (ids, names): escape before printing.
      process.stderr.write(`${TOOL_NAME} ${command}: ${printable(e.message)}\nRun \`${TOOL_NAME} ${command} --help\` for usage.\n`);
      return 2;
    }
    // Not 1: that code means findings or policy violations, and CI acts on it.
    process.stderr.write(`${TOOL_NAME} ${command}: internal error, please report: ${printable(e instanceof Error ? e.message : String(e))}\n`);
    return INTERNAL_ERROR;
  }
}

const INTERNAL_ERROR = 3;

// A reader that stops early (`rules | head`) closes our stdout: end quietly, as Unix tools do,
// with the exit code the command already chose.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

void main(process.argv.slice(2)).then(code => {
  process.exitCode = code;
});
