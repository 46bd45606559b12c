// What a compiled template (or a fragment of binary XML read without one) does to the event being
// read: a short list of actions such as "slot 7 is TargetUserName" or "literal `Security` is the
// Channel". chunk.ts compiles and applies them; line-program.ts turns them into line programs.

import { putString } from '../../events/index.js';

/** A single field value longer than this is cut (a real EventData value is far shorter). */
export const MAX_VALUE_CHARS = 65536;

/** The values of a template instance: where each slot's value is, its size in bytes and type. */
export interface ValueSlots {
  off: Int32Array;
  size: Int32Array;
  type: Uint8Array;
  /** Code units of a string value once trailing NULs are dropped (line programs fill these). */
  units: Int32Array;
}

// Action kinds.
export const K_TEXT = 0;
export const K_DATA_DYNAMIC = 1; // <Data Name="%n">: the name itself is a substitution
export const K_NESTED = 2; // a substitution that may hold nested binary XML (0x21)
export const K_TEMPLATE = 3; // a template instance met in literal binary XML
export const K_NESTED_LITERAL = 4; // nested binary XML given as a literal value token (offset, size)

// Targets of a K_TEXT action.
export const T_EVENTID = 0;
export const T_TIME = 1;
export const T_RECORDID = 2;
export const T_PROVIDER = 3;
export const T_CHANNEL = 4;
export const T_COMPUTER = 5;
export const T_DATA = 6;

/** Literal text, or the index of a substitution slot. */
export type Part = string | number;

export interface Action {
  kind: number;
  target: number;
  /** Position of the model field in EVENT_DATA_FIELDS (T_DATA with a name known when compiled). */
  field: number;
  parts: Part[];
  nameParts: Part[];
  slot: number;
  /** Element state a nested fragment or template instance is read in. */
  ctx: number;
  offset: number;
  /** The text when every part is literal (a constant of the template), else null. */
  text: string | null;
  /** That text as JSON bytes, made when a sink first needs it (RecordValueRefs.setBytes). */
  json: Uint8Array | null;
}

export function action(
  kind: number,
  target: number,
  field: number,
  parts: Part[],
  nameParts: Part[],
  slot: number,
  ctx: number,
  offset: number,
): Action {
  const text = parts.length > 0 && parts.every((x) => typeof x === 'string') ? parts.join('') : null;
  return { kind, target, field, parts, nameParts, slot, ctx, offset, text, json: null };
}

/** System fields first (EventID first of all, so a filtered record stops early), then data. */
export function priority(a: Action): number {
  if (a.kind !== K_TEXT) return 3;
  if (a.target === T_EVENTID) return 0;
  if (a.target === T_DATA) return 3;
  return a.target === T_TIME ? 1 : 2;
}

/** The targets a value may be kept by reference for (not EventID, EventRecordID or the time). */
export function isReferable(target: number): boolean {
  return target === T_DATA || target === T_CHANNEL || target === T_PROVIDER || target === T_COMPUTER;
}

/** A text as JSON bytes (NdjsonWriter's escapes and UTF-8). */
export function jsonBytes(text: string): Uint8Array {
  const buf = new Uint8Array(6 * text.length + 2);
  return buf.slice(0, putString(buf, 0, text));
}
