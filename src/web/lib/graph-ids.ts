/**
 * Ids of the drawn links. One dataset edge (account, source, target, event, ...) becomes up to two
 * links: source → account ("from") and account → target ("to"); links with the same ends and role
 * are merged. Node ids may hold any character, so a link id is JSON, not a separator-joined string.
 */
export type LinkRole = 'from' | 'to' | 'member';
export interface LinkEnds {
  account: string;
  other: string;
  role: LinkRole;
}

const PREFIX = 'link:';

export function linkId(account: string, other: string, role: LinkRole): string {
  return PREFIX + JSON.stringify([account, other, role]);
}

export function parseLinkId(id: string): LinkEnds | null {
  if (!id.startsWith(PREFIX)) return null;
  try {
    const v: unknown = JSON.parse(id.slice(PREFIX.length));
    if (!Array.isArray(v) || v.length !== 3) return null;
    const [account, other, role] = v as unknown[];
    if (typeof account !== 'string' || typeof other !== 'string') return null;
    if (role !== 'from' && role !== 'to' && role !== 'member') return null;
    return { account, other, role };
  } catch {
    return null;
  }
}
