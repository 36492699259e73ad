// The npm package in Node: the same figures as the command line for the same case files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const core = require(process.env.SCOPE_NPM_PACKAGE);
const CASES = process.env.CASES_DIR;
const cli = (command, file) => JSON.parse(execFileSync(process.env.CONNECTOR_SCOPE_BIN, [command, join(CASES, file)], { encoding: 'utf8' }));
const read = (file) => JSON.parse(readFileSync(join(CASES, file), 'utf8'));

for (const file of ['mature-spot-cex.json', 'young-perp-dex.json', 'modification-kucoin.json', 'blocked.json']) {
  test(`${file}: the package and the command line agree`, () => {
    const c = read(file);
    assert.deepEqual(core.maturity(c), cli('maturity', file));
    assert.deepEqual(core.estimate(c), cli('estimate', file));
    assert.deepEqual(core.plan(JSON.stringify(c)), cli('plan', file));
  });
}

test('evaluation, agreement and proposal', () => {
  const c = read('mature-spot-cex.json');
  assert.deepEqual(core.evaluate(c), cli('evaluate', 'mature-spot-cex.json'));
  assert.deepEqual(core.agreement(c), cli('agreement', 'mature-spot-cex.json'));
  const md = core.proposal(c);
  assert.match(md, /^# Connector proposal: Kestrel Exchange/);
  assert.equal(core.schema().title, 'Case');
});

test('an invalid case throws, naming the field; validate lists every problem', () => {
  const bad = { version: 1, exchange: { name: 'X' }, api: { ws_order_book: 'maybe' } };
  assert.throws(() => core.maturity(bad), /api\.ws_order_book: unknown answer "maybe"/);
  assert.deepEqual(core.validate({ version: 1, exchange: { name: '' }, simulation: { samples: 1 } }).map((p) => p.path), ['exchange.name', 'simulation.samples']);
  // A valid case is not called ready for what it lacks: the blocked example has no candidates
  // and no agreement.
  const blocked = core.validate(read('blocked.json'));
  assert.deepEqual(blocked.map((p) => [p.path, p.needed_by]), [
    ['candidates', ['the ranking of candidates', 'the announcement']],
    ['agreement', ["the agreement's projection"]],
  ]);
  assert.deepEqual(core.validate(read('mature-spot-cex.json')), []);
  const bare = core.validate({ version: 1, exchange: { name: 'Bare' } });
  assert.deepEqual(bare.map((p) => p.path), ['estimate.hourly_rate', 'candidates', 'agreement']);
  assert.deepEqual(bare[0].needed_by, ['the estimate', "the proposal's cost"]);
  assert.throws(() => core.estimate({ version: 1, exchange: { name: 'X' } }), /estimate\.hourly_rate/);
});

test('scan and prefill propose what the command line proposes; accept keeps the case own answers', () => {
  const fixtures = join(CASES, '../../crates/scope-scan/tests/fixtures');
  const doc = (name) => ({ name, text: readFileSync(join(fixtures, name), 'utf8') });
  const fromCli = JSON.parse(execFileSync(process.env.CONNECTOR_SCOPE_BIN,
    ['scan', join(fixtures, 'spot_openapi.yaml'), join(fixtures, 'ws_asyncapi.yaml')], { encoding: 'utf8' }));
  assert.deepEqual(core.scan([doc('spot_openapi.yaml'), doc('ws_asyncapi.yaml')]), fromCli);
  assert.equal(core.scan(doc('perp_swagger.json'), { market: 'perpetual' }).answers.perp_leverage, 'documented');
  assert.throws(() => core.scan({ name: 'notes.txt', text: 'hello' }), /notes\.txt: not an OpenAPI/);
  assert.throws(() => core.scan([{ name: 5 }]), /documents\[0\]\.name/);

  const kraken = core.prefill('kraken');
  assert.equal(kraken.answers.rest_order_book, 'partial');
  assert.throws(() => core.prefill('nope'), /not an exchange in the CCXT table/);

  const own = { version: 1, exchange: { name: 'X' }, api: { rest_order_book: 'not_available' } };
  const taken = core.accept(own, fromCli);
  assert.equal(taken.api.rest_order_book, 'not_available');
  assert.equal(taken.api.ws_order_book, 'documented_with_examples');
  assert.equal(taken.api_sources.ws_order_book, 'ws_asyncapi.yaml');
  assert.equal(core.accept(own, fromCli, { replace: true }).api.rest_order_book, 'documented_with_examples');
});
