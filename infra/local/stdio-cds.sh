#!/usr/bin/env bash
# Prepares the fast start of the stdio server (VS Code starts a new JVM for every session):
#   1. extracts the executable jar into bootstrap/target/app/ (a plain jar plus lib/), because the
#      JVM can only share classes loaded from ordinary jar files, not from nested ones;
#   2. records a class-data sharing archive (AppCDS) of the classes a stdio server loads until it
#      has answered `initialize`, in bootstrap/target/app/zava-retail-mcp.jsa.
# The stdio command of .vscode/mcp.json (make run) uses both; without them it still works, only
# slower. Run again after every build (make build does).
set -euo pipefail

jar="bootstrap/target/zava-retail-mcp.jar"
app="bootstrap/target/app"
archive="$app/zava-retail-mcp.jsa"
[[ -f "$jar" ]] || { echo "[stdio-cds] $jar is missing: build first (make build)" >&2; exit 1; }

rm -rf "$app"
java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
echo "[stdio-cds] extracted $jar into $app" >&2

# A training run: one initialize, then end of input. Every JVM message goes to stderr, so the
# protocol stream stays clean even when the archive cannot be written.
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"stdio-cds","version":"1"}}}'
if printf '%s\n' "$init" | timeout 120 java -XX:ArchiveClassesAtExit="$archive" -Xlog:disable -Xlog:all=warning:stderr \
    -jar "$app/zava-retail-mcp.jar" serve --transport stdio --manager-id 00000000-0000-0000-0000-000000000000 \
    2>/dev/null | grep -q '"id":1'; then
  echo "[stdio-cds] recorded $archive ($(du -h "$archive" | cut -f1))" >&2
else
  echo "[stdio-cds] the training run did not answer initialize; stdio starts without the archive" >&2
  rm -f "$archive"
fi
