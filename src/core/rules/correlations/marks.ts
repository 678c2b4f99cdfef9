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

export class FactMarks {
  private readonly byKind = new Map<Fact['kind'], BySpan>();
  /** Each span's facts, spans in the order first reported. */
  private readonly inOrder = new Map<Fact['kind'], Array<Array<Marked<Fact['kind']>>>>();

  constructor(drafts: readonly Draft[]) {
    for (const draft of drafts) {
      for (const fact of draft.facts) {
        let bySpan = this.byKind.get(fact.kind);
        if (!bySpan) this.byKind.set(fact.kind, (bySpan = new Map()));
        let byEnd = bySpan.get(draft.start);
        if (!byEnd) bySpan.set(draft.start, (byEnd = new Map()));
        let list = byEnd.get(draft.end);
        if (!list) {
          byEnd.set(draft.end, (list = []));
          let spans = this.inOrder.get(fact.kind);
          if (!spans) this.inOrder.set(fact.kind, (spans = []));
          spans.push(list);
        }
        list.push({ draft, fact });
        // The same source named again in the function, reported once: value flow may meet either node.
        if (fact.kind === 'source') for (const span of fact.also ?? []) this.addAlso(span, { draft, fact });
      }
    }
  }

  /** Facts at the other nodes of their report (`also`), by kind and span; not in all(). */
  private readonly alsoByKind = new Map<Fact['kind'], BySpan>();

  private addAlso(span: Span, marked: Marked<Fact['kind']>): void {
    let bySpan = this.alsoByKind.get(marked.fact.kind);
    if (!bySpan) this.alsoByKind.set(marked.fact.kind, (bySpan = new Map()));
    let byEnd = bySpan.get(span.start);
    if (!byEnd) bySpan.set(span.start, (byEnd = new Map()));
    let list = byEnd.get(span.end);
    if (!list) byEnd.set(span.end, (list = []));
    list.push(marked);
  }

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
