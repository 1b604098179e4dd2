#!/usr/bin/env bash
# Integration check of a deployed Zava Retail MCP server, as a client sees it:
#   /ready answers 200; /mcp without a credential answers 401; with the key, initialize names
#   the server, tools/list has the four tools, and get_current_utc_date returns a result.
#
#   ZAVA_SMOKE_API_KEY=zava_... infra/azure/smoke-check.sh https://<host>
#
# Works with the stateless transport the deployments use and with stateful sessions (it sends
# the session id back when the server hands one out). Needs curl only.
set -euo pipefail

base="${1:?usage: $0 <base url, e.g. https://zava-retail-mcp---green.<domain>>}"
base="${base%/}"
key="${ZAVA_SMOKE_API_KEY:?set ZAVA_SMOKE_API_KEY to an API key of a store manager in this environment}"
attempts="${ZAVA_SMOKE_READY_ATTEMPTS:-30}"

step() { printf '[smoke] %s\n' "$*" >&2; }
die() { printf '[smoke] FAILED: %s\n' "$*" >&2; exit 1; }

headers="$(mktemp)"
response="$(mktemp)"
trap 'rm -f "$headers" "$response"' EXIT
session=""
protocol=""

# POSTs one JSON-RPC message to /mcp and prints the body (JSON, or an event stream whose data
# lines carry the JSON). Fails on any status but 200/202.
mcp() {
  local body="$1" status
  local -a extra=()
  if [ -n "$session" ]; then extra+=(-H "Mcp-Session-Id: ${session}"); fi
  if [ -n "$protocol" ]; then extra+=(-H "MCP-Protocol-Version: ${protocol}"); fi
  status="$(curl -sS --max-time 30 -o "$response" -D "$headers" -w '%{http_code}' \
    -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' "${extra[@]}" \
    --data "$body" "${base}/mcp")" || die "POST /mcp: curl failed"
  case "$status" in 200 | 202) ;; *) die "POST /mcp answered ${status} to ${body:0:60}...: $(head -c 300 "$response")" ;; esac
  cat "$response"
}

step "GET ${base}/ready"
for i in $(seq 1 "$attempts"); do
  code="$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' "${base}/ready" || true)"
  [ "$code" = 200 ] && break
  [ "$i" = "$attempts" ] && die "/ready answered ${code} after ${attempts} attempts"
  sleep 5
done

step "POST /mcp without a credential must be refused"
code="$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -H 'Accept: application/json, text/event-stream' --data '{"jsonrpc":"2.0","id":0,"method":"tools/list"}' "${base}/mcp")"
[ "$code" = 401 ] || die "an unauthenticated request got ${code}, expected 401"

step "initialize"
out="$(mcp '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"zava-smoke-check","version":"1"}}}')"
grep -q '"serverInfo"' <<<"$out" || die "initialize returned no serverInfo: ${out:0:300}"
# Later requests carry the negotiated version, and the session id when the server keeps sessions.
protocol="$(grep -o '"protocolVersion" *: *"[^"]*"' <<<"$out" | head -n1 | sed 's/.*"\([^"]*\)"$/\1/')"
session="$(tr -d '\r' <"$headers" | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: *//p' | head -n1)"
if [ -n "$session" ]; then
  mcp '{"jsonrpc":"2.0","method":"notifications/initialized"}' >/dev/null
fi

step "tools/list"
out="$(mcp '{"jsonrpc":"2.0","id":2,"method":"tools/list"}')"
for tool in get_multiple_table_schemas execute_sales_query semantic_search_products get_current_utc_date; do
  grep -q "\"${tool}\"" <<<"$out" || die "tools/list lacks ${tool}: ${out:0:300}"
done

step "tools/call get_current_utc_date"
out="$(mcp '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_current_utc_date","arguments":{}}}')"
grep -q '"result"' <<<"$out" || die "tools/call returned no result: ${out:0:300}"
if grep -q '"isError" *: *true' <<<"$out"; then die "get_current_utc_date reported an error: ${out:0:300}"; fi

step "passed: ${base}"
