#!/usr/bin/env node
// Builds with tsc only when a source file is newer than the last build, so `npm start` is fast after the first time.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.tsbuildinfo');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync(stamp) && fs.existsSync(path.join(root, 'dist', 'src', 'index.js')) ? fs.statSync(stamp).mtimeMs : 0;
const sources = Math.max(...['src', 'test', 'scripts'].map((d) => path.join(root, d)).filter(fs.existsSync).map(newestMtime),
  fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs);
if (sources > built) {
  process.stdout.write('Building (tsc)…\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
}
