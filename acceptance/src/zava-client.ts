// The Zava Retail MCP server seen through the MCP TypeScript SDK, the most common client library:
// connect (Streamable HTTP with an API key, or stdio by starting the server), list the tools, call
// each of the four once and check what comes back. Exits 0 when everything holds, 1 with a message
// saying what did not, 2 on wrong usage.
//
//   ZAVA_API_KEY=zava_... node src/zava-client.ts http http://127.0.0.1:8000/mcp
//   node src/zava-client.ts stdio -- java -jar ../bootstrap/target/zava-retail-mcp.jar serve \
//       --transport stdio --manager-id f47ac10b-58cc-4372-a567-0e02b2c3d479
//   --expect-stores <n>: also check how many stores the caller's orders span (1 for a store
//   manager, 8 for head office), i.e. that row-level security applies to this client too.
//
// Runs on Node.js 22 without a build step (type stripping), so only erasable TypeScript is used;
// `npm run typecheck` checks the types against the SDK.

import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";

const TOOLS = ["get_multiple_table_schemas", "execute_sales_query", "semantic_search_products", "get_current_utc_date"];
// Over stdio the first tool call waits until the application behind the transport has started
// (database, migrations, embedding model): generous, as a busy build machine needs it.
const REQUEST_TIMEOUT_MS = 120_000;
const STDERR_LINES_KEPT = 60;

class CheckFailed extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new CheckFailed(message);
  }
}

type Rows = { c: string[]; r: unknown[][]; n: number; msg?: string; truncated?: boolean };

function usage(message: string): never {
  console.error(`${message}
usage: node src/zava-client.ts [--expect-stores <n>] http <url>       (API key in ZAVA_API_KEY)
       node src/zava-client.ts [--expect-stores <n>] stdio -- <command> [args...]`);
  process.exit(2);
}

function httpTransport(url: string): Transport {
  const key = process.env.ZAVA_API_KEY;
  if (!key) {
    usage("ZAVA_API_KEY is not set: the HTTP endpoint needs an API key (Authorization: Bearer).");
  }
  // The key travels in an environment variable, never on the command line where `ps` shows it.
  return new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  });
}

/** The server's stderr (its logs) is kept and shown only when something fails. */
const serverStderr: string[] = [];

function stdioTransport(command: string[]): Transport {
  if (command.length === 0) {
    usage("stdio needs the command that starts the server after '--'.");
  }
  // The SDK passes only a few safe variables to the child; ZAVA_ and SPRING_ settings configure
  // the server, so they pass too (the API key is for HTTP and stays here).
  const env: Record<string, string> = getDefaultEnvironment();
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && /^(ZAVA|SPRING|JAVA)_/.test(name) && name !== "ZAVA_API_KEY") {
      env[name] = value;
    }
  }
  const transport = new StdioClientTransport({ command: command[0], args: command.slice(1), env, stderr: "pipe" });
  let partial = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    serverStderr.push(...lines);
    serverStderr.splice(0, Math.max(0, serverStderr.length - STDERR_LINES_KEPT));
  });
  return transport;
}

function log(transport: string, message: string): void {
  console.log(`[${transport}] ${message}`);
}

/** Calls a tool and returns its structured content after the checks every tool result must pass. */
async function call<T>(client: Client, transport: string, tool: string, args: Record<string, unknown>): Promise<T> {
  const started = Date.now();
  // The SDK validates structuredContent against the outputSchema the tool declared in tools/list.
  const result = (await client.callTool({ name: tool, arguments: args }, undefined, {
    timeout: REQUEST_TIMEOUT_MS,
  })) as CallToolResult;
  const text = result.content.find((item) => item.type === "text");
  check(!result.isError, `${tool} returned an error result: ${text?.type === "text" ? text.text : "(no text)"}`);
  check(text?.type === "text", `${tool}: no text content in ${JSON.stringify(result)}`);
  check(result.structuredContent !== undefined, `${tool}: no structuredContent`);
  log(transport, `${tool}(${JSON.stringify(args)}) answered in ${Date.now() - started} ms`);
  return result.structuredContent as T;
}

function checkToolList(tools: Tool[]): void {
  const names = tools.map((tool) => tool.name).sort();
  check(JSON.stringify(names) === JSON.stringify([...TOOLS].sort()),
    `tools/list should name exactly ${TOOLS.join(", ")}; it named ${names.join(", ")}`);
  for (const tool of tools) {
    check(tool.description && tool.description.trim().length > 0, `${tool.name} has no description`);
    check(tool.inputSchema.type === "object", `${tool.name}: inputSchema is not an object schema`);
    check(tool.outputSchema?.type === "object", `${tool.name}: no object outputSchema`);
    check(tool.annotations?.readOnlyHint === true, `${tool.name} is not annotated readOnlyHint: true`);
    check(tool.annotations?.openWorldHint === false, `${tool.name} is not annotated openWorldHint: false`);
  }
}

function checkRows(tool: string, rows: Rows): void {
  check(Array.isArray(rows.c) && Array.isArray(rows.r) && typeof rows.n === "number",
    `${tool}: expected {"c":[...],"r":[[...]],"n":...}, got ${JSON.stringify(rows)}`);
  check(rows.r.length === rows.n, `${tool}: n=${rows.n} but ${rows.r.length} rows`);
  check(rows.r.every((row) => Array.isArray(row) && row.length === rows.c.length),
    `${tool}: every row needs one value per column ${JSON.stringify(rows.c)}`);
}

