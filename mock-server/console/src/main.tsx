/** The console's entry: renders {@link App} into the page. */
import { render } from 'preact';

import { App } from './app';
import './console.css';

const root = document.getElementById('app');
if (root) render(<App />, root);

// Marks the entry an ES module: in this "type": "commonjs" package esbuild would otherwise bundle
// it as CommonJS and wrap every module it imports in a lazy initialiser.
export {};
