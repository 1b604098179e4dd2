#!/usr/bin/env bash
# Creates or updates one Azure environment of the Zava Retail MCP server with the Azure CLI:
# resource group, Bicep deployment (main.bicep + <environment>.bicepparam), PostgreSQL restart
# when a preloaded library changed, database set-up job, migration job.
#
#   infra/azure/deploy.sh staging|production [--what-if]
#
# Needs: the Azure CLI, signed in (az login, or a pipeline's federated identity) with the target
# subscription selected, and these environment variables (from a secret store, never a file):
#   ZAVA_PG_ADMIN_PASSWORD   PostgreSQL administrator password (used by the db-init job only)
#   ZAVA_DB_OWNER_PASSWORD   password of zava_owner, the migration role
#   ZAVA_DB_APP_PASSWORD     password of zava_app, the runtime role
#   ZAVA_ALERT_EMAIL         who receives the alerts
# Optional:
#   ZAVA_IMAGE               image to run; default: the one running now; on the very first run
#                            none, so the platform is deployed first and an image is built from
#                            this checkout with `az acr build` (no local Docker needed)
#   ZAVA_AZURE_LOCATION      region (default westus2: the stores are in Washington State)
#   ZAVA_RESOURCE_GROUP      default zava-<environment>-rg
#   ZAVA_OTLP_TRACING_ENDPOINT  OTLP/HTTP traces endpoint; empty: tracing off
#
# Application releases after the first deployment go through release.sh (blue-green). Running
# this script again is for infrastructure changes; it keeps the running image, and the revision
# it creates takes the traffic directly.
set -euo pipefail

step() { printf '[deploy] %s\n' "$*" >&2; }
die() { printf '[deploy] ERROR: %s\n' "$*" >&2; exit 1; }

env_name="${1:-}"
case "$env_name" in
  staging | production) ;;
  *) die "usage: $0 staging|production [--what-if]" ;;
esac
what_if=0
if [ "${2:-}" = "--what-if" ]; then what_if=1; fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
app=zava-retail-mcp
rg="${ZAVA_RESOURCE_GROUP:-zava-${env_name}-rg}"
export ZAVA_AZURE_LOCATION="${ZAVA_AZURE_LOCATION:-westus2}"

command -v az >/dev/null || die "the Azure CLI (az) is not installed"
: "${ZAVA_PG_ADMIN_PASSWORD:?set ZAVA_PG_ADMIN_PASSWORD (PostgreSQL administrator password)}"
: "${ZAVA_DB_OWNER_PASSWORD:?set ZAVA_DB_OWNER_PASSWORD (password of the migration role zava_owner)}"
: "${ZAVA_DB_APP_PASSWORD:?set ZAVA_DB_APP_PASSWORD (password of the runtime role zava_app)}"
: "${ZAVA_ALERT_EMAIL:?set ZAVA_ALERT_EMAIL (who receives the alerts)}"
az account show --query name -o tsv >/dev/null 2>&1 || die "not signed in: run az login (or use the pipeline's azure/login step)"
az extension add --name containerapp --upgrade --only-show-errors >/dev/null

step "subscription: $(az account show --query name -o tsv); resource group ${rg} in ${ZAVA_AZURE_LOCATION}"
if [ "$what_if" = 0 ]; then
  az group create --name "$rg" --location "$ZAVA_AZURE_LOCATION" \
    --tags application=zava-retail-mcp environment="$env_name" --output none
fi

# Keep what runs unless told otherwise; nothing runs before the first deployment.
if [ -z "${ZAVA_IMAGE:-}" ]; then
  ZAVA_IMAGE="$(az containerapp show --resource-group "$rg" --name "$app" \
    --query 'properties.template.containers[0].image' --output tsv 2>/dev/null || true)"
fi
export ZAVA_IMAGE

deployment() {
  local mode=create
  if [ "$what_if" = 1 ]; then mode=what-if; fi
  step "Bicep deployment (${mode}), image: ${ZAVA_IMAGE:-none yet}"
  az deployment group "$mode" --resource-group "$rg" --name "zava-${env_name}" \
    --parameters "$here/${env_name}.bicepparam" --output none
}

output() {
  az deployment group show --resource-group "$rg" --name "zava-${env_name}" \
    --query "properties.outputs.$1.value" --output tsv
}

# Starts a manual Container Apps job and waits for its execution to end.
run_job() {
  local job="$1" execution status
  step "job ${job}: starting"
  execution="$(az containerapp job start --resource-group "$rg" --name "$job" --query name --output tsv)"
  for _ in $(seq 1 180); do
    status="$(az containerapp job execution show --resource-group "$rg" --name "$job" \
      --job-execution-name "$execution" --query properties.status --output tsv)"
    case "$status" in
      Succeeded) step "job ${job}: succeeded"; return 0 ;;
      Failed | Stopped | Degraded) die "job ${job} (execution ${execution}) ended ${status}; its log is in Log Analytics (ContainerAppConsoleLogs_CL)" ;;
    esac
    sleep 10
  done
  die "job ${job} (execution ${execution}) did not finish within 30 minutes"
}

deployment
if [ "$what_if" = 1 ]; then exit 0; fi

if [ -z "$ZAVA_IMAGE" ]; then
  registry="$(output registryName)"
  tag="$(git -C "$repo" rev-parse HEAD 2>/dev/null || date -u +%Y%m%d%H%M%S)"
  step "first deployment: building ${app}:${tag} in registry ${registry} from this checkout"
  az acr build --registry "$registry" --image "${app}:${tag}" --file "$repo/docker/Dockerfile" "$repo" --output none
  ZAVA_IMAGE="$(output registryLoginServer)/${app}:${tag}"
  export ZAVA_IMAGE
  deployment
fi

# shared_preload_libraries takes effect only after a restart; do it once, when one is pending.
server="$(output postgresHost)"
server="${server%%.*}"
pending="$(az postgres flexible-server parameter show --resource-group "$rg" --server-name "$server" \
  --name shared_preload_libraries --query isConfigPendingRestart --output tsv)"
if [ "$pending" = "true" ]; then
  step "PostgreSQL ${server}: restarting to load pg_stat_statements and pgaudit"
  az postgres flexible-server restart --resource-group "$rg" --name "$server" --output none
fi

run_job "$(output dbInitJobName)"
run_job "$(output migrateJobName)"

fqdn="$(output containerAppFqdn)"
step "done: MCP endpoint https://${fqdn}/mcp (reachable from the virtual network only)"
step "create an API key from inside the network, e.g.:"
step "  az containerapp exec -g ${rg} -n ${app} --command 'java -jar /app/zava-retail-mcp.jar keys create --manager <uuid> --label <text>'"
