#!/usr/bin/env node
// Cross-file consistency of the deployment files: what the Dockerfile, the compose files, the
// Kubernetes manifests, the Azure Bicep and the pipelines say about the same things must agree,
// with each other and with the application (bootstrap/src/main/resources/application.yml, the
// Java sources). Each rule names the files it compares; the first disagreement ends the run with
// exit code 1 and a message saying which file says what.
//
//   node tools/deploy-check/consistency.mjs [repository root]
//
// consistency.test.mjs runs it against broken copies: on the command line against a copy on
// disk, and through checkRepository() with files replaced in memory (fast, no copying).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
// Set by checkRepository for one run.
let root;
let overrides = {};
let log = console.log;

const PORT = 8000;
const LIVENESS = '/health';
const READINESS = '/ready';
const UID = 1000;
const APP_ROLE = 'zava_app';
const OWNER_ROLE = 'zava_owner';
const MODULE_POMS_NOTE = 'every <module> of pom.xml needs its pom copied before the dependency layer';

// The settings every server deployment gives the application (Spring Boot relaxed binding).
const REQUIRED_SERVER_ENV = [
  'SERVER_ADDRESS',
  'SPRING_DATASOURCE_URL',
  'SPRING_DATASOURCE_USERNAME',
  'SPRING_DATASOURCE_PASSWORD',
  'SPRING_FLYWAY_USER',
  'SPRING_FLYWAY_PASSWORD',
  'SPRING_DATA_REDIS_URL',
  'ZAVA_SECURITY_MODE',
  'ZAVA_HTTP_SESSION_MODE',
  'MANAGEMENT_TRACING_SAMPLING_PROBABILITY',
  'OTEL_SERVICE_NAME',
];
// Deployments with several replicas behind a load balancer, reached by names other than localhost.
const MULTI_REPLICA_ENV = ['ZAVA_HTTP_ALLOWED_HOSTS'];
// Spring Boot and OpenTelemetry settings the deployments may use (standard, so not in our sources).
const STANDARD_ENV = new Set([
  'SERVER_ADDRESS', 'SERVER_PORT',
  'SPRING_DATASOURCE_URL', 'SPRING_DATASOURCE_USERNAME', 'SPRING_DATASOURCE_PASSWORD',
  'SPRING_FLYWAY_USER', 'SPRING_FLYWAY_PASSWORD', 'SPRING_DATA_REDIS_URL',
  'MANAGEMENT_TRACING_ENABLED', 'MANAGEMENT_TRACING_SAMPLING_PROBABILITY', 'MANAGEMENT_OTLP_TRACING_ENDPOINT',
  'OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES',
  'JDK_JAVA_OPTIONS', 'HOME', 'LANG', 'MALLOC_ARENA_MAX',
]);
let checks = 0;

/** A disagreement between the deployment files, or with the application. */
export class ConsistencyFailure extends Error {}
const Failure = ConsistencyFailure;

function fail(message) {
  throw new Failure(message);
}

function ok(what) {
  checks += 1;
  log(`[consistency] ok: ${what}`);
}

function path(file) {
  return join(root, file);
}

