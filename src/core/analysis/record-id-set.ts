/**
 * The record IDs seen from one log (computer + channel), for de-duplication. Record IDs of a log
 * mostly come in increasing runs (2001, 2002, 2003, …), so they are kept as runs of consecutive
 * IDs: a few numbers for millions of events, where a Set would hold every one (tens of bytes each,
 * which made an import's memory grow with its number of events). IDs that arrive out of order and
 * below the last run go to a plain Set, so that no input (hostile or shuffled) makes an add cost
 * more than a binary search.
 */
export class RecordIdSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly scattered = new Set<number>();

  has(id: number): boolean {
    return this.inRuns(id) || this.scattered.has(id);
  }

  /** Adds the id; false when it was already there. */
  add(id: number): boolean {
    const last = this.ends.length - 1;
    const lastEnd = this.ends[last];
    if (lastEnd === undefined || id > lastEnd + 1) {
      this.starts.push(id);
      this.ends.push(id);
      return true;
    }
    if (id === lastEnd + 1) {
      this.ends[last] = id;
      return true;
    }
    if (this.has(id)) return false;
    this.scattered.add(id);
    return true;
  }

  /** Binary search over the runs (sorted and disjoint: new runs only ever start above the last). */
  private inRuns(id: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.starts[mid] ?? 0;
      const end = this.ends[mid] ?? -1;
      if (id < start) hi = mid - 1;
      else if (id > end) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
