// The audit covers the machine whose extension host runs it (extensionKind workspace first):
// say which one, so a user connected over SSH knows the tree is about the remote machine.
import * as os from 'node:os';

export function machineLabel(remoteName: string | undefined, hostname = os.hostname(), env: NodeJS.ProcessEnv = process.env): string {
  switch (remoteName) {
    case undefined:
      return `this machine (${hostname})`;
    case 'ssh-remote':
      return `SSH: ${hostname}`;
    case 'wsl':
      return `WSL: ${env.WSL_DISTRO_NAME || hostname}`;
    case 'dev-container':
    case 'attached-container':
      return `container: ${hostname}`;
    case 'codespaces':
      return `codespace: ${hostname}`;
    default:
      // Other remotes, code-server among them (its remote name is the server's host:port).
      return `remote host ${hostname} (${remoteName})`;
  }
}
