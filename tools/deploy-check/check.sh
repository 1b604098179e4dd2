#!/usr/bin/env bash
# Offline checks of the deployment files (no Docker engine, no cluster, no cloud needed):
#   1. npm packages of this directory installed from package-lock.json (npm ci, when stale)
#   2. GitHub workflows           @action-validator/cli (schema, job references, globs)
#   3. docker/Dockerfile          dockerfilelint (one known false positive dropped, see lint-dockerfile.mjs)
#   4. YAML well-formedness       compose, Kubernetes, workflows, azure-pipelines.yml (yaml-wellformed.mjs)
#   5. shell syntax               bash -n / sh -n of the deployment scripts
#   6. cross-file consistency     consistency.mjs: ports, probe paths, uid, environment names, ...
#   7. the consistency check can fail: consistency.test.mjs breaks copies on purpose
#   8. the packaged jar run as the image runs it (entrypoint-check.mjs; skipped without the jar;
#      ZAVA_DEPLOY_CHECK_SERVE=1 also starts the server, which needs PostgreSQL and Redis)
# Not checked here: kustomize rendering (no kustomize in the npm registry), Kubernetes,
# Compose, Bicep and Azure Pipelines schemas, and anything needing a container engine or Azure.
#
#   bash tools/deploy-check/check.sh        (from anywhere; make test calls it)
# Stops at the first failure with a message and a non-zero exit code.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
started=$SECONDS

say() { printf '[deploy-check] %s\n' "$*"; }
fail() { printf '[deploy-check] FAILED: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || fail "Node.js 18 or newer is needed (node not found)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || fail "Node.js 18 or newer is needed, found $(node --version)"

# 1. npm ci when node_modules is missing or older than the lockfile (npm keeps its own copy of the
#    lockfile in node_modules/.package-lock.json when it installs).
installed="$here/node_modules/.package-lock.json"
if [ ! -f "$installed" ] || [ "$here/package-lock.json" -nt "$installed" ] || [ "$here/package.json" -nt "$installed" ]; then
  say "npm ci (tools/deploy-check)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci failed in tools/deploy-check"
fi
bin="$here/node_modules/.bin"

# 2. Workflows.
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
[ ${#workflows[@]} -gt 0 ] || fail "no workflows in .github/workflows"
for workflow in "${workflows[@]}"; do
  say "action-validator ${workflow}"
  "$bin/action-validator" "$workflow" || fail "${workflow} is not a valid GitHub Actions workflow (see above)"
done

# 3. Dockerfile.
say "dockerfilelint docker/Dockerfile"
node "$here/lint-dockerfile.mjs" docker/Dockerfile || fail "docker/Dockerfile has lint findings (see above)"

# 4. YAML.
mapfile -t yaml_files < <(find docker infra/k8s .github -type f \( -name '*.yaml' -o -name '*.yml' \) | sort)
yaml_files+=(azure-pipelines.yml)
say "YAML well-formedness of ${#yaml_files[@]} files"
node "$here/yaml-wellformed.mjs" "${yaml_files[@]}" || fail "a YAML file does not parse (see above)"

# 5. Shell syntax.
mapfile -t scripts < <(find infra/azure tools/deploy-check -maxdepth 1 -type f -name '*.sh' | sort)
say "shell syntax of ${#scripts[@]} scripts and docker/initdb"
for script in "${scripts[@]}"; do bash -n "$script" || fail "${script}: syntax error"; done
for script in docker/initdb/*.sh; do sh -n "$script" || fail "${script}: syntax error"; done

# 6. and 7.
say "consistency of the deployment files with each other and with the application"
node "$here/consistency.mjs" "$root" || fail "the deployment files disagree (see above)"
say "the consistency check rejects broken copies"
node --test --test-reporter=dot "$here/" || fail "consistency.test.mjs: the consistency check accepted a broken copy, or a case is out of date (see above)"

# 8.
if [ "${ZAVA_DEPLOY_CHECK_SERVE:-0}" = 1 ]; then
  say "packaged jar with the image's entrypoint and environment: serve"
  node "$here/entrypoint-check.mjs" --serve || fail "the packaged jar does not start the way the image starts it (see above)"
else
  say "packaged jar with the image's entrypoint and environment: help"
  node "$here/entrypoint-check.mjs" || fail "the packaged jar does not run the way the image runs it (see above)"
fi

say "all checks passed in $((SECONDS - started)) s"
