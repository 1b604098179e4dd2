#!/usr/bin/env bash
# Blue-green releases of the Zava Retail MCP server on Azure Container Apps (the app runs in
# multiple-revision mode). Used by .github/workflows/release.yml and azure-pipelines.yml alike.
#
#   release.sh stage    <environment> <image>  migrate with <image>, start a revision of it with
#                                              no traffic and label it "green"
#   release.sh check    <environment> [label]  smoke-check the revision behind the label (green),
#                                              or what clients get (label "live")
#   release.sh promote  <environment>          move all traffic to green; the revision that had
#                                              it is labelled "blue" and kept running for rollback
#   release.sh rollback <environment>          move all traffic back to blue (if green has it)
#   release.sh deploy   <environment> <image>  stage, check and promote in one go (staging)
#
# Environment: ZAVA_RESOURCE_GROUP (default zava-<environment>-rg); for check, ZAVA_SMOKE_API_KEY.
# Migrations run before the new revision exists and while the old one serves, so they must be
# backward compatible (add first, remove in a later release).
set -euo pipefail

step() { printf '[release] %s\n' "$*" >&2; }
die() { printf '[release] ERROR: %s\n' "$*" >&2; exit 1; }

usage() { die "usage: $0 stage|check|promote|rollback|deploy <staging|production> [image|label]"; }
[ $# -ge 2 ] || usage
command="$1"
env_name="$2"
case "$env_name" in staging | production) ;; *) usage ;; esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app=zava-retail-mcp
rg="${ZAVA_RESOURCE_GROUP:-zava-${env_name}-rg}"

revision_with_label() {
  az containerapp ingress traffic show --resource-group "$rg" --name "$app" \
    --query "[?label=='$1'].revisionName | [0]" --output tsv
}

