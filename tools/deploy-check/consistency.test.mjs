// Proves that consistency.mjs can fail: a check that passes on anything is worse than none.
// Each case breaks one thing the way a careless edit would and expects consistency.mjs to refuse
// it with a message naming the problem. Two cases run the command line against a copy on disk
// (the unbroken copy passes; a copy exposing port 8001 fails); the others replace one file in
// memory through checkRepository(), which needs no copying.
//
//   node --test tools/deploy-check/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const script = join(here, 'consistency.mjs');
const { checkRepository, ConsistencyFailure } = await import(script);
// What consistency.mjs reads: the deployment files, the build's module list, the application's
// configuration (application.yml, logback.xml), README and Java sources (setting and meter names,
// tool names, test images).
const copied = [
  'docker', 'infra', '.github', 'azure-pipelines.yml', '.dockerignore', 'pom.xml', 'README.md',
  'tools/deploy-check/package.json', 'tools/deploy-check/package-lock.json',
  ...readdirSync(repo).filter((m) => existsSync(join(repo, m, 'src/main'))).map((m) => `${m}/src/main`),
];
// Of the modules' resources only configuration is read (data files such as the catalogue are not).
const wanted = (source) => statSync(source).isDirectory() || !source.includes('/src/main/resources/') || /\.(ya?ml|xml)$/.test(source);

function copyOfRepository() {
  const dir = mkdtempSync(join(tmpdir(), 'zava-deploy-check-'));
  for (const entry of copied) {
    if (existsSync(join(repo, entry))) cpSync(join(repo, entry), join(dir, entry), { recursive: true, filter: wanted });
  }
  return dir;
}

