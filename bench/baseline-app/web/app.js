// The same start-up as web/app.js: load the module, then mount into #app.
import init, { mountApp } from './pkg/baseline_app.js';

const root = document.getElementById('app');
await init();
mountApp(root);
