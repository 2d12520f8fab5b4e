import type * as Chai from 'chai' with { 'resolution-mode': 'import' };

// chai 6 is ESM-only; Node ≥ 20.19 loads it with require(), which tsc under module Node16 cannot type without this.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chai = require('chai') as typeof Chai;
export const expect: typeof Chai.expect = chai.expect;