function read(file) {
  const key = file.replaceAll('\\', '/').replace(/^\.\//, '');
  if (overrides[key] !== undefined) return overrides[key];
  const full = path(file);
  if (!existsSync(full)) fail(`${file} is missing`);
  return readFileSync(full, 'utf8');
}

function yamlOf(file) {
  try {
    return YAML.parse(read(file), { merge: true });
  } catch (e) {
    if (e instanceof Failure) throw e;
    fail(`${file} is not valid YAML: ${e.message}`);
  }
}

function yamlDocs(file) {
  return YAML.parseAllDocuments(read(file), { merge: true }).map((d) => d.toJS({ merge: true })).filter(Boolean);
}

// Build output, version control and npm packages are never what a rule is about.
const NOT_SOURCES = new Set(['.git', 'target', 'node_modules']);

function walk(dir, accept, found = []) {
  const full = path(dir);
  if (!existsSync(full)) return found;
  for (const name of readdirSync(full)) {
    if (NOT_SOURCES.has(name)) continue;
    const child = join(dir, name);
    if (statSync(path(child)).isDirectory()) walk(child, accept, found);
    else if (accept(child)) found.push(child);
  }
  return found;
}

function get(object, dotted) {
  return dotted.split('.').reduce((o, key) => (o == null ? undefined : o[key]), object);
}

function expectEqual(actual, expected, where) {
  if (String(actual) !== String(expected)) fail(`${where}: expected ${expected}, found ${actual}`);
}

// ---------------------------------------------------------------------------------------------
// The application's own word.

function applicationYaml() {
  const file = 'bootstrap/src/main/resources/application.yml';
  const app = yamlOf(file);
  expectEqual(get(app, 'server.port'), PORT, `${file} server.port`);
  expectEqual(get(app, 'management.endpoint.health.group.liveness.additional-path'), `server:${LIVENESS}`,
    `${file} liveness path`);
  expectEqual(get(app, 'management.endpoint.health.group.readiness.additional-path'), `server:${READINESS}`,
    `${file} readiness path`);
  expectEqual(get(app, 'spring.datasource.username'), APP_ROLE, `${file} spring.datasource.username`);
  expectEqual(get(app, 'spring.flyway.user'), OWNER_ROLE, `${file} spring.flyway.user`);
  expectEqual(get(app, 'zava.database.app-role'), APP_ROLE, `${file} zava.database.app-role`);
  ok(`${file}: port ${PORT}, ${LIVENESS} and ${READINESS}, roles ${APP_ROLE}/${OWNER_ROLE}`);
}

// ZAVA_* names the deployments set must be settings the application documents somewhere
// (Javadoc of its @ConfigurationProperties, application.yml, the README): catches typos.
let knownZavaNames;
function knownZava() {
  if (!knownZavaNames) {
    const files = [
      ...walk('.', (f) => /\/src\/main\/(java|resources)\/.*\.(java|ya?ml|xml)$/.test(f.replaceAll('\\', '/'))),
      'README.md',
    ].filter((f) => existsSync(path(f)));
    knownZavaNames = new Set(files.flatMap((f) => read(f).match(/ZAVA_[A-Z0-9_]+/g) ?? []));
  }
  return knownZavaNames;
}

function checkNames(env, where) {
  for (const name of Object.keys(env)) {
    if (STANDARD_ENV.has(name)) continue;
    if (name.startsWith('ZAVA_') && knownZava().has(name)) continue;
    fail(`${where} sets ${name}, which the application does not read (not a Spring Boot/OpenTelemetry `
      + `setting we use, and no ZAVA_ setting of that name in the sources or the README)`);
  }
}

function checkServerEnv(env, where, { multiReplica }) {
  for (const name of REQUIRED_SERVER_ENV) {
    if (!(name in env)) fail(`${where} does not set ${name}`);
  }
  if (multiReplica) {
    for (const name of MULTI_REPLICA_ENV) {
      if (!(name in env)) fail(`${where} does not set ${name} (several replicas are reached by their service name)`);
    }
    if (env.ZAVA_HTTP_SESSION_MODE !== undefined && env.ZAVA_HTTP_SESSION_MODE !== 'stateless') {
      fail(`${where}: ZAVA_HTTP_SESSION_MODE is ${env.ZAVA_HTTP_SESSION_MODE}; several replicas without `
        + 'affinity need stateless');
    }
  }
  // Compare values written out; leave alone placeholders (${VAR:-x}, secrets, Bicep expressions).
  const literal = (v) => v !== undefined && v !== SECRET && v !== BICEP && !/^\$\{[A-Za-z_]+[:}]/.test(String(v));
  if (literal(env.SERVER_ADDRESS)) expectEqual(env.SERVER_ADDRESS, '0.0.0.0', `${where} SERVER_ADDRESS`);
  if (literal(env.SPRING_DATASOURCE_USERNAME)) expectEqual(env.SPRING_DATASOURCE_USERNAME, APP_ROLE, `${where} SPRING_DATASOURCE_USERNAME`);
  if (literal(env.SPRING_FLYWAY_USER)) expectEqual(env.SPRING_FLYWAY_USER, OWNER_ROLE, `${where} SPRING_FLYWAY_USER`);
  if (literal(env.SPRING_DATASOURCE_URL) && !/^jdbc:postgresql:\/\/[^/]+:5432\/zava(\?|$)/.test(env.SPRING_DATASOURCE_URL)) {
    fail(`${where} SPRING_DATASOURCE_URL ${env.SPRING_DATASOURCE_URL} is not jdbc:postgresql://<host>:5432/zava`);
  }
  if (literal(env.SPRING_DATA_REDIS_URL) && !/^rediss?:\/\//.test(env.SPRING_DATA_REDIS_URL)) {
    fail(`${where} SPRING_DATA_REDIS_URL is not a redis:// or rediss:// URL`);
  }
  if (literal(env.ZAVA_HTTP_SESSION_MODE) && !['stateful', 'stateless'].includes(env.ZAVA_HTTP_SESSION_MODE)) {
    fail(`${where} ZAVA_HTTP_SESSION_MODE ${env.ZAVA_HTTP_SESSION_MODE} is neither stateful nor stateless`);
  }
  if (literal(env.JDK_JAVA_OPTIONS)) checkJvmOptions(env.JDK_JAVA_OPTIONS, `${where} JDK_JAVA_OPTIONS`);
  checkNames(env, where);
}

const SECRET = '<secret>';
const BICEP = '<bicep expression>';

function checkJvmOptions(options, where) {
  if (!/-XX:MaxRAMPercentage=\d+(\.\d+)?/.test(options)) fail(`${where} lacks -XX:MaxRAMPercentage (heap from the container limit)`);
  if (!options.includes('-XX:+ExitOnOutOfMemoryError')) fail(`${where} lacks -XX:+ExitOnOutOfMemoryError`);
}

// ---------------------------------------------------------------------------------------------
// docker/Dockerfile

function dockerfile() {
  const file = 'docker/Dockerfile';
  // Join continuation lines, drop comments.
  const lines = read(file).replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const instr = (name) => lines.filter((l) => l.toUpperCase().startsWith(`${name} `));
  const stages = instr('FROM');
  if (stages.length < 2) fail(`${file}: expected a build stage and a runtime stage`);
  const runtimeStart = lines.lastIndexOf(stages.at(-1));
  const runtime = lines.slice(runtimeStart);
  const rt = (name) => runtime.filter((l) => l.toUpperCase().startsWith(`${name} `));

  const expose = rt('EXPOSE').map((l) => l.split(/\s+/).slice(1)).flat();
  if (expose.length !== 1 || expose[0].replace('/tcp', '') !== String(PORT)) fail(`${file}: EXPOSE ${expose.join(' ')}, expected ${PORT}`);

  const user = rt('USER').at(-1)?.split(/\s+/)[1];
  if (user !== `${UID}:${UID}` && user !== String(UID)) fail(`${file}: runtime USER is ${user}, expected ${UID}:${UID} (numeric, so runAsNonRoot can verify it)`);
  if (!runtime.some((l) => l.includes(`--uid ${UID}`))) fail(`${file}: no user with uid ${UID} is created in the runtime stage`);

  const env = dockerEnv(rt('ENV'));
  expectEqual(env.SERVER_ADDRESS, '0.0.0.0', `${file} ENV SERVER_ADDRESS`);
  expectEqual(env.SERVER_PORT, PORT, `${file} ENV SERVER_PORT`);
  checkJvmOptions(env.JDK_JAVA_OPTIONS ?? '', `${file} ENV JDK_JAVA_OPTIONS`);
  if (!/-Djava\.io\.tmpdir=\/tmp\b/.test(env.JDK_JAVA_OPTIONS)) fail(`${file}: java.io.tmpdir must be /tmp (read-only root)`);
  expectEqual(env.ZAVA_LOG_FORMAT, 'json', `${file} ENV ZAVA_LOG_FORMAT (log collectors parse JSON)`);
  // logback.xml includes zava-logback-${ZAVA_LOG_FORMAT}.xml, which must define the JSON encoder.
  if (!read('bootstrap/src/main/resources/logback.xml').includes('zava-logback-${ZAVA_LOG_FORMAT')) fail('bootstrap/src/main/resources/logback.xml does not choose its appender by ZAVA_LOG_FORMAT');
  if (!read('bootstrap/src/main/resources/zava-logback-json.xml').includes('LogstashEncoder')) fail('bootstrap/src/main/resources/zava-logback-json.xml has no JSON encoder for ZAVA_LOG_FORMAT=json');
  if (!String(env.HOME ?? '').startsWith('/tmp')) fail(`${file}: HOME must point under /tmp (the only writable path), is ${env.HOME}`);
  checkNames(env, `${file} ENV`);

  const health = rt('HEALTHCHECK').at(-1) ?? fail(`${file}: no HEALTHCHECK`);
  if (!health.includes(`/dev/tcp/127.0.0.1/${PORT}`) || !health.includes(`GET ${LIVENESS} `)) {
    fail(`${file}: HEALTHCHECK must probe ${LIVENESS} on port ${PORT}`);
  }
  if (/\b(curl|wget)\b/.test(health)) fail(`${file}: HEALTHCHECK must not depend on curl or wget`);

  const entrypoint = JSON.parse(rt('ENTRYPOINT').at(-1)?.slice('ENTRYPOINT'.length) ?? 'null');
  if (!Array.isArray(entrypoint) || entrypoint[0] !== 'java') fail(`${file}: ENTRYPOINT must be the exec form starting with java (PID 1 gets SIGTERM)`);

  // Every module's pom is copied before the dependency-resolving RUN.
  const modules = [...read('pom.xml').matchAll(/<module>([^<]+)<\/module>/g)].map((m) => m[1]);
  for (const module of modules) {
    if (!lines.some((l) => new RegExp(`^COPY ${module}/pom\\.xml ${module}/?$`).test(l))) {
      fail(`${file}: no "COPY ${module}/pom.xml ${module}/" (${MODULE_POMS_NOTE})`);
    }
  }
  if (!lines.some((l) => /-Djarmode=tools .* extract --layers/.test(l))) fail(`${file}: layers are not extracted with -Djarmode=tools extract --layers`);
  ok(`${file}: EXPOSE ${PORT}, USER ${UID}, HEALTHCHECK ${LIVENESS}, JVM limits, /tmp caches, ${modules.length} module poms`);
  return { env, entrypoint };
}

function dockerEnv(envLines) {
  const env = {};
  for (const line of envLines) {
    const rest = line.slice(4);
    for (const m of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S+)/g)) env[m[1]] = m[3] ?? m[2];
  }
  return env;
}

