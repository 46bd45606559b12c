/** Tests, fuzzers, generators and benchmarks draw from the app's seeded generator (src/core/random.ts). */
export { seededRandom } from '../random.js';
