// Writes the CCXT capability table (crates/scope-core/data/ccxt_exchanges.csv) from the ccxt npm
// package installed beside this run (`cargo xtask data ccxt` installs the pinned version and runs
// this with: node ccxt.cjs CCXT_DIR CONNECTORS_CSV OUT_CSV).
//
// One row per exchange: its id and name, whether CCXT calls it a DEX, its market types, whether
// CCXT knows a test (sandbox) URL, its first documentation link, the capabilities CCXT implements
// (method names from `has`, `true` only; 'emulated' ones listed apart), and the Hummingbot
// connectors for the same exchange.
'use strict';
const fs = require('fs');
const path = require('path');

const [ccxtDir, connectorsCsv, out] = process.argv.slice(2);
const ccxt = require(require.resolve('ccxt', { paths: [ccxtDir] }));

// The CCXT methods scope-core maps to questionnaire items (prefill/ccxt.rs holds the mapping).
const METHODS = [
  'fetchMarkets', 'fetchTicker', 'fetchTickers', 'fetchOrderBook', 'fetchTime', 'fetchBalance',
  'fetchOpenOrders', 'createOrder', 'cancelOrder', 'fetchOrder', 'fetchMyTrades',
  'watchOrderBook', 'watchOrders', 'watchMyTrades', 'watchBalance', 'watchTrades',
  'fetchFundingRate', 'fetchFundingHistory', 'fetchPositions', 'setLeverage', 'setPositionMode',
  'watchPositions',
];

// CCXT ids whose Hummingbot connector folder has another name.
const ALIASES = {
  gate: ['gate_io'],
  coinbase: ['coinbase_advanced_trade'],
  dydx: ['dydx_v4'],
  binanceusdm: ['binance'],
  kucoinfutures: ['kucoin'],
};

const connectors = fs.readFileSync(connectorsCsv, 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(','))
  .map(([name, , market]) => ({ name, market }))
  .filter((c) => c.name !== 'paper_trade');
const squash = (s) => s.replace(/_perpetual$/, '').replace(/_/g, '');

function hummingbot(id, swap, spot) {
  const bases = ALIASES[id] || [];
  const onlyPerp = id === 'binanceusdm' || id === 'kucoinfutures';
  return connectors
    .filter((c) => bases.includes(c.name.replace(/_perpetual$/, '')) || squash(c.name) === id)
    .filter((c) => (c.market === 'perpetual' ? swap : spot && !onlyPerp))
    .map((c) => c.name);
}

// scope-core splits rows on commas: a field that would need quoting stops the run instead.
function field(text) {
  const s = String(text);
  if (/[",\r\n]/.test(s)) throw new Error(`a field needs quoting, which the table does not do: ${s}`);
  return s;
}

const rows = [];
for (const id of ccxt.exchanges) {
  const Pro = ccxt.pro && ccxt.pro[id];
  const x = Pro ? new Pro() : new ccxt[id]();
  const has = x.has || {};
  const doc = [].concat(x.urls && x.urls.doc ? x.urls.doc : []).find((u) => typeof u === 'string') || '';
  const yes = METHODS.filter((m) => has[m] === true);
  const emulated = METHODS.filter((m) => has[m] === 'emulated');
  const spot = has.spot === true;
  const swap = has.swap === true;
  rows.push([
    id, x.name || id, x.dex ? 'true' : 'false', spot, swap,
    Boolean(x.urls && x.urls.test), doc, yes.join(' '), emulated.join(' '),
    hummingbot(id, swap, spot).join(' '),
  ].map(field).join(','));
}

const header = 'id,name,dex,spot,swap,test_url,doc,implements,emulates,hummingbot';
fs.writeFileSync(out, `${header}\n${rows.join('\n')}\n`);
process.stdout.write(`ccxt ${ccxt.version}: ${rows.length} exchanges written to ${out}\n`);