// ---------------------------------------------------------------------------------------------
// docker/compose*.yaml

function composeEnv(service) {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e) => { const i = e.indexOf('='); return [e.slice(0, i), e.slice(i + 1)]; }));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

function compose(file, { multiReplica }, dockerfileEnv) {
  const doc = yamlOf(file);
  const server = doc?.services?.server ?? fail(`${file}: no service "server"`);
  const env = { ...dockerfileEnv, ...composeEnv(server) };
  checkServerEnv(env, `${file} services.server`, { multiReplica });

  const ports = (server.ports ?? []).map((p) => (typeof p === 'object' ? String(p.target) : String(p).split(':').at(-1)));
  if (ports.length !== 1 || ports[0] !== String(PORT)) fail(`${file}: server publishes container port(s) ${ports.join(', ')}, expected ${PORT}`);

  expectEqual(server.user, `${UID}:${UID}`, `${file} services.server.user`);
  if (server.read_only !== true) fail(`${file}: services.server must run with read_only: true`);
  const tmpfs = [...(server.tmpfs ?? []), ...(server.volumes ?? []).filter((v) => v?.type === 'tmpfs').map((v) => v.target)];
  if (!tmpfs.some((t) => String(t).split(':')[0] === '/tmp')) fail(`${file}: services.server needs a tmpfs on /tmp (read-only root)`);
  if (!(server.cap_drop ?? []).includes('ALL')) fail(`${file}: services.server must drop all capabilities`);

  if (server.healthcheck) {
    const test = [].concat(server.healthcheck.test).join(' ');
    if (!test.includes(`/${PORT}`) || !test.includes(LIVENESS)) fail(`${file}: the server's healthcheck must probe ${LIVENESS} on ${PORT}`);
  }
  const dependsOn = server.depends_on ?? {};
  for (const dependency of ['db', 'redis']) {
    if (dependsOn[dependency]?.condition !== 'service_healthy') fail(`${file}: server must wait for ${dependency} with condition service_healthy`);
  }

  const db = doc.services.db ?? fail(`${file}: no service "db"`);
  const testImage = read('test-support/src/main/java/com/zava/retail/testsupport/PostgresTestDatabase.java').match(/IMAGE = "([^"]+)"/)[1];
  expectEqual(db.image, testImage, `${file} services.db.image (the image the tests use)`);
  const redisImage = read('test-support/src/main/java/com/zava/retail/testsupport/RedisTestServer.java').match(/IMAGE = "([^"]+)"/)[1];
  expectEqual(doc.services.redis?.image, redisImage, `${file} services.redis.image (the image the tests use)`);
  const configTargets = (db.configs ?? []).map((c) => c.target);
  for (const sql of ['roles.sql', 'database.sql']) {
    const entry = (db.configs ?? []).find((c) => String(c.target).endsWith(`/${sql}`));
    if (!entry) fail(`${file}: the db service does not mount infra/local/sql/${sql}`);
    const source = doc.configs?.[entry.source]?.file;
    if (resolve(path('docker'), source ?? '') !== path(`infra/local/sql/${sql}`)) fail(`${file}: config ${entry.source} is ${source}, expected ../infra/local/sql/${sql}`);
  }
  if (!configTargets.some((t) => String(t).startsWith('/docker-entrypoint-initdb.d/'))) fail(`${file}: no init script in /docker-entrypoint-initdb.d`);
  if (multiReplica && db.ports?.length) fail(`${file}: the database publishes ${db.ports}; production must not`);
  const redisCommand = [].concat(doc.services.redis.command ?? []).join(' ');
  if (!redisCommand.includes('--requirepass') || !/--appendonly yes/.test(redisCommand)) fail(`${file}: redis needs --requirepass and --appendonly yes`);
  return { doc, server, env };
}