async function exercise(client: Client, transport: string, expectStores: number | undefined): Promise<void> {
  const server = client.getServerVersion();
  check(server?.name === "zava-retail-mcp", `unexpected server ${JSON.stringify(server)}`);
  check(client.getServerCapabilities()?.tools !== undefined, "the server does not declare the tools capability");
  log(transport, `initialized: ${server.name} ${server.version}`);

  const tools = (await client.listTools()).tools;
  checkToolList(tools);
  log(transport, `tools/list: ${tools.map((tool) => tool.name).join(", ")}`);

  const date = await call<{ utc: string }>(client, transport, "get_current_utc_date", {});
  check(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(date.utc), `not an ISO-8601 UTC instant: ${date.utc}`);
  check(Math.abs(Date.parse(date.utc) - Date.now()) < 60 * 60 * 1000, `${date.utc} is far from this clock's now`);

  const schemas = await call<{ tables: { table: string; columns: { name: string; type: string }[] }[] }>(
    client, transport, "get_multiple_table_schemas", { table_names: ["retail.orders"] });
  check(schemas.tables?.length === 1 && schemas.tables[0].table === "retail.orders",
    `expected the description of retail.orders, got ${JSON.stringify(schemas).slice(0, 300)}`);
  check(schemas.tables[0].columns.some((column) => column.name === "order_date"),
    "retail.orders is described without its order_date column");

  const counts = await call<Rows>(client, transport, "execute_sales_query", {
    postgresql_query: "SELECT count(*) AS orders, count(DISTINCT store_id) AS stores FROM retail.orders",
  });
  checkRows("execute_sales_query", counts);
  check(JSON.stringify(counts.c) === '["orders","stores"]' && counts.n === 1,
    `expected one row of (orders, stores), got ${JSON.stringify(counts)}`);
  const [orders, stores] = counts.r[0] as number[];
  check(orders > 0, `the caller sees no orders: ${JSON.stringify(counts)}`);
  check(expectStores === undefined || stores === expectStores,
    `the caller's orders span ${stores} store(s), expected ${expectStores}`);
  log(transport, `the caller sees ${orders} orders in ${stores} store(s)`);

  const search = await call<Rows>(client, transport, "semantic_search_products", {
    query_description: "15 amp circuit breaker",
    max_rows: 3,
  });
  checkRows("semantic_search_products", search);
  const sp = search.c.indexOf("sp");
  check(sp >= 0, `semantic_search_products: no similarity column "sp" in ${JSON.stringify(search.c)}`);
  check(search.n >= 1 && search.n <= 3, `semantic_search_products: expected 1 to 3 products, got ${search.n}`);
  const similarities = search.r.map((row) => row[sp] as number);
  check(similarities.every((value, i) => value >= 30 && value <= 100 && (i === 0 || value <= similarities[i - 1])),
    `similarities should be within 30..100 and best first: ${JSON.stringify(similarities)}`);
  log(transport, `semantic search found ${search.n} product(s), best similarity ${similarities[0]}%`);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ options: { "expect-stores": { type: "string" } }, allowPositionals: true, strict: true });
  } catch (e) {
    usage((e as Error).message);
  }
  const [mode, ...rest] = parsed.positionals;
  const expectStoresText = parsed.values["expect-stores"];
  const expectStores = expectStoresText === undefined ? undefined : Number(expectStoresText);
  if (expectStores !== undefined && !Number.isInteger(expectStores)) {
    usage(`--expect-stores needs a whole number, not ${expectStoresText}`);
  }
  let transport: Transport;
  if (mode === "http" && rest.length === 1) {
    transport = httpTransport(rest[0]);
  } else if (mode === "stdio") {
    transport = stdioTransport(rest);
  } else {
    usage(mode === undefined ? "Say which transport to use." : `Unknown or incomplete arguments: ${parsed.positionals.join(" ")}`);
  }

  const client = new Client({ name: "zava-typescript-acceptance", version: "1.0.0" });
  const started = Date.now();
  try {
    await client.connect(transport, { timeout: REQUEST_TIMEOUT_MS });
    await exercise(client, mode, expectStores);
    log(mode, `OK: the TypeScript SDK client used all four tools in ${Date.now() - started} ms`);
  } catch (e) {
    const reason = e instanceof CheckFailed ? e.message : `${(e as Error).name}: ${(e as Error).message}`;
    console.error(`[${mode}] FAILED: ${reason}`);
    if (serverStderr.length > 0) {
      console.error(`[${mode}] last lines the server wrote to stderr:\n${serverStderr.join("\n")}`);
    }
    process.exitCode = 1;
  } finally {
    // A well-behaved client ends its HTTP session (DELETE), so the server closes the session's SSE
    // stream at once instead of when it sweeps idle sessions.
    if (transport instanceof StreamableHTTPClientTransport) {
      await transport.terminateSession().catch(() => undefined);
    }
    // Closing stdin lets the stdio server answer what it has and exit.
    await client.close().catch(() => undefined);
  }
}

await main();
