#!/usr/bin/env node
// bench/run's node peer: loads every providers/*.yaml of a registry with
// js-yaml and evaluates bench/peers/rules' three rules with vendorlint's
// outcome table (docs/rules.md), printing the outcome counts.
//
//   node bench/peers/peer.js REGISTRY_DIR   # prints pass=.. fail=.. review=.. not_applicable=..
//   node bench/peers/peer.js --check        # exit 0 when js-yaml can be loaded
// bench/run installs js-yaml with npm into a cache folder and sets NODE_PATH.
'use strict';
const fs = require('fs');
const path = require('path');

let yaml;
try {
  yaml = require('js-yaml');
} catch (e) {
  process.exit(1);
}
if (process.argv[2] === '--check') process.exit(0);

// A registry fact: true, false, or null (absent or `unknown`).
const tri = (v) => (typeof v === 'boolean' ? v : null);

function outcome(applies, require) {
  if (applies === false) return 'not_applicable';
  if (require === true) return 'pass';
  if (applies === true && require === false) return 'fail';
  return 'review';
}

const counts = { pass: 0, fail: 0, review: 0, not_applicable: 0 };
function evaluate(p) {
  const links = p.links || [];
  const hasPolicy = links.some((l) => l && l.kind === 'privacy_policy');
  counts[outcome(true, hasPolicy)]++;
  const storage = p.storage || {};
  const stores = tri(storage.stores_data);
  const encrypted = tri(storage.encrypted_at_rest);
  counts[outcome(stores === null ? null : stores === true,
                 encrypted === null ? null : encrypted === true)]++;
  const dpa = (p.contracts || {}).dpa || {};
  const signed = tri(dpa.signed);
  counts[outcome(true, signed === null ? null : signed === true)]++;
}

const dir = path.join(process.argv[2], 'providers');
for (const name of fs.readdirSync(dir).sort()) {
  if (!name.endsWith('.yaml')) continue;
  evaluate(yaml.load(fs.readFileSync(path.join(dir, name), 'utf8')));
}
console.log(Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' '));