function composeFiles(dockerfileEnv) {
  const dev = compose('docker/compose.yaml', { multiReplica: false }, dockerfileEnv);
  const migrate = dev.doc.services.migrate ?? fail('docker/compose.yaml: no one-shot "migrate" service');
  if (dev.server.depends_on?.migrate?.condition !== 'service_completed_successfully') {
    fail('docker/compose.yaml: server must wait for migrate with condition service_completed_successfully');
  }
  if (![].concat(migrate.command).join(' ').startsWith('db ')) fail('docker/compose.yaml: migrate must run a "db ..." command');
  ok('docker/compose.yaml: server env, port, uid, read-only root, health checks, initdb SQL, waits for db, redis, migrate');

  const prod = compose('docker/compose.prod.yaml', { multiReplica: true }, dockerfileEnv);
  const deploy = prod.server.deploy ?? fail('docker/compose.prod.yaml: server has no deploy section');
  expectEqual(deploy.replicas, 3, 'docker/compose.prod.yaml server replicas');
  if (!deploy.resources?.limits?.cpus || !deploy.resources?.limits?.memory) fail('docker/compose.prod.yaml: server needs cpu and memory limits');
  expectEqual(deploy.update_config?.failure_action, 'rollback', 'docker/compose.prod.yaml update_config.failure_action');
  expectEqual(deploy.update_config?.order, 'start-first', 'docker/compose.prod.yaml update_config.order');
  for (const [name, value] of Object.entries(prod.env)) {
    if (/PASSWORD|_URL$/.test(name) && /PASSWORD|REDIS/.test(name) && !/\$\{[A-Z_]+:\?/.test(value)) {
      fail(`docker/compose.prod.yaml: ${name} must come from the environment with \${VAR:?message}, is ${value}`);
    }
  }
  ok('docker/compose.prod.yaml: 3 replicas, limits, start-first rolling update with rollback, no db port, secrets required from the environment');
}

// ---------------------------------------------------------------------------------------------
// infra/k8s

function kustomizeFiles() {
  const kustomizations = walk('infra/k8s', (f) => /kustomization\.ya?ml$/.test(f));
  if (kustomizations.length < 3) fail('infra/k8s: expected a base and the staging and production overlays');
  const resourcesByDir = new Map();
  for (const file of kustomizations) {
    const k = yamlOf(file);
    const dir = dirname(file);
    for (const entry of [...(k.resources ?? []), ...(k.components ?? [])]) {
      if (!existsSync(path(join(dir, entry)))) fail(`${file} refers to ${entry}, which does not exist`);
    }
    for (const patch of k.patches ?? []) {
      if (patch.path && !existsSync(path(join(dir, patch.path)))) fail(`${file}: patch file ${patch.path} does not exist`);
    }
    resourcesByDir.set(dir, k);
  }
  return resourcesByDir;
}

function manifests(dir, k) {
  return (k.resources ?? []).filter((r) => /\.ya?ml$/.test(r)).flatMap((r) => yamlDocs(join(dir, r)));
}

function kubernetes() {
  const kustomizations = kustomizeFiles();
  const baseDir = 'infra/k8s/base';
  const base = kustomizations.get(baseDir) ?? fail('infra/k8s/base/kustomization.yaml is missing');
  const objects = manifests(baseDir, base);
  const find = (kind, name) => objects.find((o) => o.kind === kind && (!name || o.metadata?.name === name));

  const deployment = find('Deployment') ?? fail('infra/k8s/base: no Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers.find((c) => c.name === 'server') ?? fail('infra/k8s/base Deployment: no container "server"');
  const http = (container.ports ?? []).find((p) => p.containerPort === PORT) ?? fail(`infra/k8s/base Deployment: no containerPort ${PORT}`);
  const portOf = (p) => (p === http.name ? PORT : p);
  for (const [probe, expected] of [['startupProbe', LIVENESS], ['livenessProbe', LIVENESS], ['readinessProbe', READINESS]]) {
    const get = container[probe]?.httpGet ?? fail(`infra/k8s/base Deployment: no ${probe}`);
    expectEqual(get.path, expected, `infra/k8s/base Deployment ${probe}.httpGet.path`);
    expectEqual(portOf(get.port), PORT, `infra/k8s/base Deployment ${probe}.httpGet.port`);
  }
  checkPodSecurity(pod, container, 'infra/k8s/base Deployment');
  if (!container.resources?.requests?.cpu || !container.resources?.limits?.memory) fail('infra/k8s/base Deployment: requests and limits are required');

  const service = find('Service') ?? fail('infra/k8s/base: no Service');
  const servicePort = service.spec.ports.find((p) => portOf(p.targetPort) === PORT) ?? fail(`infra/k8s/base Service: no port targets ${PORT}`);
  matchesLabels(service.spec.selector, deployment.spec.template.metadata.labels, 'infra/k8s/base Service selector');
  matchesLabels(find('PodDisruptionBudget').spec.selector.matchLabels, deployment.spec.template.metadata.labels, 'infra/k8s/base PodDisruptionBudget selector');

  const hpa = find('HorizontalPodAutoscaler') ?? fail('infra/k8s/base: no HorizontalPodAutoscaler');
  expectEqual(hpa.apiVersion, 'autoscaling/v2', 'infra/k8s/base HPA apiVersion');
  expectEqual(hpa.spec.scaleTargetRef.name, deployment.metadata.name, 'infra/k8s/base HPA scaleTargetRef');
  expectEqual(`${hpa.spec.minReplicas}-${hpa.spec.maxReplicas}`, '3-50', 'infra/k8s/base HPA replica range');
  const metric = (name) => hpa.spec.metrics.find((m) => m.resource?.name === name)?.resource.target.averageUtilization;
  expectEqual(metric('cpu'), 70, 'infra/k8s/base HPA cpu target');
  expectEqual(metric('memory'), 80, 'infra/k8s/base HPA memory target');
  if (!hpa.spec.metrics.some((m) => m.type === 'Pods')) fail('infra/k8s/base HPA: no requests-per-second Pods metric');
  if (deployment.spec.replicas !== undefined) fail('infra/k8s/base Deployment sets replicas; the HPA owns the count');

  const policy = find('NetworkPolicy') ?? fail('infra/k8s/base: no NetworkPolicy');
  const ingressPorts = policy.spec.ingress.flatMap((r) => r.ports.map((p) => p.port));
  if (!ingressPorts.every((p) => p === PORT)) fail(`infra/k8s/base NetworkPolicy: ingress ports ${ingressPorts}, expected only ${PORT}`);
  const egress = new Set(policy.spec.egress.flatMap((r) => r.ports.map((p) => `${p.protocol}/${p.port}`)));
  for (const needed of ['UDP/53', 'TCP/53', 'TCP/5432', 'TCP/6379', 'TCP/6380', 'TCP/443']) {
    if (!egress.has(needed)) fail(`infra/k8s/base NetworkPolicy: egress ${needed} is not allowed`);
  }

  const ingress = find('Ingress');
  if (ingress) {
    for (const rule of ingress.spec.rules) {
      for (const p of rule.http.paths) {
        expectEqual(p.backend.service.name, service.metadata.name, 'infra/k8s/base Ingress backend service');
        expectEqual(p.backend.service.port.number, servicePort.port, 'infra/k8s/base Ingress backend port');
        if ([LIVENESS, READINESS, '/actuator'].some((x) => p.path.startsWith(x))) fail(`infra/k8s/base Ingress exposes ${p.path}`);
      }
    }
  }

  const job = find('Job') ?? fail('infra/k8s/base: no migration Job');
  const jobPod = job.spec.template.spec;
  checkPodSecurity(jobPod, jobPod.containers[0], 'infra/k8s/base migration Job');
  if (jobPod.containers[0].args?.[0] !== 'db') fail('infra/k8s/base migration Job must run a "db ..." command');

  // Environment: ConfigMap literals (base, then each overlay's merge) plus explicit env entries.
  const configMap = (k) => Object.fromEntries((k.configMapGenerator ?? []).flatMap((g) => g.literals ?? [])
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const explicit = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? SECRET]));
  const baseEnv = { ...configMap(base), ...explicit };
  for (const c of [container, jobPod.containers[0]]) {
    if (!(c.envFrom ?? []).some((e) => e.configMapRef?.name === base.configMapGenerator[0].name)) {
      fail(`infra/k8s/base: container ${c.name} does not read ConfigMap ${base.configMapGenerator[0].name}`);
    }
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom?.secretKeyRef && e.valueFrom.secretKeyRef.key !== e.name) fail(`infra/k8s/base: ${e.name} reads secret key ${e.valueFrom.secretKeyRef.key}`);
  }
  const jobSecrets = (jobPod.containers[0].env ?? []).map((e) => e.name).sort().join();
  const serverSecrets = (container.env ?? []).filter((e) => e.valueFrom?.secretKeyRef).map((e) => e.name).sort().join();
  if (!serverSecrets.split(',').every((s) => jobSecrets.includes(s))) fail('infra/k8s/base: the migration Job lacks secrets the server gets');
  checkServerEnv(baseEnv, 'infra/k8s/base', { multiReplica: true });

  for (const overlay of ['staging', 'production']) {
    const dir = `infra/k8s/overlays/${overlay}`;
    const k = kustomizations.get(dir) ?? fail(`${dir}/kustomization.yaml is missing`);
    if (!k.namespace) fail(`${dir}: no namespace`);
    const env = { ...baseEnv, ...configMap(k) };
    checkServerEnv(env, dir, { multiReplica: true });
    const hosts = env.ZAVA_HTTP_ALLOWED_HOSTS.split(',');
    if (!hosts.some((h) => h.startsWith(`${service.metadata.name}.${k.namespace}.svc`))) {
      fail(`${dir}: ZAVA_HTTP_ALLOWED_HOSTS lacks the in-cluster name ${service.metadata.name}.${k.namespace}.svc`);
    }
    for (const patch of k.patches ?? []) {
      const target = patch.target ?? {};
      if (target.kind && !objects.some((o) => o.kind === target.kind && (!target.name || o.metadata.name === target.name))) {
        fail(`${dir}: a patch targets ${target.kind}/${target.name}, which the base does not have`);
      }
      const hostPatch = /path: \/spec\/rules\/0\/host\s+value: (\S+)/.exec(patch.patch ?? '');
      if (hostPatch && !hosts.includes(hostPatch[1])) fail(`${dir}: the Ingress host ${hostPatch[1]} is not in ZAVA_HTTP_ALLOWED_HOSTS`);
    }
    if (!(k.images ?? []).some((i) => i.name === 'zava-retail-mcp')) fail(`${dir}: the image is not set`);
  }
  ok(`infra/k8s: port ${PORT} (container, probes, Service, Ingress, NetworkPolicy), ${LIVENESS} and ${READINESS}, uid ${UID}, hardening, HPA 3-50, env in base and overlays`);

  const monitoring = 'infra/k8s/components/monitoring';
  if (existsSync(path(monitoring))) {
    const rules = read(`${monitoring}/prometheusrule.yaml`);
    checkMetricNames(rules, `${monitoring}/prometheusrule.yaml`);
    const monitor = yamlOf(`${monitoring}/servicemonitor.yaml`);
    const endpoint = monitor.spec.endpoints[0];
    expectEqual(endpoint.path, '/actuator/prometheus', `${monitoring}/servicemonitor.yaml path`);
    if (!service.spec.ports.some((p) => p.name === endpoint.port)) fail(`${monitoring}/servicemonitor.yaml scrapes port ${endpoint.port}, which the Service does not name`);
    const exposure = String(get(yamlOf('bootstrap/src/main/resources/application.yml'), 'management.endpoints.web.exposure.include') ?? '');
    if (!exposure.split(',').map((e) => e.trim()).includes('prometheus')) fail('bootstrap/src/main/resources/application.yml does not expose the prometheus endpoint the ServiceMonitor scrapes');
    ok(`${monitoring}: scrape /actuator/prometheus on the Service port, alert rules on meters the application registers`);
  }
}

