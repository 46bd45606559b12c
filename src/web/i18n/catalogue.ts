/**
 * A translation catalogue has exactly the shape of the English one: every key, nested the same way,
 * each leaf a string. Typing the Japanese catalogue with it makes a missing or extra key a compile
 * error; that the `{{params}}` of each message match is checked by catalogue.test.ts.
 */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
