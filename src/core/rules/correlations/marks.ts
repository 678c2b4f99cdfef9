// The facts of a module's drafts, found by the node they sit on: what value flow asks about
// at every step ("is this node a timezone read? a vendor list?").
import type { Span } from '../../model';
import type { Node } from '../../js/ast';
import type { Draft } from '../findings';
import type { Fact, FactOf } from '../facts';

export interface Marked<K extends Fact['kind']> {
  draft: Draft;
  fact: FactOf<K>;
}

/** Facts by the span they sit on: start, then end. Value flow asks at every step, so numbers, not string keys. */
type BySpan = Map<number, Map<number, Array<Marked<Fact['kind']>>>>;

/** The facts of a kind at a span in `table`, made empty the first time (and then added to `listed`, when given). */
function listAt(table: Map<Fact['kind'], BySpan>, kind: Fact['kind'], span: Span, listed?: () => Array<Array<Marked<Fact['kind']>>>): Array<Marked<Fact['kind']>> {
  let bySpan = table.get(kind);
  if (!bySpan) table.set(kind, (bySpan = new Map()));
  let byEnd = bySpan.get(span.start);
  if (!byEnd) bySpan.set(span.start, (byEnd = new Map()));
  let list = byEnd.get(span.end);
  if (!list) {
    byEnd.set(span.end, (list = []));
    listed?.().push(list);
  }
  return list;
}

export class FactMarks {
  private readonly byKind = new Map<Fact['kind'], BySpan>();
  /** Each span's facts, spans in the order first reported. */
  private readonly inOrder = new Map<Fact['kind'], Array<Array<Marked<Fact['kind']>>>>();

  constructor(drafts: readonly Draft[]) {
    for (const draft of drafts) {
      for (const fact of draft.facts) {
        const list = listAt(this.byKind, fact.kind, draft, () => {
          let spans = this.inOrder.get(fact.kind);
          if (!spans) this.inOrder.set(fact.kind, (spans = []));
          return spans;
        });
        list.push({ draft, fact });
        // The same source named again in the function, reported once: value flow may meet either node.
        if (fact.kind === 'source') for (const span of fact.also ?? []) listAt(this.alsoByKind, fact.kind, span).push({ draft, fact });
      }
    }
  }

  /** Facts at the other nodes of their report (`also`), by kind and span; not in all(). */
  private readonly alsoByKind = new Map<Fact['kind'], BySpan>();

  /** The facts of a kind on the node (or span) exactly. */
  at<K extends Fact['kind']>(node: Span, kind: K): Array<Marked<K>> | undefined {
    return (this.byKind.get(kind)?.get(node.start)?.get(node.end) ?? this.alsoByKind.get(kind)?.get(node.start)?.get(node.end)) as Array<Marked<K>> | undefined;
  }

  /** Every fact of a kind, in report order. */
  all<K extends Fact['kind']>(kind: K): Array<Marked<K>> {
    return (this.inOrder.get(kind) ?? []).flat() as unknown as Array<Marked<K>>;
  }

  /** A mark function for ValueFlow.origins over one kind of fact. */
  marker<K extends Fact['kind']>(kind: K, keep: (m: Marked<K>) => boolean = () => true): (node: Node) => Array<Marked<K>> | undefined {
    // Asked at every step of every search: the kind's table is looked up once, here.
    const bySpan = this.byKind.get(kind);
    if (!bySpan) return () => undefined;
    const also = this.alsoByKind.get(kind);
    return node => {
      const found = ((bySpan.get(node.start)?.get(node.end) ?? also?.get(node.start)?.get(node.end)) as Array<Marked<K>> | undefined)?.filter(keep);
      return found && found.length ? found : undefined;
    };
  }
}