let javaMain;
function javaSources() {
  javaMain ??= walk('.', (f) => /\/src\/main\/java\/.*\.java$/.test(f.replaceAll('\\', '/'))).map(read).join('\n');
  return javaMain;
}

// Every zava_* series in the alert rules must come from a meter the Java code registers
// (zava_tool_call_seconds_count <- "zava.tool.call", zava_auth_failures_total <- "zava.auth.failures"),
// the success outcome must be the value the code records, and a circuit breaker must exist.
function checkMetricNames(rules, where) {
  const series = new Set(rules.match(/\bzava_[a-z_]+/g) ?? []);
  if (series.size === 0) fail(`${where} uses none of the application's metrics`);
  for (const name of series) {
    const meter = name.replace(/_(seconds_(count|sum|bucket|max)|total)$/, '').replaceAll('_', '.');
    if (!javaSources().includes(`"${meter}"`)) fail(`${where} uses ${name}, but no meter "${meter}" is registered in the Java sources`);
  }
  for (const m of rules.matchAll(/outcome!="([^"]+)"/g)) {
    if (!javaSources().includes(`"${m[1]}"`)) fail(`${where} treats outcome "${m[1]}" as success, a value the Java sources never record`);
  }
  const breakers = Object.keys(get(yamlOf('bootstrap/src/main/resources/application.yml'), 'resilience4j.circuitbreaker.instances') ?? {});
  for (const m of rules.matchAll(/resilience4j_circuitbreaker_state\{[^}]*name="([^"]+)"/g)) {
    if (!breakers.includes(m[1])) fail(`${where} watches circuit breaker ${m[1]}; application.yml defines ${breakers.join(', ') || 'none'}`);
  }
  if (!rules.includes('resilience4j_circuitbreaker_state')) fail(`${where} does not watch the database circuit breaker`);
}

