// The npm tarball as a project gets it: installed from the .tgz (not the folder) into a fresh
// project, then used through require and through import, with the same figures as the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TARBALL = process.env.SCOPE_NPM_TARBALL;
const CASES = process.env.CASES_DIR;
const cli = (command, file) => JSON.parse(execFileSync(process.env.CONNECTOR_SCOPE_BIN, [command, join(CASES, file)], { encoding: 'utf8' }));

test('the tarball holds the wasm, installs, and works through require and import', (t) => {
  const listing = execFileSync('tar', ['-tzf', TARBALL], { encoding: 'utf8' });
  assert.match(listing, /package\/wasm\/scope_wasm_bg\.wasm/, listing);
  assert.match(listing, /package\/index\.mjs/);

  const project = mkdtempSync(join(tmpdir(), 'scope-npm-'));
  t.after(() => rmSync(project, { recursive: true, force: true }));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'host', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', TARBALL], { cwd: project, stdio: 'pipe' });

  const file = join(CASES, 'mature-spot-cex.json');
  writeFileSync(
    join(project, 'use.cjs'),
    `const scope = require('connector-scope-core');
     const c = JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'));
     process.stdout.write(JSON.stringify(scope.estimate(c)));`,
  );
  writeFileSync(
    join(project, 'use.mjs'),
    `import { estimate, maturity } from 'connector-scope-core';
     import scope from 'connector-scope-core';
     import { readFileSync } from 'node:fs';
     const c = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));
     if (scope.maturity !== maturity) throw new Error('the default export differs');
     process.stdout.write(JSON.stringify(estimate(c)));`,
  );
  const want = cli('estimate', 'mature-spot-cex.json');
  for (const script of ['use.cjs', 'use.mjs']) {
    const got = JSON.parse(execFileSync('node', [script], { cwd: project, encoding: 'utf8' }));
    assert.deepEqual(got, want, script);
  }
  // The types, for each entry: tsc (npm typescript) checks a module and a CommonJS file using it.
  writeFileSync(
    join(project, 'types.mts'),
    `import { estimate, validate } from 'connector-scope-core';
     import scope from 'connector-scope-core';
     const r = estimate({ version: 1, exchange: { name: 'X' }, estimate: { hourly_rate: '75' } });
     const days: number = r.calendar_days.build.p50;
     const share: number | null = r.reference_class.percentile_of_p50;
     const line: string = r.calibration + scope.proposal('{}').slice(0, 0);
     const problems: { path: string; message: string }[] = validate({ version: 1, exchange: { name: '' } });
     export { days, share, line, problems };`,
  );
  writeFileSync(
    join(project, 'types.cts'),
    `import scope = require('connector-scope-core');
     const p50: number = scope.estimate('{}').cost.p50.length;
     export = p50;`,
  );
  writeFileSync(
    join(project, 'wrong.mts'),
    `import { estimate } from 'connector-scope-core';
     const wrong: string = estimate('{}').calendar_days.build.p50;
     export { wrong };`,
  );
  const tsc = (files) =>
    execFileSync(process.execPath, [process.env.TSC, '--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', ...files], {
      cwd: project,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  tsc(['types.mts', 'types.cts']);
  // And the check can fail: a number is not a string.
  assert.throws(() => tsc(['wrong.mts']), (e) => /not assignable to type 'string'/.test(String(e.stdout)));

  // The package's own files are what was packed.
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/connector-scope-core/package.json'), 'utf8'));
  assert.equal(installed.exports['.'].import.default, './index.mjs');
});
