# Zava Retail MCP server. `make run` and `make test` do all set-up themselves on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

MVNW := ./mvnw -B --no-transfer-progress
JAR := bootstrap/target/zava-retail-mcp.jar

# JVM options of the HTTP server (make run, make bench). Without them a JVM on a large machine
# sizes its heap from all of the machine's memory. About 41 MB of the heap is live under load, so
# 96 MB leaves room. The serial collector is the lean choice on two cores; with its default free
# ratios (40-70 %) the heap grows to its cap under load and stays resident, so it keeps 10-30 % free
# instead: about 75 MB committed under load, with no full collection in 40 s of 32 clients (jstat).
# The embedding model lives outside the heap. TrimNativeHeapInterval has the JVM hand memory that
# C code freed (the JIT's arenas, ONNX Runtime's inference buffers) back to the system every 5 s;
# glibc keeps it otherwise: about 40 MB under load. JDK 17 builds before 17.0.9 refuse that flag.
# Containers size the heap from their limit instead (docker/Dockerfile).
SERVER_JAVA_OPTS ?= -Xms32m -Xmx96m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
	-XX:TrimNativeHeapInterval=5000

# glibc gives busy threads malloc arenas of their own (up to 8 per core) that keep their memory;
# ONNX Runtime allocates on whichever request thread runs a search. Two arenas saved about 25 MB
# of resident memory under load. Exported, so the servers of make run and make bench inherit it.
export MALLOC_ARENA_MAX ?= 2

# Where tests get PostgreSQL+pgvector and Redis: Testcontainers when a Docker engine answers,
# otherwise the local services that infra/local/provision.sh prepares. Set ZAVA_TEST_SERVICES
# yourself to force one.
ZAVA_TEST_SERVICES ?= $(shell docker info >/dev/null 2>&1 && echo testcontainers || echo local)
export ZAVA_TEST_SERVICES

.PHONY: help
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: provision
provision: ## make PostgreSQL 15 + pgvector and Redis available locally, create roles and databases
	@bash infra/local/provision.sh

.PHONY: build
build: ## compile and package the executable jar (no tests), and prepare the fast stdio start
	$(MVNW) package -DskipTests
	@bash infra/local/stdio-cds.sh

.PHONY: run
run: provision build ## migrate, seed and create development keys on first run, start on http://127.0.0.1:8000
	java -jar $(JAR) db seed --if-empty
	java -jar $(JAR) keys dev-setup --write .vscode/mcp.json
	java $(SERVER_JAVA_OPTS) -jar $(JAR) serve

.PHONY: seed
seed: provision build ## replace the database's data with a fresh full sample data set
	java -jar $(JAR) db seed --replace

.PHONY: test
test: ## provision services if needed, run every unit and integration test, then check the deployment files
	@echo "[make test] test services: $(ZAVA_TEST_SERVICES)"
	@if [ "$(ZAVA_TEST_SERVICES)" = local ]; then bash infra/local/provision.sh; fi
	$(MVNW) verify
	@bash tools/deploy-check/check.sh

.PHONY: bench
# Options of the harness (java ... BenchmarkMain --help lists them all); e.g. a quick smoke run:
# make bench BENCH_ARGS="--duration 2s --warmup 1s"
BENCH_ARGS ?= --duration 20s --warmup 5s
bench: ## measure the server (about 15-20 min, not part of make test) and write docs/benchmarks.md
	@bash infra/local/provision.sh
	$(MVNW) -q package -DskipTests
	@bash infra/local/stdio-cds.sh
	java -jar $(JAR) db seed --if-empty
	java -cp "$$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
		com.zava.retail.benchmarks.BenchmarkMain --jar $(JAR) --output docs/benchmarks.md \
		--server-java-options "$(SERVER_JAVA_OPTS)" $(BENCH_ARGS)

.PHONY: deploy-check
deploy-check: ## lint and cross-check the Dockerfile, compose, Kubernetes, Azure and pipeline files offline
	@bash tools/deploy-check/check.sh

.PHONY: clean
clean: ## remove build output
	$(MVNW) -q clean
