// connector-scope-core as an ES module: the same functions as the CommonJS entry (index.js),
// as named exports, so that `import { estimate } from 'connector-scope-core'` works in Node.
import core from './index.js';

export const {
  maturity, estimate, plan, evaluate, agreement, proposal, validate, schema, scan, prefill, accept,
} = core;
export default core;