function checkPodSecurity(pod, container, where) {
  const podSc = pod.securityContext ?? {};
  const sc = container.securityContext ?? {};
  if (podSc.runAsNonRoot !== true) fail(`${where}: runAsNonRoot must be true`);
  expectEqual(sc.runAsUser ?? podSc.runAsUser, UID, `${where} runAsUser`);
  expectEqual((sc.seccompProfile ?? podSc.seccompProfile)?.type, 'RuntimeDefault', `${where} seccompProfile`);
  if (sc.readOnlyRootFilesystem !== true) fail(`${where}: readOnlyRootFilesystem must be true`);
  if (sc.allowPrivilegeEscalation !== false) fail(`${where}: allowPrivilegeEscalation must be false`);
  if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail(`${where}: capabilities must drop ALL`);
  const tmp = (container.volumeMounts ?? []).find((m) => m.mountPath === '/tmp') ?? fail(`${where}: nothing writable mounted on /tmp`);
  if (!(pod.volumes ?? []).some((v) => v.name === tmp.name && v.emptyDir)) fail(`${where}: /tmp must be an emptyDir`);
}

function matchesLabels(selector, labels, where) {
  for (const [k, v] of Object.entries(selector ?? {})) {
    if (labels?.[k] !== v) fail(`${where}: ${k}=${v} does not match the pod labels`);
  }
}

// ---------------------------------------------------------------------------------------------
// infra/azure

function bicepEnv(text, where) {
  const block = text.match(/var appEnv = concat\(\[([\s\S]*?)\n\], empty/)?.[1] ?? fail(`${where}: no "var appEnv = concat([...], ...)"`);
  const tail = text.slice(text.indexOf('var appEnv')).split('\n])\n')[0];
  const env = {};
  for (const m of tail.matchAll(/name: '([A-Z][A-Z0-9_]+)'\s*\n\s*(value: '([^']*)'|secretRef: '[^']+'|value: [^\n]+)/g)) {
    env[m[1]] = m[3] !== undefined ? m[3] : m[2].startsWith('secretRef') ? SECRET : BICEP;
  }
  if (!block) fail(`${where}: empty appEnv`);
  return env;
}

