// connector-scope-core: Connector Scope's rules in JavaScript (Node), compiled from scope-core.
// Each function takes a case (an object or its JSON text) and returns the report as an object
// (the proposal as Markdown text). An invalid case throws an Error naming the field. `scan` and
// `prefill` propose questionnaire answers from API documents and from CCXT; `accept` takes them
// into a case.
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
  // API documents ({name, text}, or a list of them) in, proposed questionnaire answers out.
  scan: (documents, options = {}) =>
    JSON.parse(core.scan(JSON.stringify([].concat(documents)), options.market || 'spot')),
  // What CCXT implements for an exchange (its CCXT id), as proposed answers.
  prefill: (id, options = {}) => JSON.parse(core.prefill(id, options.market || 'spot')),
  // The case with proposals accepted (its own answers kept unless options.replace).
  accept: (c, proposals, options = {}) =>
    JSON.parse(core.accept(text(c), JSON.stringify(proposals), Boolean(options.replace))),
};
