// connector-scope-core: Connector Scope's rules in JavaScript (Node), compiled from scope-core.
// Each function takes a case (an object or its JSON text) and returns the report as an object
// (the proposal as Markdown text). An invalid case throws an Error naming the field.
'use strict';
const core = require('./wasm/scope_wasm.js');

const text = (c) => (typeof c === 'string' ? c : JSON.stringify(c));

module.exports = {
  maturity: (c) => JSON.parse(core.maturity(text(c))),
  estimate: (c) => JSON.parse(core.estimate(text(c))),
  plan: (c) => JSON.parse(core.plan(text(c))),
  evaluate: (c) => JSON.parse(core.evaluation(text(c))),
  agreement: (c) => JSON.parse(core.agreement(text(c))),
  proposal: (c) => core.proposal(text(c)),
  validate: (c) => JSON.parse(core.validate(text(c))),
  schema: () => JSON.parse(core.schema()),
};