function azure() {
  const file = 'infra/azure/modules/containerapps.bicep';
  const text = read(file);
  const port = Number(text.match(/^var port = (\d+)$/m)?.[1] ?? fail(`${file}: no "var port = ..."`));
  expectEqual(port, PORT, `${file} port`);
  const target = text.match(/targetPort: (\w+)/)?.[1];
  if (target !== 'port' && target !== String(PORT)) fail(`${file}: ingress targetPort is ${target}, expected ${PORT}`);
  for (const [type, expected] of [['Startup', LIVENESS], ['Liveness', LIVENESS], ['Readiness', READINESS]]) {
    const probe = text.match(new RegExp(`type: '${type}'[\\s\\S]*?path: '([^']+)'[\\s\\S]*?port: (\\w+)`)) ?? fail(`${file}: no ${type} probe`);
    expectEqual(probe[1], expected, `${file} ${type} probe path`);
    if (probe[2] !== 'port' && probe[2] !== String(PORT)) fail(`${file}: ${type} probe port ${probe[2]}`);
  }
  const env = bicepEnv(text, file);
  checkServerEnv(env, `${file} appEnv`, { multiReplica: true });
  if (!text.includes("name: 'MANAGEMENT_OTLP_TRACING_ENDPOINT'")) fail(`${file}: MANAGEMENT_OTLP_TRACING_ENDPOINT is never set`);
  for (const secret of ['db-app-password', 'db-owner-password', 'redis-url']) {
    if (!new RegExp(`name: '${secret}'\\s*\\n\\s*keyVaultUrl:`).test(text)) fail(`${file}: secret ${secret} must come from Key Vault`);
  }
  if (!/activeRevisionsMode: 'Multiple'/.test(text)) fail(`${file}: blue-green releases need activeRevisionsMode Multiple`);
  const release = read('infra/azure/release.sh');
  for (const label of ['green', 'blue']) {
    if (!release.includes(`--label ${label}`)) fail(`infra/azure/release.sh does not use the label ${label}`);
    if (!text.includes(`---${label}.`)) fail(`${file}: ZAVA_HTTP_ALLOWED_HOSTS lacks the ${label} label's host name`);
  }
  const replicas = [...text.matchAll(/(min|max)Replicas: (\w+)/g)].map((m) => m[2]);
  if (replicas.join() !== 'minReplicas,maxReplicas') fail(`${file}: scale must use the minReplicas/maxReplicas parameters`);
  if (!/http: \{\s*metadata: \{\s*concurrentRequests/.test(text) || !/type: 'cpu'/.test(text)) fail(`${file}: scale rules on HTTP concurrency and CPU are required`);
  for (const m of text.matchAll(/loadTextContent\('([^']+)'\)/g)) {
    if (!existsSync(resolve(path('infra/azure/modules'), m[1]))) fail(`${file}: loadTextContent('${m[1]}') does not exist`);
  }

  // main.bicep modules exist; every parameter a .bicepparam sets is declared, every required one set.
  const main = read('infra/azure/main.bicep');
  for (const m of main.matchAll(/module \w+ '([^']+)'/g)) {
    if (!existsSync(path(join('infra/azure', m[1])))) fail(`infra/azure/main.bicep: module ${m[1]} does not exist`);
  }
  const declared = new Map([...main.matchAll(/^param (\w+) \w+( = .*)?$/gm)].map((m) => [m[1], m[2] !== undefined]));
  for (const envName of ['staging', 'production']) {
    const paramFile = `infra/azure/${envName}.bicepparam`;
    const params = read(paramFile);
    const set = new Set([...params.matchAll(/^param (\w+) =/gm)].map((m) => m[1]));
    for (const p of set) if (!declared.has(p)) fail(`${paramFile} sets ${p}, which main.bicep does not declare`);
    for (const [p, hasDefault] of declared) if (!hasDefault && !set.has(p)) fail(`${paramFile} does not set the required parameter ${p}`);
    if (!params.includes(`param environmentName = '${envName}'`)) fail(`${paramFile}: environmentName must be ${envName}`);
  }
  const production = read('infra/azure/production.bicepparam');
  for (const [p, v] of [['postgresHighAvailability', "'ZoneRedundant'"], ['postgresBackupRetentionDays', '35'], ['postgresGeoRedundantBackup', "'Enabled'"], ['minReplicas', '2'], ['maxReplicas', '20']]) {
    if (!production.includes(`param ${p} = ${v}`)) fail(`infra/azure/production.bicepparam: ${p} must be ${v}`);
  }
  const postgres = read('infra/azure/modules/postgres.bicep');
  if (!/version: '16'/.test(postgres)) fail('infra/azure/modules/postgres.bicep: PostgreSQL 16 expected');
  for (const ext of ['VECTOR', 'PG_STAT_STATEMENTS', 'PGAUDIT']) if (!postgres.includes(ext)) fail(`infra/azure/modules/postgres.bicep: ${ext} not allowed`);
  if (!/'pg_stat_statements,pgaudit'/.test(postgres)) fail('infra/azure/modules/postgres.bicep: pg_stat_statements and pgaudit must be preloaded');

  // The Azure role script keeps roles.sql's per-role limits (except temp_file_limit, superuser-only there).
  const settings = (sql) => [...sql.matchAll(/ALTER ROLE %I SET (\w+) = %L', :'app', '([^']+)'/g)].map((m) => `${m[1]}=${m[2]}`).sort();
  const local = settings(read('infra/local/sql/roles.sql')).filter((s) => !s.startsWith('temp_file_limit='));
  const flexible = settings(read('infra/azure/sql/roles-flexible-server.sql'));
  if (local.join() !== flexible.join()) fail(`infra/azure/sql/roles-flexible-server.sql sets ${flexible.join(', ')} for the app role; infra/local/sql/roles.sql sets ${local.join(', ')}`);

  const alerts = read('infra/azure/modules/alerts.bicep');
  // The log-based rules parse ToolCallTelemetry's line: the logger, its keys and the success value.
  const telemetry = walk('.', (f) => f.endsWith('/ToolCallTelemetry.java')).map(read).join('\n');
  if (!telemetry) fail('infra/azure/modules/alerts.bicep parses the log of ToolCallTelemetry, which no longer exists');
  for (const key of ['outcome', 'rows', 'durationMs']) {
    if (!alerts.includes(`"${key}="`) && !alerts.includes(`" ${key}="`)) fail(`infra/azure/modules/alerts.bicep does not parse ${key}= from the tool-call log line`);
    if (!telemetry.includes(`${key}={}`)) fail(`ToolCallTelemetry no longer logs ${key}={}, which infra/azure/modules/alerts.bicep parses`);
  }
  for (const m of alerts.matchAll(/outcome != "([^"]+)"/g)) {
    if (!javaSources().includes(`"${m[1]}"`)) fail(`infra/azure/modules/alerts.bicep treats outcome "${m[1]}" as success, a value the Java sources never record`);
  }
  for (const needle of ['is_db_alive', "metricName: 'CpuPercentage'", 'threshold: 85', "metricName: 'MemoryPercentage'", 'threshold: 90', '> 0.05', 'averageMs > 2000', '> 0.10']) {
    if (!alerts.includes(needle)) fail(`infra/azure/modules/alerts.bicep lacks ${needle}`);
  }
  ok(`infra/azure: targetPort ${PORT}, probes ${LIVENESS} and ${READINESS}, env, Key Vault secrets, revision labels in the host allow-list, parameters, SQL limits, alerts`);
}

// ---------------------------------------------------------------------------------------------
// Pipelines

function pipelines() {
  const ci = yamlOf('.github/workflows/ci.yml');
  const test = ci.jobs?.test ?? fail('.github/workflows/ci.yml: no job "test"');
  const testImage = read('test-support/src/main/java/com/zava/retail/testsupport/PostgresTestDatabase.java').match(/IMAGE = "([^"]+)"/)[1];
  const redisImage = read('test-support/src/main/java/com/zava/retail/testsupport/RedisTestServer.java').match(/IMAGE = "([^"]+)"/)[1];
  expectEqual(test.services?.postgres?.image, testImage, '.github/workflows/ci.yml postgres service image');
  expectEqual(test.services?.redis?.image, redisImage, '.github/workflows/ci.yml redis service image');
  expectEqual(test.env?.ZAVA_TEST_SERVICES, 'local', '.github/workflows/ci.yml ZAVA_TEST_SERVICES');
  const testSupport = walk('test-support/src/main/java', (f) => f.endsWith('.java')).map(read).join('\n');
  for (const name of Object.keys(test.env).filter((n) => n.startsWith('ZAVA_TEST_') && n !== 'ZAVA_TEST_SERVICES')) {
    if (!testSupport.includes(`"${name}"`)) fail(`.github/workflows/ci.yml sets ${name}, which test-support does not read`);
  }
  for (const [name, twin] of [['ZAVA_DB_OWNER_PASSWORD', 'ZAVA_TEST_DB_OWNER_PASSWORD'], ['ZAVA_DB_APP_PASSWORD', 'ZAVA_TEST_DB_APP_PASSWORD']]) {
    expectEqual(test.env[name], test.env[twin], `.github/workflows/ci.yml ${name} (provision.sh re-applies it) vs ${twin}`);
  }
  const steps = JSON.stringify(test.steps);
  for (const needle of ['infra/local/sql/roles.sql', 'infra/local/sql/database.sql', 'make test']) {
    if (!steps.includes(needle)) fail(`.github/workflows/ci.yml job test does not run ${needle}`);
  }
  const allCi = JSON.stringify(ci);
  if (!allCi.includes('aquasecurity/trivy-action@') || !allCi.includes('actions/dependency-review-action@')) fail('.github/workflows/ci.yml needs the Trivy scan and the dependency review');
  for (const file of walk('.github/workflows', (f) => /\.ya?ml$/.test(f))) {
    for (const m of read(file).matchAll(/uses: ([^\s@]+)@(\S+)/g)) {
      if (!/^[0-9a-f]{40}$/.test(m[2])) fail(`${file}: ${m[1]}@${m[2]} is not pinned to a commit SHA`);
    }
  }
  const release = yamlOf('.github/workflows/release.yml');
  const production = Object.values(release.jobs).find((j) => (j.environment?.name ?? j.environment) === 'production') ?? fail('.github/workflows/release.yml: no job in the production environment');
  const prodSteps = JSON.stringify(production.steps);
  for (const needle of ['release.sh stage production', 'release.sh check production green', 'release.sh promote production', 'release.sh rollback production']) {
    if (!prodSteps.includes(needle)) fail(`.github/workflows/release.yml production job does not run ${needle}`);
  }
  const ado = yamlOf('azure-pipelines.yml');
  const stages = (ado.stages ?? []).map((s) => s.stage).join();
  expectEqual(stages, 'CI,Build,Staging,IntegrationCheck,Production', 'azure-pipelines.yml stages');
  const adoText = read('azure-pipelines.yml');
  for (const needle of [testImage, redisImage, 'make test', 'release.sh deploy staging', 'release.sh check staging live', 'release.sh stage production', 'release.sh promote production', 'release.sh rollback production']) {
    if (!adoText.includes(needle)) fail(`azure-pipelines.yml lacks ${needle}`);
  }
  const smoke = read('infra/azure/smoke-check.sh');
  const toolSources = walk('.', (f) => /adapters-mcp-core\/src\/main\/java\/.*\.java$/.test(f.replaceAll('\\', '/'))).map(read).join('\n');
  for (const tool of ['get_multiple_table_schemas', 'execute_sales_query', 'semantic_search_products', 'get_current_utc_date']) {
    if (!smoke.includes(`"${tool}"`) && !smoke.includes(` ${tool}`)) fail(`infra/azure/smoke-check.sh does not check ${tool}`);
    if (toolSources && !toolSources.includes(`"${tool}"`)) fail(`infra/azure/smoke-check.sh expects tool ${tool}, which adapters-mcp-core does not define`);
  }
  ok('pipelines: CI service images = test images, ZAVA_TEST_* names, SQL set-up, scans, SHA-pinned actions; release and Azure Pipelines stages, blue-green steps, smoke-checked tools');
}

