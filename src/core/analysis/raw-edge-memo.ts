/**
 * Raw edges by their parts, in front of the edge map's string keys (graph-event-handlers.ts).
 *
 * A logon's edge key joins eight parts, about a hundred characters that were built, scanned for
 * separators and hashed for every event, while the parts themselves are strings the identity
 * caches hand out again and again (an account's raw key, a source's, a host id, a status). Here an
 * event whose parts equal, one by one, those of an edge already made finds that edge without a
 * key. The first event of each edge still goes the key's way and the edge is remembered with the
 * parts it was made from, so which events share an edge stays the key's decision: equal parts
 * give an equal key, and parts that match no remembered edge fall back to the key.
 */
import type { RawEdge } from './graph-event-handlers.js';

/** Edges remembered per account and source, and in all (hostile logs make every edge new). */
const MAX_PER_ENDS = 64;
const MAX_EDGES = 200_000;

export class RawEdgeMemo {
  private readonly byEnds = new Map<string, Map<string, RawEdge[]>>();
  private size = 0;

  /** The remembered edge made from exactly these parts, or undefined. */
  find(
    account: string,
    source: string,
    target: string | null,
    eventId: number,
    logonType: string | null,
    status: string | null,
    subStatus: string | null,
    authPackage: string | null,
    subject: string | null,
  ): RawEdge | undefined {
    const list = this.byEnds.get(account)?.get(source);
    if (list === undefined) return undefined;
    for (let i = 0; i < list.length; i++) {
      const edge = list[i]!;
      if (
        edge.eventId === eventId &&
        edge.target === target &&
        edge.logonType === logonType &&
        edge.status === status &&
        edge.subStatus === subStatus &&
        edge.authPackage === authPackage &&
        edge.subject === subject
      )
        return edge;
    }
    return undefined;
  }

  /** Remembers a new edge under the parts it was made from (its own fields). */
  remember(edge: RawEdge): void {
    if (this.size >= MAX_EDGES) return;
    let bySource = this.byEnds.get(edge.account);
    if (bySource === undefined) this.byEnds.set(edge.account, (bySource = new Map()));
    let list = bySource.get(edge.source);
    if (list === undefined) bySource.set(edge.source, (list = []));
    if (list.length >= MAX_PER_ENDS) return;
    list.push(edge);
    this.size++;
  }
}
