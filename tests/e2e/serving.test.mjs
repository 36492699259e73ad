// What the server sends, request by request (no browser): the encoding the request accepts, the
// cache headers a host is told to set, and revalidation. The same checks a `curl -H` would make.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { APP_URL } from './browser.mjs';

/** One GET with exactly these headers (fetch would add and decode its own encodings). */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, APP_URL), { headers }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

function decode(response) {
  switch (response.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(response.body);
    case 'gzip':
      return zlib.gunzipSync(response.body);
    case undefined:
      return response.body;
    default:
      throw new Error(`unexpected encoding ${response.headers['content-encoding']}`);
  }
}

async function wasmPath() {
  const page = (await get('/')).body.toString();
  const named = page.match(/pkg\/scope_web_bg\.[0-9a-f]{16}\.wasm/);
  assert.ok(named, 'the page preloads the wasm by its hashed name');
  return `/${named[0]}`;
}

describe('serving', () => {
  test('each file comes in the encoding the request accepts, and decodes to the same bytes', async () => {
    const wasm = await wasmPath();
    for (const path of ['/', '/app.js', '/styles.css', '/pkg/scope_web.js', wasm]) {
      const plain = await get(path);
      assert.equal(plain.status, 200, path);
      assert.equal(plain.headers['content-encoding'], undefined, `${path}: nothing accepted, nothing encoded`);
      assert.equal(plain.headers.vary, 'Accept-Encoding', path);
      const cases = [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip, deflate', 'gzip'],
        ['br;q=0, gzip', 'gzip'],
        ['*', 'br'],
        ['identity', undefined],
      ];
      for (const [accept, expected] of cases) {
        const r = await get(path, { 'accept-encoding': accept });
        assert.equal(r.status, 200);
        assert.equal(r.headers['content-encoding'], expected, `${path} with Accept-Encoding: ${accept}`);
        assert.equal(r.headers['content-type'], plain.headers['content-type'], `${path}: the type is the file's`);
        assert.ok(decode(r).equals(plain.body), `${path} (${accept}) decodes to the file`);
        if (expected) assert.ok(r.body.length < plain.body.length, `${path}: the ${expected} copy is smaller`);
      }
    }
    // The wasm is what matters: brotli well under gzip, gzip well under the plain file.
    const sizes = {};
    for (const [accept, name] of [['', 'plain'], ['gzip', 'gzip'], ['br', 'br']]) {
      sizes[name] = (await get(wasm, { 'accept-encoding': accept })).body.length;
    }
    assert.ok(sizes.br < sizes.gzip * 0.9 && sizes.gzip < sizes.plain * 0.5, JSON.stringify(sizes));
  });

  test('hashed files are kept for a year; the page, loaders and styles are revalidated', async () => {
    const wasm = await wasmPath();
    const immutable = await get(wasm, { 'accept-encoding': 'br' });
    assert.match(immutable.headers['cache-control'], /^public, max-age=31536000, immutable$/);
    for (const path of ['/', '/index.html', '/app.js', '/sw.js', '/embed.js', '/styles.css', '/pkg/scope_web.js']) {
      const r = await get(path, { 'accept-encoding': 'br' });
      assert.equal(r.headers['cache-control'], 'no-cache', path);
      assert.ok(r.headers.etag, `${path} has an ETag`);
    }
    // The reader's module, fetched later, is hashed too, loader and wasm: the app's snippet names
    // the loader of its own build.
    const app = (await get('/pkg/scope_web.js')).body.toString();
    const snippet = app.match(/snippets\/[^'"]+\/scanner\.[0-9a-f]{16}\.js/);
    assert.ok(snippet, 'the app imports its reader glue');
    const glue = (await get(`/pkg/${snippet[0]}`)).body.toString();
    const loaderName = glue.match(/scope_scan\.[0-9a-f]{16}\.js/);
    assert.ok(loaderName, 'the glue names the reader loader by hash');
    const loaderReply = await get(`/pkg-scan/${loaderName[0]}`);
    assert.match(loaderReply.headers['cache-control'], /immutable/);
    const reader = loaderReply.body.toString().match(/scope_scan_bg\.[0-9a-f]{16}\.wasm/);
    assert.ok(reader, 'the reader loader names its wasm by hash');
    assert.match((await get(`/pkg-scan/${reader[0]}`)).headers['cache-control'], /immutable/);
    assert.equal((await get('/pkg-scan/scope_scan.js')).status, 404);
    // A build's plain name is not served: nothing can cache a stale copy under it.
    assert.equal((await get('/pkg/scope_web_bg.wasm')).status, 404);
  });

  test('an unchanged file answers 304 to its ETag, per encoding', async () => {
    for (const accept of ['br', 'gzip', '']) {
      const first = await get('/app.js', { 'accept-encoding': accept });
      const again = await get('/app.js', { 'accept-encoding': accept, 'if-none-match': first.headers.etag });
      assert.equal(again.status, 304, accept);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, first.headers.etag);
      const other = await get('/app.js', { 'accept-encoding': accept, 'if-none-match': '"not-this-one"' });
      assert.equal(other.status, 200);
    }
    const br = await get('/app.js', { 'accept-encoding': 'br' });
    const gz = await get('/app.js', { 'accept-encoding': 'gzip' });
    assert.notEqual(br.headers.etag, gz.headers.etag, 'each representation has its own tag');
    // A tag of one encoding does not validate another's body.
    assert.equal((await get('/app.js', { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag })).status, 200);
  });

  test('the page a host serves is the built one: the shell is not the app page', async () => {
    const page = (await get('/')).body.toString();
    assert.doesNotMatch(page, /pkg\/scope_web_bg\.wasm/, 'the plain name is replaced');
    assert.match(page, /<link rel="modulepreload" href="pkg\/scope_web\.js">/);
    // Every module the app's module imports is preloaded with it: none waits for another's arrival.
    const loader = (await get('/pkg/scope_web.js')).body.toString();
    const imported = [...loader.matchAll(/from '\.\/(snippets\/[^']+\.js)'/g)].map((m) => m[1]);
    assert.ok(imported.length > 0, 'the app imports the reader\'s loader');
    for (const path of imported) {
      assert.ok(page.includes(`<link rel="modulepreload" href="pkg/${path}">`), `pkg/${path} is preloaded`);
    }
  });
});
