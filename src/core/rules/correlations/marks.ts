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

const keyOf = (s: Span) => `${s.start}:${s.end}`;

export class FactMarks {
  private readonly byKind = new Map<Fact['kind'], Map<string, Array<Marked<Fact['kind']>>>>();

  constructor(drafts: readonly Draft[]) {
    for (const draft of drafts) {
      for (const fact of draft.facts) {
        let bySpan = this.byKind.get(fact.kind);
        if (!bySpan) this.byKind.set(fact.kind, (bySpan = new Map()));
        const key = keyOf(draft);
        let list = bySpan.get(key);
        if (!list) bySpan.set(key, (list = []));
        list.push({ draft, fact });
      }
    }
  }

  /** The facts of a kind on the node (or span) exactly. */
  at<K extends Fact['kind']>(node: Span, kind: K): Array<Marked<K>> | undefined {
    return this.byKind.get(kind)?.get(keyOf(node)) as Array<Marked<K>> | undefined;
  }

  /** Every fact of a kind, in report order. */
  all<K extends Fact['kind']>(kind: K): Array<Marked<K>> {
    return [...(this.byKind.get(kind)?.values() ?? [])].flat() as unknown as Array<Marked<K>>;
  }

  /** A mark function for ValueFlow.origins over one kind of fact. */
  marker<K extends Fact['kind']>(kind: K, keep: (m: Marked<K>) => boolean = () => true): (node: Node) => Array<Marked<K>> | undefined {
    return node => {
      const found = this.at(node, kind)?.filter(keep);
      return found && found.length ? found : undefined;
    };
  }
}
