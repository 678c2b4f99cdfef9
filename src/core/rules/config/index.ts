// Rules over assistants' configuration (findings with source `config`), in report order.
import type { ConfigRule } from '../types';
import { configEndpoint } from './config-endpoint';
import { configTlsOff } from './config-tls-off';
import { configAutoApprove } from './config-auto-approve';
import { configMcpAutotrust } from './config-mcp-autotrust';
import { configMcpUnpinned } from './config-mcp-unpinned';
import { configMcpRemote } from './config-mcp-remote';
import { configHookExec } from './config-hook-exec';
import { configInlineSecret } from './config-inline-secret';
import { configCredentialFile } from './config-credential-file';
import { configHiddenText } from './config-hidden-text';
import { configMcpServer } from './config-mcp-server';

export const CONFIG_RULES: readonly ConfigRule[] = [
  configEndpoint, configTlsOff,
  configAutoApprove, configMcpAutotrust, configMcpUnpinned, configMcpRemote, configHookExec,
  configInlineSecret, configCredentialFile,
  configHiddenText,
  configMcpServer,
];