# The revision that serves now. A "latest revision" traffic entry is resolved to its name and
# pinned, so that creating a revision does not hand it the traffic.
serving_revision() {
  local latest named
  named="$(az containerapp ingress traffic show --resource-group "$rg" --name "$app" \
    --query "[?weight==\`100\` && revisionName != null].revisionName | [0]" --output tsv)"
  if [ -n "$named" ]; then printf '%s\n' "$named"; return; fi
  latest="$(az containerapp show --resource-group "$rg" --name "$app" \
    --query properties.latestReadyRevisionName --output tsv)"
  [ -n "$latest" ] || die "no revision serves ${app} in ${rg}; run deploy.sh first"
  az containerapp ingress traffic set --resource-group "$rg" --name "$app" \
    --revision-weight "${latest}=100" --output none
  printf '%s\n' "$latest"
}

wait_healthy() {
  local revision="$1" state
  for _ in $(seq 1 60); do
    state="$(az containerapp revision show --resource-group "$rg" --name "$app" --revision "$revision" \
      --query "join('/', [properties.provisioningState, properties.healthState])" --output tsv)"
    case "$state" in
      Provisioned/Healthy) step "revision ${revision} is healthy"; return 0 ;;
      Failed/* | */Unhealthy) die "revision ${revision} did not become healthy (${state})" ;;
    esac
    sleep 10
  done
  die "revision ${revision} not healthy after 10 minutes"
}

run_job() {
  local job="$1" execution status
  execution="$(az containerapp job start --resource-group "$rg" --name "$job" --query name --output tsv)"
  for _ in $(seq 1 180); do
    status="$(az containerapp job execution show --resource-group "$rg" --name "$job" \
      --job-execution-name "$execution" --query properties.status --output tsv)"
    case "$status" in
      Succeeded) step "job ${job} succeeded"; return 0 ;;
      Failed | Stopped | Degraded) die "job ${job} (execution ${execution}) ended ${status}" ;;
    esac
    sleep 10
  done
  die "job ${job} did not finish within 30 minutes"
}

stage() {
  local image="$1" serving suffix revision
  serving="$(serving_revision)"
  step "serving: ${serving}; staging ${image}"
  step "migrations with the new image"
  az containerapp job update --resource-group "$rg" --name "${app}-migrate" --image "$image" --output none
  run_job "${app}-migrate"
  # Revision names must be lowercase alphanumerics and dashes: the tag (commit sha) shortened.
  suffix="$(printf '%s' "${image##*:}" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9-' '-' | cut -c1-12)"
  revision="${app}--${suffix}"
  az containerapp revision label remove --resource-group "$rg" --name "$app" --label green --output none 2>/dev/null || true
  az containerapp update --resource-group "$rg" --name "$app" --image "$image" --revision-suffix "$suffix" --output none
  wait_healthy "$revision"
  az containerapp revision label add --resource-group "$rg" --name "$app" --label green --revision "$revision" --yes --output none
  step "revision ${revision} is labelled green and has no traffic"
}

check() {
  local label="${1:-green}" fqdn
  fqdn="$(az containerapp show --resource-group "$rg" --name "$app" --query properties.configuration.ingress.fqdn --output tsv)"
  if [ "$label" = live ]; then
    bash "$here/smoke-check.sh" "https://${fqdn}"
  else
    # A label's address: <app>---<label>.<environment's default domain>.
    bash "$here/smoke-check.sh" "https://${app}---${label}.${fqdn#"${app}".}"
  fi
}

promote() {
  local green serving old_blue
  green="$(revision_with_label green)"
  [ -n "$green" ] || die "no revision is labelled green: run stage first"
  serving="$(serving_revision)"
  if [ "$green" = "$serving" ]; then step "${green} already serves"; return; fi
  az containerapp ingress traffic set --resource-group "$rg" --name "$app" \
    --revision-weight "${green}=100" "${serving}=0" --output none
  step "traffic: 100 % on ${green}"
  old_blue="$(revision_with_label blue)"
  az containerapp revision label remove --resource-group "$rg" --name "$app" --label blue --output none 2>/dev/null || true
  az containerapp revision label add --resource-group "$rg" --name "$app" --label blue --revision "$serving" --yes --output none
  step "${serving} is labelled blue and keeps running for a rollback"
  # Anything older than the rollback target only costs money: deactivate it (it stays listed).
  if [ -n "$old_blue" ] && [ "$old_blue" != "$serving" ] && [ "$old_blue" != "$green" ]; then
    az containerapp revision deactivate --resource-group "$rg" --name "$app" --revision "$old_blue" --output none
    step "deactivated ${old_blue}"
  fi
}

rollback() {
  local blue green green_weight
  blue="$(revision_with_label blue)"
  green="$(revision_with_label green)"
  # Only undo a switch that happened: if green never got traffic (its stage or check failed),
  # the serving revision is still the right one, and blue is an older release.
  green_weight="$(az containerapp ingress traffic show --resource-group "$rg" --name "$app" \
    --query "sum([?revisionName=='${green}'].weight)" --output tsv)"
  if [ -z "$green" ] || [ "${green_weight:-0}" = 0 ]; then
    step "green has no traffic: nothing to roll back"
    return 0
  fi
  [ -n "$blue" ] || die "no revision is labelled blue: nothing to roll back to"
  az containerapp revision activate --resource-group "$rg" --name "$app" --revision "$blue" --output none
  wait_healthy "$blue"
  az containerapp ingress traffic set --resource-group "$rg" --name "$app" \
    --revision-weight "${blue}=100" ${green:+"${green}=0"} --output none
  step "traffic: 100 % back on ${blue}"
}

az extension add --name containerapp --upgrade --only-show-errors >/dev/null
case "$command" in
  stage) [ $# -eq 3 ] || usage; stage "$3" ;;
  check) check "${3:-green}" ;;
  promote) promote ;;
  rollback) rollback ;;
  deploy) [ $# -eq 3 ] || usage; stage "$3"; check green; promote ;;
  *) usage ;;
esac
