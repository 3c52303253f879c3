#!/usr/bin/env node
// openapi-merge.mjs OUT BASE PART...: merges per-area OpenAPI files (docs/openapi/*.json) into
// one document; each part holds "paths" and optional "components". Duplicates are errors.
import fs from 'node:fs';

const [out, basePath, ...parts] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(basePath, 'utf8'));
doc.components ??= {};

for (const file of parts) {
  const part = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const [path, item] of Object.entries(part.paths ?? {})) {
    doc.paths[path] ??= {};
    for (const [method, op] of Object.entries(item)) {
      if (doc.paths[path][method]) throw new Error(`${file}: ${method} ${path} is defined twice`);
      doc.paths[path][method] = op;
    }
  }
  for (const [kind, entries] of Object.entries(part.components ?? {})) {
    doc.components[kind] ??= {};
    for (const [name, value] of Object.entries(entries)) {
      if (doc.components[kind][name]) throw new Error(`${file}: ${kind}.${name} is defined twice`);
      doc.components[kind][name] = value;
    }
  }
  for (const tag of part.tags ?? []) (doc.tags ??= []).push(tag);
}
fs.writeFileSync(out, JSON.stringify(doc, null, 1) + '\n');
