#!/usr/bin/env node
// Parses every given YAML file (all documents of a multi-document file) and fails on the first
// syntax error, duplicate key or empty document. Kubernetes manifests must also name their
// apiVersion and kind. This is well-formedness only: no schema of Compose, Kubernetes or Azure
// Pipelines is checked here (see check.sh for what is and is not covered).
//
//   node tools/deploy-check/yaml-wellformed.mjs <file>...
import { readFileSync } from 'node:fs';
import YAML from 'yaml';

let count = 0;
for (const file of process.argv.slice(2)) {
  const docs = YAML.parseAllDocuments(readFileSync(file, 'utf8'), { merge: true, uniqueKeys: true });
  for (const doc of docs) {
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
      console.error(`[yaml] FAILED: ${file}: ${problem.message}`);
      process.exit(1);
    }
    const value = doc.toJS({ merge: true });
    if (value == null) {
      console.error(`[yaml] FAILED: ${file}: empty document`);
      process.exit(1);
    }
    if (file.replaceAll('\\', '/').includes('infra/k8s/') && (!value.apiVersion || !value.kind)) {
      console.error(`[yaml] FAILED: ${file}: a Kubernetes document needs apiVersion and kind`);
      process.exit(1);
    }
  }
  count += 1;
}
console.log(`[yaml] ok: ${count} files parse`);