function run(root) {
  const result = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function withCopy(body) {
  const root = copyOfRepository();
  try {
    body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('the command line passes an unbroken copy', () => withCopy((root) => {
  const { status, output } = run(root);
  assert.equal(status, 0, output);
}));

test('the command line fails a copy whose Dockerfile exposes port 8001', () => withCopy((root) => {
  const file = join(root, 'docker/Dockerfile');
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes('EXPOSE 8000'), 'docker/Dockerfile no longer contains EXPOSE 8000: update this test');
  writeFileSync(file, text.replace('EXPOSE 8000', 'EXPOSE 8001'));
  const { status, output } = run(root);
  assert.equal(status, 1, `consistency.mjs accepted a broken copy:\n${output}`);
  assert.match(output, /FAILED: docker\/Dockerfile: EXPOSE 8001, expected 8000/);
}));

// The repository with one file edited in memory. The text replaced must be there: when a file
// changes so that it is gone, the case fails loudly instead of testing nothing.
function edit(file, from, to) {
  const text = readFileSync(join(repo, file), 'utf8');
  assert.ok(text.includes(from), `${file} no longer contains ${JSON.stringify(from)}: update this test`);
  return { [file]: text.replace(from, to) };
}

function expectFailure(name, replaced, expected) {
  test(name, () => {
    assert.throws(() => checkRepository(repo, { replaced, print: () => {} }), (e) => {
      assert.ok(e instanceof ConsistencyFailure, `unexpected error: ${e.stack}`);
      assert.match(e.message, expected);
      return true;
    });
  });
}

test('the unbroken repository passes in memory too', () => {
  assert.ok(checkRepository(repo, { print: () => {} }) > 0);
});

expectFailure('Dockerfile exposing another port',
  edit('docker/Dockerfile', 'EXPOSE 8000', 'EXPOSE 8001'), /EXPOSE 8001, expected 8000/);

expectFailure('Dockerfile running as root',
  edit('docker/Dockerfile', 'USER 1000:1000', 'USER 0'), /runtime USER is 0/);

expectFailure('Dockerfile without the OutOfMemoryError exit',
  edit('docker/Dockerfile', ' -XX:+ExitOnOutOfMemoryError', ''), /ExitOnOutOfMemoryError/);

expectFailure('a module missing from the Dockerfile dependency layer',
  edit('docker/Dockerfile', 'COPY adapters-redis/pom.xml adapters-redis/\n', ''), /COPY adapters-redis\/pom\.xml/);

expectFailure('the application moving to port 8001',
  edit('bootstrap/src/main/resources/application.yml', 'port: 8000', 'port: 8001'), /server\.port: expected 8000, found 8001/);

expectFailure('compose publishing another container port',
  edit('docker/compose.yaml', '"127.0.0.1:8000:8000"', '"127.0.0.1:8000:8001"'), /container port\(s\) 8001/);

expectFailure('production compose with server-side sessions',
  edit('docker/compose.prod.yaml', 'ZAVA_HTTP_SESSION_MODE: stateless', 'ZAVA_HTTP_SESSION_MODE: stateful'), /need stateless/);

expectFailure('production compose with a default password',
  edit('docker/compose.prod.yaml', '${ZAVA_DB_APP_PASSWORD:?set ZAVA_DB_APP_PASSWORD, the password of the runtime role zava_app}', '${ZAVA_DB_APP_PASSWORD:-zava_app_dev}'),
  /SPRING_DATASOURCE_PASSWORD must come from the environment/);

expectFailure('a misspelt application setting',
  edit('docker/compose.yaml', 'ZAVA_SECURITY_MODE: ${ZAVA_SECURITY_MODE:-api-key}', 'ZAVA_SECURITY_MODE: api-key\n  ZAVA_SECURTY_MODE: api-key'),
  /ZAVA_SECURTY_MODE, which the application does not read/);

expectFailure('a Kubernetes readiness probe on the liveness path',
  edit('infra/k8s/base/deployment.yaml', 'path: /ready', 'path: /health'), /readinessProbe\.httpGet\.path: expected \/ready/);

expectFailure('a Kubernetes Service targeting another port',
  edit('infra/k8s/base/service.yaml', 'targetPort: 8000', 'targetPort: 8080'), /Service: no port targets 8000/);

expectFailure('a writable root filesystem',
  edit('infra/k8s/base/deployment.yaml', 'readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false'), /readOnlyRootFilesystem must be true/);

expectFailure('the Redis URL no longer given to the server',
  edit('infra/k8s/base/deployment.yaml', '            - name: SPRING_DATA_REDIS_URL\n              valueFrom:\n                secretKeyRef:\n                  name: zava-retail-mcp-secrets\n                  key: SPRING_DATA_REDIS_URL\n', ''),
  /does not set SPRING_DATA_REDIS_URL/);

expectFailure('an overlay whose ingress host the server would refuse',
  edit('infra/k8s/overlays/production/kustomization.yaml', 'path: /spec/rules/0/host\n        value: mcp.zava.example', 'path: /spec/rules/0/host\n        value: mcp.other.example'),
  /Ingress host mcp\.other\.example is not in ZAVA_HTTP_ALLOWED_HOSTS/);

expectFailure('a kustomization listing a missing file',
  edit('infra/k8s/base/kustomization.yaml', '  - pdb.yaml\n', '  - pdb.yaml\n  - gone.yaml\n'), /refers to gone\.yaml/);

expectFailure('Container Apps ingress on another port',
  edit('infra/azure/modules/containerapps.bicep', 'var port = 8000', 'var port = 8001'), /containerapps\.bicep port: expected 8000, found 8001/);

expectFailure('a Container Apps readiness probe on the liveness path',
  edit('infra/azure/modules/containerapps.bicep', "path: '/ready'", "path: '/health'"), /Readiness probe path: expected \/ready/);

expectFailure('a parameter file setting an undeclared parameter',
  edit('infra/azure/production.bicepparam', "param securityMode = 'api-key'", "param securityMode = 'api-key'\nparam replicaCount = 3"),
  /sets replicaCount, which main\.bicep does not declare/);

expectFailure('the Azure role script drifting from roles.sql',
  edit('infra/azure/sql/roles-flexible-server.sql', "statement_timeout = %L', :'app', '30s'", "statement_timeout = %L', :'app', '300s'"),
  /roles-flexible-server\.sql sets/);

expectFailure('CI testing against another PostgreSQL image than the tests use',
  edit('.github/workflows/ci.yml', 'image: pgvector/pgvector:pg17', 'image: postgres:17'), /postgres service image: expected pgvector\/pgvector:pg17/);

expectFailure('an action referenced by a movable tag',
  edit('.github/workflows/ci.yml', 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1', 'actions/checkout@v7'), /not pinned to a commit SHA/);

expectFailure('a release without the rollback step',
  edit('.github/workflows/release.yml', 'run: bash infra/azure/release.sh rollback production', 'run: echo no rollback'), /does not run release\.sh rollback production/);

expectFailure('an alert on a metric the application does not register',
  edit('infra/k8s/components/monitoring/prometheusrule.yaml', 'zava_auth_failures_total', 'zava_auth_failure_total'), /no meter "zava\.auth\.failure" is registered/);

expectFailure('an alert that takes the wrong outcome for success',
  edit('infra/k8s/components/monitoring/prometheusrule.yaml', 'outcome!="ok"', 'outcome!="success"'), /outcome "success" as success/);

expectFailure('an Azure log alert parsing a key the log line does not have',
  edit('infra/azure/modules/alerts.bicep', '" durationMs="', '" duration_ms="'), /does not parse durationMs=/);

expectFailure('the image logging text to collectors',
  edit('docker/Dockerfile', 'ZAVA_LOG_FORMAT=json \\\n', 'ZAVA_LOG_FORMAT=text \\\n'), /ENV ZAVA_LOG_FORMAT \(log collectors parse JSON\): expected json, found text/);