// ---------------------------------------------------------------------------------------------
// Hygiene of everything written for deployment.

function hygiene() {
  // npm records where it fetched each package; .npmrc keeps the registry's address out of the
  // lockfile, so `npm ci` uses whatever registry the machine is configured for.
  const lock = JSON.parse(read('tools/deploy-check/package-lock.json'));
  for (const [name, entry] of Object.entries(lock.packages ?? {})) {
    if (entry.resolved) fail(`tools/deploy-check/package-lock.json: ${name} has a "resolved" address (see .npmrc)`);
  }
  const pkg = JSON.parse(read('tools/deploy-check/package.json'));
  for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (!/^\d+\.\d+\.\d+$/.test(version)) fail(`tools/deploy-check/package.json: ${name}@${version} is not an exact version`);
  }
  ok('tools/deploy-check: npm packages pinned exactly, no registry address in the lockfile');
}

/**
 * Runs every rule against the repository at rootDir; files named in replaced (path relative to
 * the root -> content) are read from there instead of the disk. Throws ConsistencyFailure on the
 * first disagreement; returns the number of groups of checks that passed.
 */
export function checkRepository(rootDir, { replaced = {}, print = console.log } = {}) {
  root = resolve(rootDir);
  overrides = replaced;
  log = print;
  checks = 0;
  knownZavaNames = undefined;
  javaMain = undefined;
  applicationYaml();
  const { env } = dockerfile();
  composeFiles(env);
  kubernetes();
  azure();
  pipelines();
  hygiene();
  return checks;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const target = resolve(process.argv[2] ?? join(here, '..', '..'));
  try {
    const passed = checkRepository(target);
    console.log(`[consistency] all ${passed} groups of checks passed (${relative(process.cwd(), target) || '.'})`);
  } catch (e) {
    if (e instanceof ConsistencyFailure) {
      console.error(`[consistency] FAILED: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}
