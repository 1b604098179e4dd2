#!/usr/bin/env node
// Runs the packaged jar the way the container image does, without a container engine: the jar
// is split into layers by the Dockerfile's own extract command, the layers are laid out as the
// runtime stage's COPY lines lay them out, and the Dockerfile's ENTRYPOINT runs there with the
// Dockerfile's ENV and nothing else of this machine's environment but PATH.
//
//   node tools/deploy-check/entrypoint-check.mjs           `help`: the layout, the entrypoint and
//                                                          the JVM options work (no services needed)
//   node tools/deploy-check/entrypoint-check.mjs --serve   the image's CMD: the server starts, the
//                                                          Dockerfile's own HEALTHCHECK command
//                                                          reports healthy, /ready answers 200,
//                                                          SIGTERM stops it. Needs PostgreSQL and
//                                                          Redis where the application's defaults
//                                                          (or SPRING_*/ZAVA_* variables passed
//                                                          through) point, and port 8000 free.
//
// Not emulated: the uid (the image runs as 1000) and the read-only root filesystem.
// Exit codes: 0 passed or skipped (no packaged jar yet), 1 failed.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const jar = join(root, 'bootstrap', 'target', 'zava-retail-mcp.jar');
const serve = process.argv.includes('--serve');

const say = (m) => console.log(`[entrypoint] ${m}`);
function fail(m) {
  console.error(`[entrypoint] FAILED: ${m}`);
  process.exit(1);
}

if (!existsSync(jar)) {
  say(`skipped: ${jar} does not exist yet (mvn package builds it)`);
  process.exit(0);
}

// --- What the Dockerfile says -------------------------------------------------------------
const lines = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8').replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const runtimeFrom = lines.map((l, i) => [l, i]).filter(([l]) => /^FROM /i.test(l)).at(-1)[1];
const build = lines.slice(0, runtimeFrom);
const runtime = lines.slice(runtimeFrom);
const last = (name) => runtime.filter((l) => l.toUpperCase().startsWith(`${name} `)).at(-1)?.slice(name.length + 1).trim();

const extract = build.find((l) => /^RUN java -Djarmode=tools /.test(l)) ?? fail('no "RUN java -Djarmode=tools ..." in the build stage');
const extractArgs = extract.slice('RUN '.length).split('&&')[0].trim().split(/\s+/);
const builtJar = extractArgs[extractArgs.indexOf('-jar') + 1];
const destination = extractArgs[extractArgs.indexOf('--destination') + 1];
const layers = runtime.filter((l) => /^COPY --from=build /.test(l)).map((l) => l.split(/\s+/)[2]);
const workdir = last('WORKDIR') ?? '/';
const entrypoint = JSON.parse(last('ENTRYPOINT') ?? fail('no ENTRYPOINT'));
const cmd = JSON.parse(last('CMD') ?? '[]');
const healthcheck = JSON.parse(last('HEALTHCHECK')?.replace(/^.*?\bCMD\s+/, '') ?? fail('no HEALTHCHECK'));
const env = {};
for (const line of runtime.filter((l) => /^ENV /.test(l))) {
  for (const m of line.slice(4).matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|\S+)/g)) env[m[1]] = m[3] ?? m[2];
}

// --- The image's /app, here -----------------------------------------------------------------
const scratch = mkdtempSync(join(tmpdir(), 'zava-entrypoint-'));
const local = (p) => p.replace(/^\//, `${scratch}/`);
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
mkdirSync(dirname(local(builtJar)), { recursive: true });
cpSync(jar, local(builtJar));
const extraction = spawnSync('java', extractArgs.slice(1).map((a) => (a.startsWith('/') ? local(a) : a)), { encoding: 'utf8' });
if (extraction.status !== 0) fail(`the Dockerfile's extract command failed: ${extraction.stderr || extraction.stdout}`);
mkdirSync(local(workdir), { recursive: true });
for (const layer of layers) {
  if (!existsSync(local(layer))) fail(`layer ${layer} (a COPY --from=build source) was not extracted to ${destination}`);
  cpSync(local(layer), local(workdir), { recursive: true });
}
say(`extracted ${layers.length} layers as the image lays them out in ${workdir}`);

// The image's environment: its ENV, plus PATH to find java; with --serve also the caller's
// SPRING_*/ZAVA_* settings, so the server can be pointed at the local services.
const passThrough = serve ? Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(SPRING|ZAVA)_/.test(k))) : {};
const childEnv = { PATH: process.env.PATH, ...passThrough, ...env };
const command = entrypoint.map((a) => (a.startsWith('/') && a.startsWith(workdir) ? local(a) : a));
const cwd = local(workdir);

if (!serve) {
  const help = spawnSync(command[0], [...command.slice(1), 'help'], { cwd, env: childEnv, encoding: 'utf8', timeout: 60_000 });
  if (help.status !== 0) fail(`"${entrypoint.join(' ')} help" exited ${help.status}: ${help.stderr}`);
  if (!help.stdout.includes('Usage: java -jar zava-retail-mcp.jar')) fail(`"help" printed no usage: ${help.stdout.slice(0, 300)}`);
  if (env.JDK_JAVA_OPTIONS && !help.stderr.includes('JDK_JAVA_OPTIONS')) fail('the java launcher did not pick up JDK_JAVA_OPTIONS');
  say(`ok: ${entrypoint.join(' ')} help, with the image's ENV (JVM options picked up)`);
  process.exit(0);
}

// --- --serve ------------------------------------------------------------------------------
const port = Number(env.SERVER_PORT ?? 8000);
const probe = (path) => spawnSync(healthcheck[0], healthcheck.slice(1).map((a) => a.replace('GET /health ', `GET ${path} `)), { env: childEnv, timeout: 10_000 }).status === 0;
if (probe('/health')) fail(`something already answers on port ${port}; stop it first`);

say(`starting ${[...entrypoint, ...cmd].join(' ')}`);
const server = spawn(command[0], [...command.slice(1), ...cmd], { cwd, env: childEnv, stdio: ['ignore', 'inherit', 'inherit'] });
let exited = null;
server.on('exit', (code, signal) => { exited = { code, signal }; });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

(async () => {
  const deadline = Date.now() + 180_000;
  while (!probe('/health')) {
    if (exited) fail(`the server exited (${exited.code ?? exited.signal}) before it became healthy`);
    if (Date.now() > deadline) { server.kill('SIGKILL'); fail('the HEALTHCHECK command did not succeed within 3 minutes'); }
    await sleep(2000);
  }
  say('ok: the Dockerfile HEALTHCHECK command reports healthy');
  while (!probe('/ready')) {
    if (Date.now() > deadline) { server.kill('SIGKILL'); fail('/ready did not answer 200 within 3 minutes'); }
    await sleep(2000);
  }
  say('ok: /ready answers 200');
  server.kill('SIGTERM');
  for (let i = 0; i < 60 && !exited; i += 1) await sleep(500);
  if (!exited) { server.kill('SIGKILL'); fail('the server did not stop within 30 s of SIGTERM'); }
  say(`ok: stopped on SIGTERM (${exited.code ?? exited.signal})`);
  process.exit(0);
})();
