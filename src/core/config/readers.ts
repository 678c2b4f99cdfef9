// Every assistant family whose configuration is read, in the order reports list them. Add a
// reader here with its fixture home and workspace (test/fixtures/config/<family>/) and its tests.
import type { ConfigReader } from './types';
import { claudeCode } from './claude';
import { vscode, vscodeInsiders, vscodium } from './vscode';
import { cursor } from './cursor';
import { windsurf } from './windsurf';
import { kiro } from './kiro';
import { cline, rooCode } from './cline';
import { codexCli } from './codex';
import { copilotCli } from './copilot';
import { geminiCli, qwenCode } from './gemini';
import { continueDev } from './continue';
import { opencode } from './opencode';

export const CONFIG_READERS: readonly ConfigReader[] = [
  claudeCode,
  vscode,
  vscodeInsiders,
  vscodium,
  cursor,
  windsurf,
  kiro,
  cline,
  rooCode,
  codexCli,
  geminiCli,
  qwenCode,
  copilotCli,
  continueDev,
  opencode,
];
