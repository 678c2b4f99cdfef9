// Text the assistant reads but a person does not see: Unicode tag characters (an invisible copy
// of ASCII), bidi controls, zero-width characters and variation selectors in instruction files
// and MCP server descriptions, and HTML comments in instruction files (hidden when rendered).
import type { ConfigRule, ConfigText } from '../types';
import type { ConfigPlace } from '../../model';

// Tag characters, bidi controls, zero-width, word joiner/invisible operators, variation selectors, BOM inside text.
const HIDDEN = /[\u{E0000}-\u{E007F}]+|[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]+|[\u200B-\u200D\u2060-\u2064\uFEFF]+|[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]+/gu;
const COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
const MAX_REPORTS_PER_FILE = 20;

export const configHiddenText: ConfigRule = {
  meta: {
    id: 'config-hidden-text',
    category: 'covert',
    severity: 'high',
    title: 'Hidden text in instructions the assistant follows',
    description: 'Invisible Unicode (tag characters, bidi controls, zero-width characters, variation selectors) in instruction files and MCP server descriptions, and HTML comments in instruction files.',
    messages: {
      hidden: '{{count}} ({{what}}) in {{where}}{{decoded}}',
      comment: 'HTML comment in {{where}}, hidden when rendered but read by the assistant: {{text}}',
    },
  },
  check(ctx) {
    for (const t of ctx.texts) {
      if (t.kind !== 'instructions') continue;
      let reports = 0;
      for (const m of t.text.matchAll(HIDDEN)) {
        if (partOfEmoji(t.text, m.index!, m[0])) continue;
        if (reports++ >= MAX_REPORTS_PER_FILE) break;
        const at = t.place('', { start: m.index!, end: m.index! + m[0].length });
        ctx.report(hiddenReport(m[0], at, t.scope, `instruction file ${t.file}`));
      }
      for (const m of t.text.matchAll(COMMENT)) {
        if (reports++ >= MAX_REPORTS_PER_FILE) break;
        const body = m[1].replace(/\s+/g, ' ').trim();
        if (!body) continue;
        const at = t.place('', { start: m.index!, end: m.index! + m[0].length });
        ctx.report({ messageId: 'comment', data: { where: t.file, text: body }, at, scope: t.scope, severity: 'low', evidence: [body], identity: body });
      }
    }
    for (const s of ctx.inventory.mcpServers) {
      for (const m of (s.description ?? '').matchAll(HIDDEN)) {
        if (partOfEmoji(s.description!, m.index!, m[0])) continue;
        ctx.report({ ...hiddenReport(m[0], s.at, s.scope, `the description of MCP server "${s.name}"`), mcpServer: s.name });
        break;
      }
    }
  },
};

/** What a presentation selector may follow: an emoji or symbol, or a keycap's digit, # or *. */
const PRESENTABLE = /[\p{Extended_Pictographic}\p{So}\p{Sm}#*0-9]/u;
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}]/u;

/**
 * Characters that ordinary emoji are made of: one presentation selector (⚠️ is U+26A0 U+FE0F)
 * and a single joiner between two pictographs (👨‍👩‍👧). A run of selectors after one emoji is
 * how "emoji smuggling" hides bytes, so runs of more than one still count.
 */
function partOfEmoji(text: string, index: number, run: string): boolean {
  if (run === '\uFE0F' || run === '\uFE0E') return PRESENTABLE.test([...text.slice(Math.max(0, index - 2), index)].pop() ?? '');
  if (run !== '\u200D') return false;
  const before = [...text.slice(Math.max(0, index - 4), index).replace(/[\uFE0E\uFE0F]$/, '')].pop() ?? '';
  const after = [...text.slice(index + 1, index + 3)][0] ?? '';
  return PICTOGRAPH.test(before) && PICTOGRAPH.test(after);
}

function hiddenReport(run: string, at: ConfigPlace, scope: ConfigText['scope'], where: string) {
  const chars = [...run];
  const first = chars[0].codePointAt(0)!;
  const tags = first >= 0xe0000 && first <= 0xe007f;
  const what = tags ? 'Unicode tag characters' : /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u.test(run) ? 'bidi controls' : /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u.test(run) ? 'variation selectors' : 'zero-width characters';
  // Tag characters mirror ASCII: what they spell is the hidden instruction.
  const spelled = tags ? chars.map(c => String.fromCharCode(c.codePointAt(0)! - 0xe0000)).join('').replace(/[^\x20-\x7e]/g, '?') : '';
  return {
    messageId: 'hidden',
    data: { count: chars.length === 1 ? '1 invisible character' : `${chars.length} invisible characters`, what, where, decoded: spelled ? `, spelling "${spelled}"` : '' },
    at,
    scope,
    evidence: [`${chars.length} × U+${first.toString(16).toUpperCase()}${spelled ? ` spelling: ${spelled}` : ''}`],
    identity: run,
  };
}
