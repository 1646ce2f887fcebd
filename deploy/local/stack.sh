#!/usr/bin/env bash
# Local stack without Docker: PostgreSQL + single-node KRaft Kafka + Keycloak (realm "pipeline") + S3Proxy (the
# object store of 入库资料, filesystem backend) + the three services as packaged Quarkus apps. Everything lives under $PIPELINE_HOME (default <repo>/.local):
#   dist/  downloaded distributions (kept across reset)     data/  PostgreSQL, Kafka log dir, Keycloak H2, service cwd
#   logs/  one file per component                           run/   pid files, remembered ports, generated configs
# Usage: deploy/local/stack.sh help      Documentation: docs/local-stack.md
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
readonly SCRIPT_DIR REPO_ROOT

readonly KEYCLOAK_VERSION=26.7.3
readonly PG_EMBEDDED_VERSION=18.6.0
readonly SERVICES=(project-service approval-service reporting-service)
readonly INFRA=(postgres kafka keycloak objectstore)
readonly SINGLE_COMPONENTS=(postgres kafka keycloak objectstore project-service approval-service reporting-service)
# Cluster mode (up --cluster): three Kafka brokers, two instances of each service, HAProxy on the services' ports.
readonly KAFKA_NODES=(kafka-1 kafka-2 kafka-3)
readonly CLUSTER_COMPONENTS=(postgres "${KAFKA_NODES[@]}" keycloak objectstore
  project-service-1 project-service-2 approval-service-1 approval-service-2 reporting-service-1 reporting-service-2
  balancer)
COMPONENTS=("${SINGLE_COMPONENTS[@]}")
CLUSTER=0

# ---------------------------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------------------------
# Absolute, without symbolic links in the part that exists (pid files and command lines are compared as strings).
resolve_path() {
  local p="$1" rest=""
  case "$p" in /*) ;; *) p="$PWD/$p" ;; esac
  while [ ! -d "$p" ]; do rest="/$(basename "$p")$rest"; p="$(dirname "$p")"; done
  p="$(cd "$p" && pwd -P)"
  [ "$p" = / ] && p=""
  printf '%s%s' "$p" "$rest"
}
home="$(resolve_path "${PIPELINE_HOME:-$REPO_ROOT/.local}")"
case "$home" in
  *[[:space:]]*) echo "stack: PIPELINE_HOME must not contain white space: '$home'" >&2; exit 2 ;;
  /) echo "stack: PIPELINE_HOME must not be /" >&2; exit 2 ;;
esac
PIPELINE_HOME="$home"
readonly PIPELINE_HOME
readonly DIST="$PIPELINE_HOME/dist" DATA="$PIPELINE_HOME/data" LOGS="$PIPELINE_HOME/logs" RUN="$PIPELINE_HOME/run"
readonly KC_HOME="$DIST/keycloak-$KEYCLOAK_VERSION"
readonly KAFKA_LIBS="$DIST/kafka-libs"
readonly OBJECTSTORE_LIBS="$DIST/objectstore-libs"
readonly PGDATA_DIR="$DATA/postgres"
readonly PORTS_FILE="$RUN/ports.env"
readonly MODE_FILE="$RUN/mode"
readonly MARK_HOME="-Dlocalstack.home=$PIPELINE_HOME"
readonly BALANCER_CFG="$RUN/haproxy.cfg"

STOP_TIMEOUT="${PIPELINE_STOP_TIMEOUT:-30}"
HEALTH_TIMEOUT="${PIPELINE_HEALTH_TIMEOUT:-90}"
KEYCLOAK_TIMEOUT="${PIPELINE_KEYCLOAK_TIMEOUT:-180}"
KAFKA_TIMEOUT="${PIPELINE_KAFKA_TIMEOUT:-60}"
SERVICE_HEAP="${PIPELINE_SERVICE_HEAP:--Xmx256m}"
# G1, whose concurrent cycle also runs when a service is idle (every 15 s without a collection) and gives the heap
# back down to 30 % free: an idle service returns what a load made it take. Not the serial collector: on the 256 MB
# heap, a rebuild's batches in flight (about 100 MB live) made it collect in full hundreds of times (docs/scaling.md).
SERVICE_JVM="${PIPELINE_SERVICE_JVM:--XX:+UseG1GC -XX:G1PeriodicGCInterval=15000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}"
KAFKA_HEAP="${PIPELINE_KAFKA_HEAP:--Xmx512m}"
CLUSTER_KAFKA_HEAP="${PIPELINE_KAFKA_HEAP:--Xmx320m}"   # each of the cluster's three brokers
KEYCLOAK_HEAP="${PIPELINE_KEYCLOAK_HEAP:--Xmx512m}"
if [ -n "${PIPELINE_JAVA:-}" ]; then JAVA="$PIPELINE_JAVA"
elif [ -n "${JAVA_HOME:-}" ] && [ -x "${JAVA_HOME}/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"
else JAVA=java; fi

say()  { printf '[stack] %s\n' "$*"; }
warn() { printf '[stack] WARNING: %s\n' "$*" >&2; }
die()  { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

is_number() { case "${1:-}" in ''|*[!0-9]*) return 1 ;; *) return 0 ;; esac; }

# Ports: an explicit PIPELINE_*_PORT wins, else the value remembered in run/ports.env, else the default.
remembered() { [ -f "$PORTS_FILE" ] && sed -n "s/^$1=//p" "$PORTS_FILE" | tail -n 1 || true; }
pick_port() { # name env-value default
  local v="$2"
  [ -n "$v" ] || v="$(remembered "$1")"
  [ -n "$v" ] || v="$3"
  is_number "$v" || die "port $1 is not a number: '$v'"
  printf '%s' "$v"
}
KAFKA_PORT="$(pick_port KAFKA_PORT "${PIPELINE_KAFKA_PORT:-}" 9092)"
KAFKA_CONTROLLER_PORT="$(pick_port KAFKA_CONTROLLER_PORT "${PIPELINE_KAFKA_CONTROLLER_PORT:-}" 9093)"
KEYCLOAK_PORT="$(pick_port KEYCLOAK_PORT "${PIPELINE_KEYCLOAK_PORT:-}" 8180)"
# Keycloak opens its management interface only when health or metrics are enabled (they are not here); the port is
# still set explicitly so that nothing falls back to the fixed default 9000 if someone enables them.
kc_mgmt_default=$((KEYCLOAK_PORT + 820)); [ "$kc_mgmt_default" -le 65535 ] || kc_mgmt_default=$((KEYCLOAK_PORT - 820))
KEYCLOAK_MGMT_PORT="$(pick_port KEYCLOAK_MGMT_PORT "${PIPELINE_KEYCLOAK_MANAGEMENT_PORT:-}" "$kc_mgmt_default")"
OBJECTSTORE_PORT="$(pick_port OBJECTSTORE_PORT "${PIPELINE_OBJECTSTORE_PORT:-}" 9400)"
PROJECT_PORT="$(pick_port PROJECT_PORT "${PIPELINE_PROJECT_PORT:-}" 8081)"
APPROVAL_PORT="$(pick_port APPROVAL_PORT "${PIPELINE_APPROVAL_PORT:-}" 8082)"
REPORTING_PORT="$(pick_port REPORTING_PORT "${PIPELINE_REPORTING_PORT:-}" 8083)"
PG_PORT="${PIPELINE_PG_PORT:-$(remembered PG_PORT)}"   # may stay empty until PostgreSQL first starts
[ -z "$PG_PORT" ] || is_number "$PG_PORT" || die "PIPELINE_PG_PORT is not a number: '$PG_PORT'"
# Cluster mode only: brokers 2 and 3 next to broker 1 (kafka-1 uses PIPELINE_KAFKA_PORT and its controller port),
# and two instances behind each service's port (the balancer listens on PIPELINE_PROJECT_PORT etc.).
shifted() { local p=$(($1 + $2)); [ "$p" -le 65535 ] || p=$(($1 - $2)); printf '%s' "$p"; }
KAFKA_2_PORT="$(pick_port KAFKA_2_PORT "${PIPELINE_KAFKA_2_PORT:-}" "$(shifted "$KAFKA_PORT" 2)")"
KAFKA_2_CONTROLLER_PORT="$(pick_port KAFKA_2_CONTROLLER_PORT "${PIPELINE_KAFKA_2_CONTROLLER_PORT:-}" "$(shifted "$KAFKA_PORT" 3)")"
KAFKA_3_PORT="$(pick_port KAFKA_3_PORT "${PIPELINE_KAFKA_3_PORT:-}" "$(shifted "$KAFKA_PORT" 4)")"
KAFKA_3_CONTROLLER_PORT="$(pick_port KAFKA_3_CONTROLLER_PORT "${PIPELINE_KAFKA_3_CONTROLLER_PORT:-}" "$(shifted "$KAFKA_PORT" 5)")"
PROJECT_1_PORT="$(pick_port PROJECT_1_PORT "${PIPELINE_PROJECT_1_PORT:-}" "$(shifted "$PROJECT_PORT" 10000)")"
PROJECT_2_PORT="$(pick_port PROJECT_2_PORT "${PIPELINE_PROJECT_2_PORT:-}" "$(shifted "$PROJECT_PORT" 10100)")"
APPROVAL_1_PORT="$(pick_port APPROVAL_1_PORT "${PIPELINE_APPROVAL_1_PORT:-}" "$(shifted "$APPROVAL_PORT" 10000)")"
APPROVAL_2_PORT="$(pick_port APPROVAL_2_PORT "${PIPELINE_APPROVAL_2_PORT:-}" "$(shifted "$APPROVAL_PORT" 10100)")"
REPORTING_1_PORT="$(pick_port REPORTING_1_PORT "${PIPELINE_REPORTING_1_PORT:-}" "$(shifted "$REPORTING_PORT" 10000)")"
REPORTING_2_PORT="$(pick_port REPORTING_2_PORT "${PIPELINE_REPORTING_2_PORT:-}" "$(shifted "$REPORTING_PORT" 10100)")"

# The mode is remembered in run/mode (written by 'up --cluster', wiped by reset): later commands act on the cluster.
remembered_mode() { [ -f "$MODE_FILE" ] && head -n 1 "$MODE_FILE" 2>/dev/null || true; }
use_cluster_mode() { CLUSTER=1; COMPONENTS=("${CLUSTER_COMPONENTS[@]}"); }
[ "$(remembered_mode)" != cluster ] || use_cluster_mode

save_ports() {
  mkdir -p "$RUN"
  cat > "$PORTS_FILE.tmp" <<EOF
# Ports of the stack in $PIPELINE_HOME, reused by later stack.sh commands (an explicit PIPELINE_*_PORT wins).
PG_PORT=${PG_PORT}
KAFKA_PORT=$KAFKA_PORT
KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT
KEYCLOAK_PORT=$KEYCLOAK_PORT
KEYCLOAK_MGMT_PORT=$KEYCLOAK_MGMT_PORT
OBJECTSTORE_PORT=$OBJECTSTORE_PORT
PROJECT_PORT=$PROJECT_PORT
APPROVAL_PORT=$APPROVAL_PORT
REPORTING_PORT=$REPORTING_PORT
EOF
  if [ "$CLUSTER" -eq 1 ]; then
    cat >> "$PORTS_FILE.tmp" <<EOF
KAFKA_2_PORT=$KAFKA_2_PORT
KAFKA_2_CONTROLLER_PORT=$KAFKA_2_CONTROLLER_PORT
KAFKA_3_PORT=$KAFKA_3_PORT
KAFKA_3_CONTROLLER_PORT=$KAFKA_3_CONTROLLER_PORT
PROJECT_1_PORT=$PROJECT_1_PORT
PROJECT_2_PORT=$PROJECT_2_PORT
APPROVAL_1_PORT=$APPROVAL_1_PORT
APPROVAL_2_PORT=$APPROVAL_2_PORT
REPORTING_1_PORT=$REPORTING_1_PORT
REPORTING_2_PORT=$REPORTING_2_PORT
EOF
  fi
  mv "$PORTS_FILE.tmp" "$PORTS_FILE"
}

port_of() {
  case "$1" in
    postgres) printf '%s' "${PG_PORT:-5432}" ;;
    kafka) printf '%s' "$KAFKA_PORT" ;;
    keycloak) printf '%s' "$KEYCLOAK_PORT" ;;
    objectstore) printf '%s' "$OBJECTSTORE_PORT" ;;
    project-service) printf '%s' "$PROJECT_PORT" ;;
    approval-service) printf '%s' "$APPROVAL_PORT" ;;
    reporting-service) printf '%s' "$REPORTING_PORT" ;;
    kafka-1) printf '%s' "$KAFKA_PORT" ;;
    kafka-2) printf '%s' "$KAFKA_2_PORT" ;;
    kafka-3) printf '%s' "$KAFKA_3_PORT" ;;
    project-service-1) printf '%s' "$PROJECT_1_PORT" ;;
    project-service-2) printf '%s' "$PROJECT_2_PORT" ;;
    approval-service-1) printf '%s' "$APPROVAL_1_PORT" ;;
    approval-service-2) printf '%s' "$APPROVAL_2_PORT" ;;
    reporting-service-1) printf '%s' "$REPORTING_1_PORT" ;;
    reporting-service-2) printf '%s' "$REPORTING_2_PORT" ;;
    balancer) printf '%s,%s,%s' "$PROJECT_PORT" "$APPROVAL_PORT" "$REPORTING_PORT" ;;
  esac
}
controller_port_of() {
  case "$1" in
    kafka-1) printf '%s' "$KAFKA_CONTROLLER_PORT" ;;
    kafka-2) printf '%s' "$KAFKA_2_CONTROLLER_PORT" ;;
    kafka-3) printf '%s' "$KAFKA_3_CONTROLLER_PORT" ;;
  esac
}
db_of() { printf '%s' "${1%-service}"; }

is_component() { local c; for c in "${COMPONENTS[@]}"; do [ "$c" = "${1:-}" ] && return 0; done; return 1; }
is_service()   { local c; for c in "${SERVICES[@]}"; do [ "$c" = "${1:-}" ] && return 0; done; return 1; }
log_of() { printf '%s/%s.log' "$LOGS" "$1"; }
pidfile_of() { printf '%s/%s.pid' "$RUN" "$1"; }

now_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# ---------------------------------------------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------------------------------------------
alive() { # pid: exists and is not a zombie
  local st
  [ -r "/proc/$1/stat" ] || return 1
  st="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" || return 1
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# Is pid the given component of THIS stack? Decided from its command line (pid reuse, other stacks).
is_ours() { # pid component
  local pid="$1" comp="$2" args
  alive "$pid" || return 1
  args="$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null)" || return 1
  case "$comp" in
    postgres) printf '%s\n' "$args" | grep -qxF -- "$PGDATA_DIR" ;;
    balancer) printf '%s\n' "$args" | grep -qxF -- "$BALANCER_CFG" ;;
    keycloak) printf '%s\n' "$args" | grep -qxF -- "$KC_HOME/bin/kc.sh" && return 0
              printf '%s\n' "$args" | grep -qxF -- "$MARK_HOME" &&
                printf '%s\n' "$args" | grep -qxF -- "-Dlocalstack.component=keycloak" ;;
    *) printf '%s\n' "$args" | grep -qxF -- "$MARK_HOME" &&
         printf '%s\n' "$args" | grep -qxF -- "-Dlocalstack.component=$comp" ;;
  esac
}

# Searches the process table (used when a pid file is missing or stale, so that nothing is started twice).
scan_for() { # component -> first matching pid (the session leader when there is one)
  local comp="$1" f pid found="" needle="$MARK_HOME"
  [ -d "$PIPELINE_HOME" ] || return 1
  [ "$comp" = postgres ] && needle="$PGDATA_DIR"
  [ "$comp" = balancer ] && needle="$BALANCER_CFG"
  # One grep over all command lines finds the candidates; is_ours then checks whole arguments.
  for f in $(grep -lsaF -e "$needle" -e "$KC_HOME/bin/kc.sh" /proc/[0-9]*/cmdline 2>/dev/null || true); do
    pid="${f#/proc/}"; pid="${pid%/cmdline}"
    [ "$pid" = "$$" ] && continue
    if is_ours "$pid" "$comp"; then found="$pid"; break; fi
  done
  [ -n "$found" ] || return 1
  if [ "$comp" = keycloak ]; then  # prefer kc.sh, the parent of the java process
    local ppid
    ppid="$(awk '{ print $4 }' "/proc/$found/stat" 2>/dev/null || true)"
    if [ -n "$ppid" ] && is_ours "$ppid" keycloak; then found="$ppid"; fi
  fi
  printf '%s' "$found"
}

# Prints the pid of a running component (and repairs its pid file), or returns 1. Stale pid files are removed.
comp_pid() { # component
  local comp="$1" f pid=""
  f="$(pidfile_of "$comp")"
  if [ -f "$f" ]; then
    pid="$(head -n 1 "$f" 2>/dev/null || true)"
    if is_number "$pid" && is_ours "$pid" "$comp"; then printf '%s' "$pid"; return 0; fi
    rm -f "$f" 2>/dev/null || true   # stale
  fi
  if [ "$comp" = postgres ] && [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    pid="$(head -n 1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true)"
    if is_number "$pid" && is_ours "$pid" postgres; then
      [ -d "$RUN" ] && printf '%s\n' "$pid" > "$f" 2>/dev/null || true
      printf '%s' "$pid"; return 0
    fi
  fi
  pid="$(scan_for "$comp")" || return 1
  [ -d "$RUN" ] && printf '%s\n' "$pid" > "$f" 2>/dev/null || true
  printf '%s' "$pid"
}

tree_pids() { # pid -> pid and all its descendants
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      keep[root] = 1; changed = 1
      while (changed) { changed = 0
        for (i in pids) { p = pids[i]; if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } } }
      for (p in keep) print p
    }'
}

rss_mb() { # pid -> RSS of the process tree in MB
  local total=0 p kb
  for p in $(tree_pids "$1"); do
    kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null || true)"
    is_number "$kb" && total=$((total + kb))
  done
  printf '%s' $(((total + 512) / 1024))
}

pss_mb() { # pid -> proportional set size of the process tree in MB (shared pages split between processes), or -
  local total=0 p kb seen=0
  for p in $(tree_pids "$1"); do
    kb="$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true)"
    if is_number "$kb"; then total=$((total + kb)); seen=1; fi
  done
  if [ "$seen" -eq 1 ]; then printf '%s' $(((total + 512) / 1024)); else printf -- '-'; fi
}

signal_tree() { # signal pid: the process group when pid leads one, and every descendant
  local sig="$1" pid="$2" pgid p
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  local pids
  pids="$(tree_pids "$pid")"
  if [ "$pgid" = "$pid" ] && [ "$pgid" != "$(ps -o pgid= -p $$ | tr -d ' ')" ]; then
    kill "-$sig" -- "-$pgid" 2>/dev/null || true
  fi
  for p in $pids; do kill "-$sig" "$p" 2>/dev/null || true; done
}

tree_alive() { local p; for p in "$@"; do alive "$p" && return 0; done; return 1; }

terminate() { # component pid: SIGTERM, wait, then SIGKILL
  local comp="$1" pid="$2" pids deadline
  pids="$(tree_pids "$pid")"
  signal_tree TERM "$pid"
  deadline=$(($(date +%s) + STOP_TIMEOUT))
  # shellcheck disable=SC2086
  while tree_alive $pids && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.3; done
  # shellcheck disable=SC2086
  if tree_alive $pids; then
    warn "$comp did not stop within ${STOP_TIMEOUT}s: sending SIGKILL"
    signal_tree KILL "$pid"
    for p in $pids; do kill -KILL "$p" 2>/dev/null || true; done
    sleep 0.5
  fi
}

# Starts a command in a new session (it survives this script and terminal hang-ups); its pid goes to the pid file.
spawn() { # component workdir command...
  local comp="$1" dir="$2" log pidf
  shift 2
  log="$(log_of "$comp")"; pidf="$(pidfile_of "$comp")"
  printf '\n===== %s  stack.sh starting %s =====\n' "$(date '+%Y-%m-%d %H:%M:%S')" "$comp" >> "$log"
  rm -f "$pidf"
  (cd "$dir" && exec setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidf" "$@" >> "$log" 2>&1 < /dev/null 9>&-) &
  local i
  for i in $(seq 1 50); do [ -s "$pidf" ] && break; sleep 0.1; done
  [ -s "$pidf" ] || die "$comp: could not start (no pid); see $log"
  head -n 1 "$pidf"
}

# ---------------------------------------------------------------------------------------------------------------
# Ports and HTTP
# ---------------------------------------------------------------------------------------------------------------
port_busy() {
  if command -v ss > /dev/null 2>&1; then
    ss -Htln "( sport = :$1 )" 2>/dev/null | grep -q .
  else  # without iproute2: is anything answering on the loopback address?
    (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
  fi
}
port_owner() {
  command -v ss > /dev/null 2>&1 || return 0
  ss -Htlnp "( sport = :$1 )" 2>/dev/null | sed -n 's/.*users:((\("[^"]*",pid=[0-9]*\).*/\1/p' | head -n 1
}
require_free() { # port what env-var
  if port_busy "$1"; then
    local owner; owner="$(port_owner "$1")"
    die "port $1 ($2) is already in use${owner:+ by $owner}. Stop that process or choose another port with $3=<port>."
  fi
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }
health_up() { local body; body="$(curl -fsS --max-time 3 "$1" 2>/dev/null)" && [[ "$body" == *'"UP"'* ]]; }

show_log_tail() { # component [lines]
  local log; log="$(log_of "$1")"
  if [ -f "$log" ]; then
    printf -- '----- last %s lines of %s -----\n' "${2:-40}" "$log" >&2
    tail -n "${2:-40}" "$log" >&2
    printf -- '-----\n' >&2
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Downloads (only through Maven) and builds
# ---------------------------------------------------------------------------------------------------------------
mvnw() { (cd "$REPO_ROOT" && ./mvnw -q -B "$@") 9>&-; }

ensure_kafka_libs() {
  [ -f "$KAFKA_LIBS/.complete" ] && return 0
  say "fetching the Kafka broker jars through Maven into $KAFKA_LIBS (once) ..."
  rm -rf "$KAFKA_LIBS.tmp"; mkdir -p "$KAFKA_LIBS.tmp"
  mvnw -f "$SCRIPT_DIR/kafka/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
       -DoutputDirectory="$KAFKA_LIBS.tmp" || die "could not fetch the Kafka jars (see the Maven output above)"
  ls "$KAFKA_LIBS.tmp"/kafka_2.13-*.jar > /dev/null 2>&1 || die "the Kafka jars are incomplete in $KAFKA_LIBS.tmp"
  touch "$KAFKA_LIBS.tmp/.complete"
  rm -rf "$KAFKA_LIBS"; mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
}

ensure_objectstore_libs() {
  [ -f "$OBJECTSTORE_LIBS/.complete" ] && return 0
  say "fetching the S3Proxy jars through Maven into $OBJECTSTORE_LIBS (once) ..."
  rm -rf "$OBJECTSTORE_LIBS.tmp"; mkdir -p "$OBJECTSTORE_LIBS.tmp"
  mvnw -f "$SCRIPT_DIR/objectstore/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
       -DoutputDirectory="$OBJECTSTORE_LIBS.tmp" || die "could not fetch the S3Proxy jars (see the Maven output above)"
  ls "$OBJECTSTORE_LIBS.tmp"/s3proxy-*.jar > /dev/null 2>&1 || die "the S3Proxy jars are incomplete in $OBJECTSTORE_LIBS.tmp"
  touch "$OBJECTSTORE_LIBS.tmp/.complete"
  rm -rf "$OBJECTSTORE_LIBS"; mv "$OBJECTSTORE_LIBS.tmp" "$OBJECTSTORE_LIBS"
}

ensure_keycloak_dist() {
  [ -x "$KC_HOME/bin/kc.sh" ] && [ -f "$KC_HOME/.complete" ] && return 0
  say "fetching Keycloak $KEYCLOAK_VERSION through Maven into $DIST (once, ~170 MB) ..."
  local tmp="$DIST/.keycloak.tmp"
  rm -rf "$tmp" "$KC_HOME"; mkdir -p "$tmp"
  mvnw -f "$SCRIPT_DIR/kafka/pom.xml" dependency:copy \
       -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" -DoutputDirectory="$tmp" \
       || die "could not fetch Keycloak (see the Maven output above)"
  tar -xzf "$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C "$tmp"
  [ -x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ] || die "unexpected Keycloak archive layout in $tmp"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$tmp"
  touch "$KC_HOME/.complete"
}

jar_of() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$REPO_ROOT" "$1"; }

ensure_service_jars() { # services...
  local s missing=()
  for s in "$@"; do [ -f "$(jar_of "$s")" ] || missing+=("$s"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local list
  if [ "$#" -gt 1 ]; then list="$(IFS=,; echo "${SERVICES[*]}")"; else list="$1"; fi
  say "packaging $list (missing: ${missing[*]}): ./mvnw -q -DskipTests package -pl $list -am ..."
  local t0; t0="$(now_ms)"
  mvnw -DskipTests package -pl "$list" -am || die "the build failed (see the Maven output above)"
  for s in "$@"; do [ -f "$(jar_of "$s")" ] || die "the build did not produce $(jar_of "$s")"; done
  say "built in $(secs_since "$t0") s"
}

readonly SEEDS_JAR="$REPO_ROOT/seeds/target/seeds.jar"
readonly SEEDS_MARK_NAME="seeds.loaded"

ensure_seeds_jar() {
  [ -f "$SEEDS_JAR" ] && [ -d "$REPO_ROOT/seeds/target/lib" ] && return 0
  say "packaging the seed loader: ./mvnw -q -DskipTests package -pl seeds -am ..."
  mvnw -DskipTests package -pl seeds -am || die "the build of the seed loader failed"
}

# Loads seeds/data through the services' public APIs (seeds/README.md); idempotent, so 'seed' may run again.
load_seeds() {
  ensure_seeds_jar
  say "loading the seed data (seeds/data) through the services' APIs; progress below, also in $LOGS/seeds.log"
  local t0 rc=0; t0="$(now_ms)"
  "$JAVA" -Xmx256m -cp "$SEEDS_JAR:$REPO_ROOT/seeds/target/lib/*" cn.zz.pipeline.seeds.SeedLoader \
    "data=$REPO_ROOT/seeds/data" "project=http://localhost:$PROJECT_PORT" "approval=http://localhost:$APPROVAL_PORT" \
    "reporting=http://localhost:$REPORTING_PORT" "keycloak=http://localhost:$KEYCLOAK_PORT" \
    "wait=${PIPELINE_SEED_WAIT:-900}" 2>&1 | tee "$LOGS/seeds.log" || rc=$?
  if [ "$rc" -ne 0 ]; then
    warn "loading the seeds failed (exit $rc, see $LOGS/seeds.log); the stack keeps running: fix and run 'stack.sh seed'"
    return 1
  fi
  date -u +%Y-%m-%dT%H:%M:%SZ > "$DATA/$SEEDS_MARK_NAME"
  say "seeds loaded in $(secs_since "$t0") s"
}

# On the first start of a stack (no marker yet) with all three services, unless PIPELINE_SEEDS=none.
seed_if_first_start() {
  [ "${PIPELINE_SEEDS:-docs}" != none ] || { say "seed data skipped (PIPELINE_SEEDS=none)"; return 0; }
  [ "$#" -eq "${#SERVICES[@]}" ] || return 0
  [ -f "$DATA/$SEEDS_MARK_NAME" ] && return 0
  load_seeds
}

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------------------------
PG_BIN="" PG_USER=""
resolve_pg() {
  [ -n "$PG_BIN" ] && return 0
  local want="${PIPELINE_PG_BIN:-}" d have=""
  [ -f "$PGDATA_DIR/PG_VERSION" ] && have="$(cat "$PGDATA_DIR/PG_VERSION")"
  # Existing data: the binaries of its major version (system ones, else the embedded ones when they match).
  if [ -z "$want" ] && [ -n "$have" ]; then
    if [ -x "/usr/lib/postgresql/$have/bin/pg_ctl" ]; then want="/usr/lib/postgresql/$have/bin"
    elif [ "$have" = "${PG_EMBEDDED_VERSION%%.*}" ]; then want=embedded; fi
  fi
  if [ -z "$want" ]; then
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4 -n -r); do
      if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then want="$d"; break; fi
    done
  fi
  if [ -z "$want" ] || [ "$want" = embedded ]; then
    ensure_pg_embedded
    PG_BIN="$DIST/postgres-$PG_EMBEDDED_VERSION/bin"
  else
    [ -x "$want/pg_ctl" ] || die "PIPELINE_PG_BIN=$want has no pg_ctl"
    PG_BIN="$want"
  fi
  # initdb refuses root: run PostgreSQL as an unprivileged user.
  if [ "$(id -u)" -eq 0 ]; then
    if id -u postgres > /dev/null 2>&1; then PG_USER=postgres; else PG_USER=nobody; fi
  else
    PG_USER="$(id -un)"
  fi
}

ensure_pg_embedded() {
  local target="$DIST/postgres-$PG_EMBEDDED_VERSION" arch
  [ -f "$target/.complete" ] && return 0
  case "$(uname -m)" in
    x86_64|amd64) arch=amd64 ;;
    aarch64|arm64) arch=arm64v8 ;;
    *) die "no embedded PostgreSQL binaries for $(uname -m); install PostgreSQL and set PIPELINE_PG_BIN" ;;
  esac
  say "fetching PostgreSQL $PG_EMBEDDED_VERSION binaries through Maven (io.zonky.test.postgres, once) ..."
  local tmp="$DIST/.postgres.tmp"
  rm -rf "$tmp" "$target"; mkdir -p "$tmp/x"
  mvnw -f "$SCRIPT_DIR/kafka/pom.xml" dependency:copy \
       -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-$arch:$PG_EMBEDDED_VERSION" \
       -DoutputDirectory="$tmp" || die "could not fetch the PostgreSQL binaries (see the Maven output above)"
  (cd "$tmp" && unzip -q -o ./*.jar '*.txz') || die "unexpected layout of the PostgreSQL binaries jar"
  tar -xJf "$tmp"/*.txz -C "$tmp/x"
  [ -x "$tmp/x/bin/postgres" ] || die "unexpected layout of the PostgreSQL binaries archive"
  chmod -R a+rX "$tmp/x"
  mv "$tmp/x" "$target"; rm -rf "$tmp"
  touch "$target/.complete"
}

as_pg() { # runs a command as the PostgreSQL user
  if [ "$PG_USER" = "$(id -un)" ]; then "$@"; else runuser -u "$PG_USER" -- "$@"; fi
}

choose_pg_port() {
  [ -n "$PG_PORT" ] && return 0
  if ! port_busy 5432; then PG_PORT=5432; return 0; fi
  local p
  for p in $(seq 15432 15531); do
    if ! port_busy "$p"; then
      PG_PORT="$p"
      say "port 5432 is taken ($(port_owner 5432 || true)); PostgreSQL of this stack uses the private port $p (remembered in $PORTS_FILE)"
      return 0
    fi
  done
  die "no free port for PostgreSQL in 15432-15531; set PIPELINE_PG_PORT"
}

pg_init() {
  local tmp="$DATA/postgres.init"
  say "initialising PostgreSQL in $PGDATA_DIR (user $PG_USER, binaries $PG_BIN) ..."
  rm -rf "$tmp"; mkdir -p "$tmp"; chmod 700 "$tmp"
  [ "$PG_USER" = "$(id -un)" ] || chown "$PG_USER" "$tmp"
  as_pg test -w "$tmp" || die "user $PG_USER cannot write $tmp: every folder above PIPELINE_HOME must be searchable (chmod o+x) for it"
  as_pg "$PG_BIN/initdb" -D "$tmp" -U postgres -E UTF8 --no-locale --auth-local=peer --auth-host=scram-sha-256 \
      >> "$(log_of postgres)" 2>&1 || { show_log_tail postgres; die "initdb failed"; }
  cat >> "$tmp/postgresql.conf" <<'EOF'

# --- local stack (deploy/local/stack.sh) ---
listen_addresses = 'localhost'
unix_socket_directories = ''
max_connections = 200
password_encryption = 'scram-sha-256'
EOF
  # Role and databases in single-user mode: no superuser password and no client binary needed.
  as_pg "$PG_BIN/postgres" --single -D "$tmp" -c exit_on_error=true postgres >> "$(log_of postgres)" 2>&1 <<'EOF' \
      || { show_log_tail postgres; die "creating the role and databases failed"; }
CREATE ROLE pipeline LOGIN PASSWORD 'pipeline';
CREATE DATABASE project OWNER pipeline;
CREATE DATABASE approval OWNER pipeline;
CREATE DATABASE reporting OWNER pipeline;
EOF
  mv "$tmp" "$PGDATA_DIR"
}

start_postgres() {
  resolve_pg
  mkdir -p "$DATA" "$LOGS"
  touch "$(log_of postgres)"
  [ "$PG_USER" = "$(id -un)" ] || chown "$PG_USER" "$(log_of postgres)"
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    rm -rf "$PGDATA_DIR"
    pg_init
  fi
  local have want
  have="$(cat "$PGDATA_DIR/PG_VERSION")"
  want="$("$PG_BIN/postgres" --version | sed -n 's/.* \([0-9][0-9]*\)\..*/\1/p')"
  [ "$have" = "$want" ] || die "the data in $PGDATA_DIR is PostgreSQL $have but the binaries in $PG_BIN are $want: use stack.sh reset (wipes data) or PIPELINE_PG_BIN"
  choose_pg_port
  require_free "$PG_PORT" PostgreSQL PIPELINE_PG_PORT
  save_ports
  local log t0 cmd
  log="$(log_of postgres)"
  printf '\n===== %s  stack.sh starting postgres =====\n' "$(date '+%Y-%m-%d %H:%M:%S')" >> "$log"
  # Tuning for a machine whose data is cached (random reads cost about as much as sequential ones, so key lookups
  # by "= any(array)" use the index) and for the projections' bursts of writes (fewer forced checkpoints, so fewer
  # full-page images in the WAL). Passed on every start, so existing data directories get them too.
  cmd=("$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$log" -w -t 60
       -o "-p $PG_PORT -c random_page_cost=1.1 -c max_wal_size=4GB -c checkpoint_timeout=15min" start)
  [ "$PG_USER" = "$(id -un)" ] || cmd=(runuser -u "$PG_USER" -- "${cmd[@]}")
  t0="$(now_ms)"
  # pg_ctl detaches the postmaster into a session of its own; setsid keeps even pg_ctl away from our terminal.
  setsid -w "${cmd[@]}" >> "$log" 2>&1 < /dev/null 9>&- || { show_log_tail postgres; die "PostgreSQL did not start"; }
  local pid
  pid="$(head -n 1 "$PGDATA_DIR/postmaster.pid")"
  printf '%s\n' "$pid" > "$(pidfile_of postgres)"
  started postgres "$t0" "$pid"
}

stop_postgres() { # pid
  local pid="$1" bin user cmd
  bin="$(dirname "$(readlink "/proc/$pid/exe" 2>/dev/null || echo /nonexistent/postgres)")"
  user="$(stat -c %U "/proc/$pid" 2>/dev/null || echo "")"
  if [ -x "$bin/pg_ctl" ] && [ -n "$user" ]; then
    cmd=("$bin/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t "$STOP_TIMEOUT" stop)
    [ "$user" = "$(id -un)" ] || cmd=(runuser -u "$user" -- "${cmd[@]}")
    if "${cmd[@]}" >> "$(log_of postgres)" 2>&1 < /dev/null 9>&-; then return 0; fi
    warn "pg_ctl stop failed or timed out"
  fi
  terminate postgres "$pid"
}

# ---------------------------------------------------------------------------------------------------------------
# Kafka (single-node KRaft, combined broker + controller)
# ---------------------------------------------------------------------------------------------------------------
write_kafka_properties() { # file
  cat > "$1" <<PROPS
# Generated by deploy/local/stack.sh at each start of Kafka; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA/kafka
num.partitions=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

# The log4j2 configuration writes to the logs folder (one file per component).
kafka_log_opts() { printf '%s\n' "-Dlog4j2.configurationFile=$SCRIPT_DIR/kafka/log4j2.properties" "-Dkafka.logs.dir=$LOGS"; }

start_kafka() {
  ensure_kafka_libs
  mkdir -p "$DATA/kafka" "$LOGS" "$RUN"
  require_free "$KAFKA_PORT" "Kafka" PIPELINE_KAFKA_PORT
  require_free "$KAFKA_CONTROLLER_PORT" "Kafka controller" PIPELINE_KAFKA_CONTROLLER_PORT
  save_ports
  local props="$RUN/kafka-server.properties" log t0 offset pid rc=0 logopts=()
  mapfile -t logopts < <(kafka_log_opts)
  log="$(log_of kafka)"
  write_kafka_properties "$props"
  touch "$log"
  # Format only a log dir that is not formatted yet (never twice, never while a broker uses it).
  if [ ! -f "$DATA/kafka/meta.properties" ]; then
    local cid
    cid="$("$JAVA" "${logopts[@]}" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>> "$log" 9>&- | tail -n 1)"
    [ -n "$cid" ] || die "Kafka: could not create a cluster id; see $log"
    say "formatting the Kafka log dir $DATA/kafka (cluster id $cid) ..."
    "$JAVA" "${logopts[@]}" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$cid" -c "$props" >> "$log" 2>&1 9>&- \
      || { show_log_tail kafka; die "Kafka: formatting the log dir failed"; }
  fi
  offset="$(stat -c %s "$log")"
  t0="$(now_ms)"
  # shellcheck disable=SC2086
  pid="$(spawn kafka "$DATA" "$JAVA" $KAFKA_HEAP -XX:+UseG1GC -Djava.awt.headless=true "${logopts[@]}" \
          "$MARK_HOME" -Dlocalstack.component=kafka -cp "$KAFKA_LIBS/*" kafka.Kafka "$props")"
  wait_ready kafka "$pid" "$KAFKA_TIMEOUT" kafka_ready "$log" "$offset" || rc=$?
  [ "$rc" -eq 0 ] || failed kafka "$rc" "$KAFKA_TIMEOUT"
  started kafka "$t0" "$pid"
}

kafka_ready() { # log offset
  port_busy "$KAFKA_PORT" && tail -c +"$(($2 + 1))" "$1" 2>/dev/null | grep -q 'Kafka Server started'
}

# ---------------------------------------------------------------------------------------------------------------
# Keycloak (start-dev, H2 database in data/keycloak, realm imported from deploy/keycloak/pipeline-realm.json)
# ---------------------------------------------------------------------------------------------------------------
keycloak_ready_url() { printf 'http://localhost:%s/realms/pipeline/.well-known/openid-configuration' "$KEYCLOAK_PORT"; }

start_keycloak() {
  ensure_keycloak_dist
  local kdata="$DATA/keycloak" realm="$REPO_ROOT/deploy/keycloak/pipeline-realm.json" t0 pid rc=0
  # --hostname fixes the front-end URL, so a token's issuer is http://localhost:<port>/realms/pipeline whichever
  # address the client used (127.0.0.1 too) and the services' issuer check accepts it; the back channel (token
  # endpoint, keys) keeps answering on the address it was asked on (--hostname-backchannel-dynamic).
  [ -f "$realm" ] || die "missing realm file $realm"
  mkdir -p "$kdata/import" "$LOGS" "$RUN"
  cp "$realm" "$kdata/import/pipeline-realm.json"
  # Keycloak keeps its data in <its home>/data: point that at PIPELINE_HOME/data/keycloak, so that reset wipes it
  # (and the realm is imported again) while the distribution stays. --import-realm skips an existing realm.
  if [ -e "$KC_HOME/data" ] && [ ! -L "$KC_HOME/data" ]; then
    local aside
    aside="$KC_HOME/data.moved-$(date +%Y%m%d%H%M%S)"
    warn "moving the Keycloak distribution's own data folder aside to $aside"
    mv "$KC_HOME/data" "$aside"
  fi
  ln -sfn ../../data/keycloak "$KC_HOME/data"
  require_free "$KEYCLOAK_PORT" Keycloak PIPELINE_KEYCLOAK_PORT
  save_ports
  t0="$(now_ms)"
  pid="$(spawn keycloak "$kdata" env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
          JAVA="$JAVA" JAVA_OPTS_APPEND="$KEYCLOAK_HEAP $MARK_HOME -Dlocalstack.component=keycloak" \
          "$KC_HOME/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" \
          --http-management-port="$KEYCLOAK_MGMT_PORT" --import-realm \
          --hostname="http://localhost:$KEYCLOAK_PORT" --hostname-backchannel-dynamic=true)"
  wait_ready keycloak "$pid" "$KEYCLOAK_TIMEOUT" http_ok "$(keycloak_ready_url)" || rc=$?
  [ "$rc" -eq 0 ] || failed keycloak "$rc" "$KEYCLOAK_TIMEOUT"
  started keycloak "$t0" "$pid"
}

# ---------------------------------------------------------------------------------------------------------------
# Object store (S3Proxy, filesystem backend in data/objectstore: one file per object under <bucket>/<key>)
# ---------------------------------------------------------------------------------------------------------------
# The demo credentials are project-service's defaults (project.materials.store.access-key / secret-key).
readonly OBJECTSTORE_ACCESS_KEY=pipeline OBJECTSTORE_SECRET_KEY=pipeline-secret

start_objectstore() {
  ensure_objectstore_libs
  mkdir -p "$DATA/objectstore" "$LOGS" "$RUN"
  require_free "$OBJECTSTORE_PORT" "S3Proxy" PIPELINE_OBJECTSTORE_PORT
  save_ports
  local props="$RUN/objectstore.properties" t0 pid rc=0
  cat > "$props" <<PROPS
# Generated by deploy/local/stack.sh at each start of the object store; edit the script, not this file.
s3proxy.endpoint=http://127.0.0.1:$OBJECTSTORE_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$OBJECTSTORE_ACCESS_KEY
s3proxy.credential=$OBJECTSTORE_SECRET_KEY
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA/objectstore
PROPS
  t0="$(now_ms)"
  pid="$(spawn objectstore "$DATA/objectstore" "$JAVA" -Xmx128m "$MARK_HOME" -Dlocalstack.component=objectstore \
          -Dlogback.configurationFile="$SCRIPT_DIR/objectstore/logback.xml" \
          -cp "$OBJECTSTORE_LIBS/*" org.gaul.s3proxy.Main --properties "$props")"
  wait_ready objectstore "$pid" "$KAFKA_TIMEOUT" port_busy "$OBJECTSTORE_PORT" || rc=$?
  [ "$rc" -eq 0 ] || failed objectstore "$rc" "$KAFKA_TIMEOUT"
  started objectstore "$t0" "$pid"
}

# ---------------------------------------------------------------------------------------------------------------
# Services (packaged Quarkus fast-jars)
# ---------------------------------------------------------------------------------------------------------------
health_url() { printf 'http://localhost:%s/q/health/ready' "$(port_of "$1")"; }

start_service() { # service
  local svc="$1" port jar t0 pid rc=0 dep
  port="$(port_of "$svc")"; jar="$(jar_of "$svc")"
  [ -f "$jar" ] || die "$jar is missing (build it: stack.sh build)"
  for dep in "${INFRA[@]}"; do
    comp_pid "$dep" > /dev/null || warn "$svc: $dep is not running; the service will probably not become healthy"
  done
  [ -n "$PG_PORT" ] || { PG_PORT=5432; warn "PostgreSQL of this stack never started; assuming port 5432"; }
  require_free "$port" "$svc" "PIPELINE_$(printf '%s' "${svc%-service}" | tr '[:lower:]' '[:upper:]')_PORT"
  mkdir -p "$DATA/$svc" "$LOGS" "$RUN"
  save_ports
  prepare_start_cache "$svc" "$svc"
  t0="$(now_ms)"
  pid="$(spawn_service "$svc" "$svc" "$port" "localhost:$KAFKA_PORT")"
  wait_ready "$svc" "$pid" "$HEALTH_TIMEOUT" health_up "$(health_url "$svc")" || rc=$?
  [ "$rc" -eq 0 ] || failed "$svc" "$rc" "$HEALTH_TIMEOUT"
  started "$svc" "$t0" "$pid"
}

# On a JDK 25 or newer (PIPELINE_JAVA or JAVA_HOME), a service starts from an ahead-of-time cache (JEP 483/515:
# classes loaded and linked, method profiles) instead of the build's AppCDS archive, which only a JDK 17 maps: about
# 1.2 s less to ready (docs/scaling.md). The cache is trained by real use: a service without one runs once with
# -XX:AOTMode=record and writes what it loaded when it stops; the next start assembles the cache from that (a few
# seconds, once) and uses it. A rebuilt application, another JDK or other JVM options start the training again.
java_feature() { # the feature release of $JAVA (17, 25, ...), asked once
  if [ -z "${JAVA_FEATURE:-}" ]; then
    JAVA_FEATURE="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
    JAVA_FEATURE="${JAVA_FEATURE#1.}"; is_number "$JAVA_FEATURE" || JAVA_FEATURE=0
  fi
  printf '%s' "$JAVA_FEATURE"
}

aot_stamp() { # application directory: what a cache is only valid for
  # shellcheck disable=SC2086
  { "$JAVA" -version 2>&1; printf '%s\n' $SERVICE_HEAP $SERVICE_JVM
    (cd "$1" && find . -name '*.jsa' -prune -o -type f -printf '%P %s %T@\n' | LC_ALL=C sort); } | cksum
}

# Sets START_CACHE to the JVM options that start component $1 (application $2) from a class cache: the AOT cache on
# JDK 25+, preparing it first if its training is done; else the AppCDS archive beside quarkus-run.jar, if any.
prepare_start_cache() { # component service
  local comp="$1" app dir stamp
  app="$(dirname "$(jar_of "$2")")"; START_CACHE=()
  if [ "$(java_feature)" -lt 25 ]; then
    [ -f "$app/app-cds.jsa" ] && START_CACHE=(-XX:SharedArchiveFile=app-cds.jsa)
    return 0
  fi
  dir="$DATA/$comp/aot"; stamp="$(aot_stamp "$app")"
  mkdir -p "$dir"
  if [ "$(cat "$dir/stamp" 2> /dev/null)" != "$stamp" ]; then
    rm -f "$dir/app.aot" "$dir/app.aotconf"; printf '%s\n' "$stamp" > "$dir/stamp"
  fi
  if [ ! -s "$dir/app.aot" ] && [ -s "$dir/app.aotconf" ]; then
    say "$comp: assembling its AOT cache from the last run (once) ..."
    # shellcheck disable=SC2086
    if ! (cd "$app" && "$JAVA" $SERVICE_HEAP $SERVICE_JVM -XX:AOTMode=create -XX:AOTConfiguration="$dir/app.aotconf" \
            -XX:AOTCache="$dir/app.aot" -jar quarkus-run.jar >> "$(log_of "$comp")" 2>&1 < /dev/null); then
      warn "$comp: the AOT cache could not be assembled (see its log); training again"
      rm -f "$dir/app.aot"
    fi
    rm -f "$dir/app.aotconf"
  fi
  if [ -s "$dir/app.aot" ]; then START_CACHE=(-XX:AOTCache="$dir/app.aot")
  else START_CACHE=(-XX:AOTMode=record -XX:AOTConfiguration="$dir/app.aotconf"); fi
}

# Starts a service's JVM in the background and prints its pid (the caller waits for readiness). START_CACHE comes
# from prepare_start_cache.
spawn_service() { # component service port kafka-bootstrap [extra NAME=value ...]
  local comp="$1" svc="$2" port="$3" bootstrap="$4" jar db
  shift 4
  jar="$(jar_of "$svc")"; db="$(db_of "$svc")"
  # Two malloc arenas instead of glibc's eight a core: 8-16 MB less resident memory a service when idle, and the
  # JVM's own allocations do not need more (docs/scaling.md).
  # Run from the application's directory: the AppCDS archive that the build leaves beside quarkus-run.jar (local
  # builds, see the root pom) names its class path relative to it.
  # shellcheck disable=SC2086
  spawn "$comp" "$(dirname "$jar")" env \
          QUARKUS_HTTP_PORT="$port" \
          QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/$db" \
          QUARKUS_DATASOURCE_USERNAME=pipeline QUARKUS_DATASOURCE_PASSWORD=pipeline \
          KAFKA_BOOTSTRAP_SERVERS="$bootstrap" \
          QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$KEYCLOAK_PORT/realms/pipeline" \
          PIPELINE_DASHBOARD_SESSION_SECRET="$(dashboard_session_secret)" \
          PROJECT_MATERIALS_STORE_ENDPOINT="http://127.0.0.1:$OBJECTSTORE_PORT" \
          PROJECT_MATERIALS_STORE_ACCESS_KEY="$OBJECTSTORE_ACCESS_KEY" \
          PROJECT_MATERIALS_STORE_SECRET_KEY="$OBJECTSTORE_SECRET_KEY" \
          MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
          "$@" \
          "$JAVA" $SERVICE_HEAP $SERVICE_JVM "${START_CACHE[@]}" "-XX:ErrorFile=$DATA/$comp/hs_err_pid%p.log" "$MARK_HOME" \
          "-Dlocalstack.component=$comp" -jar "$(basename "$jar")"
}

# The key that encrypts the leaders' dashboard's session cookie (reporting-service, quarkus-oidc): the caller's
# PIPELINE_DASHBOARD_SESSION_SECRET, else a random one made once per stack home and kept in run/ (sessions survive a
# restart of the service).
dashboard_session_secret() {
  if [ -n "${PIPELINE_DASHBOARD_SESSION_SECRET:-}" ]; then
    printf '%s' "$PIPELINE_DASHBOARD_SESSION_SECRET"; return
  fi
  local file="$RUN/dashboard-session.secret"
  if [ ! -s "$file" ]; then
    (umask 077; od -An -N32 -tx1 /dev/urandom | tr -d ' \n' > "$file")
  fi
  cat "$file"
}


# ---------------------------------------------------------------------------------------------------------------
# Cluster mode (up --cluster): three KRaft brokers, two instances per service, HAProxy in front of each service
# ---------------------------------------------------------------------------------------------------------------
kafka_bootstrap_all() { printf 'localhost:%s,localhost:%s,localhost:%s' "$KAFKA_PORT" "$KAFKA_2_PORT" "$KAFKA_3_PORT"; }

write_kafka_node_properties() { # file node-id port controller-port log-dir
  cat > "$1" <<PROPS
# Generated by deploy/local/stack.sh (cluster mode) at each start of this broker; edit the script, not this file.
process.roles=broker,controller
node.id=$2
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT,2@127.0.0.1:$KAFKA_2_CONTROLLER_PORT,3@127.0.0.1:$KAFKA_3_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$3,CONTROLLER://127.0.0.1:$4
advertised.listeners=PLAINTEXT://127.0.0.1:$3
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$5
num.partitions=12
default.replication.factor=3
min.insync.replicas=2
unclean.leader.election.enable=false
auto.create.topics.enable=true
offsets.topic.replication.factor=3
offsets.topic.num.partitions=12
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
transaction.state.log.num.partitions=12
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
group.initial.rebalance.delay.ms=0
PROPS
}

kafka_node_ready() { # log offset port
  port_busy "$3" && tail -c +"$(($2 + 1))" "$1" 2>/dev/null | grep -q 'Kafka Server started'
}

# Starts the given brokers together (a lone broker of a three-voter quorum cannot finish its start-up until a
# second one runs), then waits for each. All share one cluster id, kept in data/kafka-cluster.id.
start_kafka_nodes() { # nodes...
  ensure_kafka_libs
  mkdir -p "$LOGS" "$RUN" "$DATA"
  local node n port cport props log offset cid pid rc idfile="$DATA/kafka-cluster.id" logopts=()
  local -A pids=() offsets=() t0s=()
  for node in "$@"; do
    n="${node#kafka-}"
    local var=PIPELINE_KAFKA; [ "$n" = 1 ] || var="PIPELINE_KAFKA_$n"
    require_free "$(port_of "$node")" "Kafka broker $n" "${var}_PORT"
    require_free "$(controller_port_of "$node")" "Kafka controller $n" "${var}_CONTROLLER_PORT"
  done
  save_ports
  if [ ! -s "$idfile" ]; then
    logopts=("-Dlog4j2.configurationFile=$SCRIPT_DIR/kafka/log4j2.properties" "-Dkafka.logs.dir=$LOGS" "-Dkafka.log.name=kafka-1")
    cid="$("$JAVA" "${logopts[@]}" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null 9>&- | tail -n 1)"
    [ -n "$cid" ] || die "Kafka: could not create a cluster id"
    printf '%s\n' "$cid" > "$idfile"
  fi
  cid="$(head -n 1 "$idfile")"
  for node in "$@"; do
    n="${node#kafka-}"; port="$(port_of "$node")"; cport="$(controller_port_of "$node")"
    props="$RUN/$node-server.properties"; log="$(log_of "$node")"
    logopts=("-Dlog4j2.configurationFile=$SCRIPT_DIR/kafka/log4j2.properties" "-Dkafka.logs.dir=$LOGS" "-Dkafka.log.name=$node")
    mkdir -p "$DATA/$node"; touch "$log"
    write_kafka_node_properties "$props" "$n" "$port" "$cport" "$DATA/$node"
    if [ ! -f "$DATA/$node/meta.properties" ]; then
      say "formatting the log dir of $node ($DATA/$node, cluster id $cid) ..."
      "$JAVA" "${logopts[@]}" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$cid" -c "$props" >> "$log" 2>&1 9>&- \
        || { show_log_tail "$node"; die "$node: formatting the log dir failed"; }
    fi
    offsets[$node]="$(stat -c %s "$log")"
    t0s[$node]="$(now_ms)"
    say "starting $node (port $port, controller $cport) ..."
    # shellcheck disable=SC2086
    pids[$node]="$(spawn "$node" "$DATA" "$JAVA" $CLUSTER_KAFKA_HEAP -XX:+UseG1GC -Djava.awt.headless=true "${logopts[@]}" \
          "$MARK_HOME" "-Dlocalstack.component=$node" -cp "$KAFKA_LIBS/*" kafka.Kafka "$props")"
  done
  for node in "$@"; do
    rc=0
    wait_ready "$node" "${pids[$node]}" "$KAFKA_TIMEOUT" kafka_node_ready "$(log_of "$node")" "${offsets[$node]}" \
      "$(port_of "$node")" || rc=$?
    [ "$rc" -eq 0 ] || failed "$node" "$rc" "$KAFKA_TIMEOUT"
    started "$node" "${t0s[$node]}" "${pids[$node]}"
  done
}

# Starts the given service instances together and waits for each one's /q/health/ready.
start_instances() { # instances...
  local inst svc port rc
  local -A pids=() t0s=()
  for inst in "$@"; do ensure_service_jars "${inst%-[0-9]}"; done
  [ -n "$PG_PORT" ] || { PG_PORT=5432; warn "PostgreSQL of this stack never started; assuming port 5432"; }
  for inst in "$@"; do
    svc="${inst%-[0-9]}"; port="$(port_of "$inst")"
    require_free "$port" "$inst" "PIPELINE_$(printf '%s' "${svc%-service}" | tr '[:lower:]' '[:upper:]')_${inst##*-}_PORT"
    mkdir -p "$DATA/$inst" "$LOGS" "$RUN"
  done
  save_ports
  for inst in "$@"; do
    svc="${inst%-[0-9]}"; port="$(port_of "$inst")"
    prepare_start_cache "$inst" "$svc"
    say "starting $inst (port $port) ..."
    t0s[$inst]="$(now_ms)"
    # Topics spread over 12 partitions with three replicas; each instance names itself to Kafka and is declared
    # dead after 10 s without a heartbeat, so a killed instance's partitions move within seconds.
    pids[$inst]="$(spawn_service "$inst" "$svc" "$port" "$(kafka_bootstrap_all)" \
        PIPELINE_KAFKA_PARTITIONS="${PIPELINE_KAFKA_PARTITIONS:-12}" \
        PIPELINE_KAFKA_REPLICATION_FACTOR="${PIPELINE_KAFKA_REPLICATION_FACTOR:-3}" \
        PIPELINE_KAFKA_INSTANCE_ID="$inst" \
        PIPELINE_KAFKA_SESSION_TIMEOUT="${PIPELINE_KAFKA_SESSION_TIMEOUT:-10s}")"
  done
  for inst in "$@"; do
    rc=0
    wait_ready "$inst" "${pids[$inst]}" "$HEALTH_TIMEOUT" health_up "$(health_url "$inst")" || rc=$?
    [ "$rc" -eq 0 ] || failed "$inst" "$rc" "$HEALTH_TIMEOUT"
    started "$inst" "${t0s[$inst]}" "${pids[$inst]}"
  done
}

ensure_haproxy() {
  command -v haproxy > /dev/null 2>&1 && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null 2>&1; then
    say "HAProxy is missing: installing Debian's package (apt-get install -y haproxy) ..."
    { apt-get install -y haproxy || { apt-get update && apt-get install -y haproxy; }; } > "$LOGS/apt-haproxy.log" 2>&1 9>&- \
      || die "could not install HAProxy (see $LOGS/apt-haproxy.log); install it with: sudo apt-get install haproxy"
    command -v haproxy > /dev/null 2>&1 || die "HAProxy is still missing after apt-get"
    return 0
  fi
  die "cluster mode needs HAProxy: install it with 'sudo apt-get install haproxy' (Debian's package), then run up --cluster again"
}

# A complete HTTP response for HAProxy's errorfile: a problem document, never an HTML page.
write_problem_response() { # file status-line slug title detail
  local body
  body="$(printf '{"type":"urn:pipeline:problem:%s","title":"%s","status":%s,"detail":"%s"}' "$3" "$4" "${2%% *}" "$5")"
  {
    printf 'HTTP/1.1 %s\r\n' "$2"
    printf 'Content-Type: application/problem+json\r\n'
    printf 'Retry-After: 5\r\n'
    printf 'Cache-Control: no-store\r\n'
    printf 'Connection: close\r\n'
    printf 'Content-Length: %s\r\n' "$(printf '%s' "$body" | wc -c)"
    printf '\r\n%s' "$body"
  } > "$1"
}

write_balancer_config() {
  local e="$RUN/balancer-errors" svc i v6="" p
  mkdir -p "$e"
  write_problem_response "$e/503.http" "503 Service Unavailable" service-unavailable "服务暂不可用 Service unavailable" \
    "该服务暂时没有就绪的实例，请稍后重试 (no instance of this service is ready; retry in a few seconds)"
  # An instance that dies while it handles a request: the client learns to retry, and that the request's effect is
  # unknown (a command with If-Match or an idempotency key is safe to repeat).
  write_problem_response "$e/502.http" "503 Service Unavailable" instance-failed "实例中断 Instance failed" \
    "处理该请求的实例中断，请求可能未生效，请查询后重试 (the instance handling the request failed; check, then retry)"
  write_problem_response "$e/504.http" "504 Gateway Timeout" gateway-timeout "响应超时 Gateway timeout" \
    "服务未在时限内响应，请稍后查询结果 (the service did not answer in time; check the result later)"
  write_problem_response "$e/500.http" "503 Service Unavailable" balancer-error "负载均衡故障 Balancer error" \
    "负载均衡器内部错误，请稍后重试 (the load balancer failed; retry in a few seconds)"
  write_problem_response "$e/400.http" "400 Bad Request" bad-request "请求无效 Bad request" \
    "无法解析该HTTP请求 (the HTTP request could not be parsed)"
  write_problem_response "$e/408.http" "408 Request Timeout" request-timeout "请求超时 Request timeout" \
    "请求未在时限内完整发送 (the request did not arrive in time)"
  grep -qs '00000000000000000000000000000001' /proc/net/if_inet6 && v6=1
  {
    cat <<CFG
# Generated by deploy/local/stack.sh (cluster mode) at each start of the balancer; edit the script, not this file.
global
    maxconn 4096
    log stderr format raw local0 info

defaults
    mode http
    log global
    option httplog
    option dontlog-normal
    option forwardfor
    # A fresh connection to the instance for every request (the client side stays keep-alive): a request is never
    # sent on an idle connection whose instance died meanwhile (HAProxy would close the client's connection without
    # an answer); a dead instance is a refused connection, which is retried on the other one.
    option http-server-close
    # A request whose connection to an instance fails, or whose instance died before answering, is sent again to
    # the other instance. Never a POST once it reached an instance (its effect is unknown, a repeat could apply it
    # twice); PUT, DELETE and the API's PATCH (If-Match required) may be repeated: an applied one answers 409/412.
    retries 3
    retry-on conn-failure empty-response
    option redispatch 1
    timeout connect 1s
    timeout client 120s
    timeout server 120s
    timeout queue 10s
    timeout check 2s
    timeout http-request 30s
    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2
    errorfile 400 $e/400.http
    errorfile 408 $e/408.http
    errorfile 500 $e/500.http
    errorfile 502 $e/502.http
    errorfile 503 $e/503.http
    errorfile 504 $e/504.http
CFG
    for svc in "${SERVICES[@]}"; do
      p="$(port_of "$svc")"
      printf '\nfrontend %s\n    bind 127.0.0.1:%s\n' "$svc" "$p"
      [ -z "$v6" ] || printf '    bind [::1]:%s\n' "$p"
      printf '    default_backend %s\n\nbackend %s\n' "$svc" "$svc"
      printf '    balance roundrobin\n    option httpchk GET /q/health/ready\n    http-check expect status 200\n'
      printf '    http-request disable-l7-retry if METH_POST\n'
      printf '    http-response set-header X-Pipeline-Instance %%s\n'
      for i in 1 2; do printf '    server %s-%s 127.0.0.1:%s check\n' "$svc" "$i" "$(port_of "$svc-$i")"; done
    done
  } > "$BALANCER_CFG"
}

balancer_ready() { local svc; for svc in "${SERVICES[@]}"; do port_busy "$(port_of "$svc")" || return 1; done; }

start_balancer() {
  ensure_haproxy
  mkdir -p "$LOGS" "$RUN"
  local svc t0 pid rc=0
  for svc in "${SERVICES[@]}"; do
    require_free "$(port_of "$svc")" "balancer for $svc" "PIPELINE_$(printf '%s' "${svc%-service}" | tr '[:lower:]' '[:upper:]')_PORT"
  done
  save_ports
  write_balancer_config
  haproxy -c -q -f "$BALANCER_CFG" >> "$(log_of balancer)" 2>&1 || { show_log_tail balancer; die "the balancer's configuration is invalid: $BALANCER_CFG"; }
  t0="$(now_ms)"
  pid="$(spawn balancer "$RUN" haproxy -db -f "$BALANCER_CFG")"
  wait_ready balancer "$pid" 30 balancer_ready || rc=$?
  [ "$rc" -eq 0 ] || failed balancer "$rc" 30
  started balancer "$t0" "$pid"
}

cmd_up_cluster() {
  lock_home
  ensure_home
  local comp all=1 svc missing=()
  if [ "$(remembered_mode)" != cluster ]; then
    for comp in "${SINGLE_COMPONENTS[@]}"; do
      [ "$comp" = postgres ] && continue
      if comp_pid "$comp" > /dev/null; then die "a single-instance stack runs in $PIPELINE_HOME ($comp): 'stack.sh down' first"; fi
    done
    [ ! -f "$DATA/kafka/meta.properties" ] ||
      die "$PIPELINE_HOME holds a single-instance stack's data: 'stack.sh reset' first, or choose another PIPELINE_HOME"
    printf 'cluster\n' > "$MODE_FILE"
  fi
  for comp in "${COMPONENTS[@]}"; do comp_pid "$comp" > /dev/null || all=0; done
  if [ "$all" -eq 1 ]; then
    say "the cluster is already running in $PIPELINE_HOME; nothing changed"
    cmd_status
    seed_if_first_start "${SERVICES[@]}" || { print_summary; return 1; }
    print_summary
    return 0
  fi
  local t_all; t_all="$(now_ms)"
  ensure_service_jars "${SERVICES[@]}"
  start_comp postgres
  for comp in "${KAFKA_NODES[@]}"; do comp_pid "$comp" > /dev/null || missing+=("$comp"); done
  [ "${#missing[@]}" -eq 0 ] || start_kafka_nodes "${missing[@]}"
  start_comp keycloak
  start_comp objectstore
  for svc in "${SERVICES[@]}"; do
    missing=()
    for comp in "$svc-1" "$svc-2"; do comp_pid "$comp" > /dev/null || missing+=("$comp"); done
    [ "${#missing[@]}" -eq 0 ] || start_instances "${missing[@]}"
  done
  start_comp balancer
  echo
  printf '%-20s %s\n' COMPONENT "START TIME (s)"
  for comp in "${COMPONENTS[@]}"; do printf '%-20s %s\n' "$comp" "${STARTED_IN[$comp]:-already running}"; done
  say "cluster up in $(secs_since "$t_all") s"
  local seeded=0
  seed_if_first_start "${SERVICES[@]}" || seeded=1
  print_summary
  return "$seeded"
}

# ---------------------------------------------------------------------------------------------------------------
# Common start/stop plumbing
# ---------------------------------------------------------------------------------------------------------------
wait_ready() { # component pid timeout check args... -> 0 ready, 1 timeout, 2 the process died
  local pid="$2" timeout="$3" deadline
  shift 3
  deadline=$(($(date +%s) + timeout))
  while :; do
    if "$@"; then return 0; fi
    alive "$pid" || return 2
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

failed() { # component rc timeout
  show_log_tail "$1" 60
  if [ "$2" -eq 2 ]; then
    rm -f "$(pidfile_of "$1")"
    die "$1 exited during start-up; its log is $(log_of "$1")"
  fi
  die "$1 did not become ready within $3 s (it is left running for inspection; 'stack.sh stop $1' stops it); log: $(log_of "$1")"
}

declare -A STARTED_IN=()
started() { # component t0 pid
  local secs; secs="$(secs_since "$2")"
  STARTED_IN[$1]="$secs"
  printf '%s\n' "$secs" > "$RUN/$1.started-in"
  say "$1 is ready in $secs s (pid $3, port $(port_of "$1"))"
}

start_comp() { # component
  local comp="$1" pid
  if pid="$(comp_pid "$comp")"; then
    say "$comp is already running (pid $pid, port $(port_of "$comp"))"
    return 0
  fi
  ensure_home
  say "starting $comp ..."
  case "$comp" in
    postgres) start_postgres ;;
    kafka) start_kafka ;;
    keycloak) start_keycloak ;;
    objectstore) start_objectstore ;;
    kafka-[1-3]) start_kafka_nodes "$comp" ;;
    balancer) start_balancer ;;
    *-service-[0-9]) start_instances "$comp" ;;
    *) ensure_service_jars "$comp"; start_service "$comp" ;;
  esac
}

stop_comp() { # component
  local comp="$1" pid t0
  if ! pid="$(comp_pid "$comp")"; then
    say "$comp is not running"
    return 0
  fi
  say "stopping $comp (pid $pid) ..."
  t0="$(now_ms)"
  if [ "$comp" = postgres ]; then stop_postgres "$pid"; else terminate "$comp" "$pid"; fi
  rm -f "$(pidfile_of "$comp")" "$RUN/$comp.started-in"
  say "$comp stopped in $(secs_since "$t0") s"
}

kill_comp() { # component: SIGKILL, as in a crash (the pid file stays behind and is detected as stale)
  local comp="$1" pid pids i
  if ! pid="$(comp_pid "$comp")"; then
    say "$comp is not running"
    return 0
  fi
  pids="$(tree_pids "$pid")"
  signal_tree KILL "$pid"
  # shellcheck disable=SC2086
  for i in $(seq 1 50); do tree_alive $pids || break; sleep 0.1; done
  rm -f "$RUN/$comp.started-in"
  say "$comp killed with SIGKILL (pid $pid)"
}

ensure_home() {
  mkdir -p "$DIST" "$DATA" "$LOGS" "$RUN"
  [ -f "$PIPELINE_HOME/.pipeline-stack" ] ||
    printf 'Home of a local stack of the investment project pipeline (deploy/local/stack.sh).\n' > "$PIPELINE_HOME/.pipeline-stack"
}

lock_home() {
  mkdir -p "$PIPELINE_HOME"
  exec 9> "$PIPELINE_HOME/.lock"
  flock -w 900 9 || die "another stack.sh command holds $PIPELINE_HOME/.lock"
}

selected_services() {
  local sel="${PIPELINE_SERVICES:-all}" s
  case "$sel" in
    all) printf '%s\n' "${SERVICES[@]}" ;;
    none) ;;
    *) for s in ${sel//,/ }; do is_service "$s" || die "PIPELINE_SERVICES: unknown service '$s'"; printf '%s\n' "$s"; done ;;
  esac
}

# ---------------------------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------------------------
print_summary() {
  local kc="http://localhost:$KEYCLOAK_PORT" envp=""
  [ "$PIPELINE_HOME" = "$REPO_ROOT/.local" ] || envp="PIPELINE_HOME=$PIPELINE_HOME "
  local cluster_text=""
  if [ "$CLUSTER" -eq 1 ]; then
    cluster_text="Cluster Kafka brokers $(kafka_bootstrap_all) (replication factor 3, min.insync.replicas 2)
        HAProxy on the three service ports above; instances (X-Pipeline-Instance names the one that answered):
          project-service-1/-2 $PROJECT_1_PORT/$PROJECT_2_PORT, approval-service-1/-2 $APPROVAL_1_PORT/$APPROVAL_2_PORT, reporting-service-1/-2 $REPORTING_1_PORT/$REPORTING_2_PORT
        faults: ${envp}deploy/local/stack.sh kill project-service-1 | kill kafka-2 | restart postgres; then start <name>
"
  fi
  cat <<SUMMARY

=== Local stack in $PIPELINE_HOME ===
APIs (Swagger UI at /q/swagger-ui, health /q/health, metrics /q/metrics, OpenAPI /q/openapi):
  project-service    http://localhost:$PROJECT_PORT/api/projects        http://localhost:$PROJECT_PORT/q/swagger-ui
  approval-service   http://localhost:$APPROVAL_PORT/api/approval-cases  http://localhost:$APPROVAL_PORT/q/swagger-ui
  reporting-service  http://localhost:$REPORTING_PORT/api/reports/pipeline  http://localhost:$REPORTING_PORT/q/swagger-ui
  dashboard          http://localhost:$REPORTING_PORT/dashboard   (log in as leader.shangjie or leader.city)
  the documents' figures (上街区 2025年1-6月 29.6亿元 +16.5%, 六区第一、全市第二) on the dashboard:
                     http://localhost:$REPORTING_PORT/dashboard/?year=2025&month=6&district=410106
Keycloak             $kc/admin/  (admin console; admin / admin, demo only)   realm: $kc/realms/pipeline
PostgreSQL           localhost:${PG_PORT:-5432}  user pipeline, password pipeline; databases project, approval, reporting
Kafka                localhost:$KAFKA_PORT  (controller $KAFKA_CONTROLLER_PORT)
Object store         http://127.0.0.1:$OBJECTSTORE_PORT  (S3Proxy; bucket pipeline-materials, files in $DATA/objectstore)

Demo users, DEMO ONLY, password = user name (deploy/keycloak/README.md):
  staff.shangjie, staff.xinzheng (staff) | approver.ndrc, approver.nr, approver.ee, approver.hc (approver)
  leader.shangjie, leader.city (leader) | admin (admin)
Token:
  curl -s -d grant_type=password -d client_id=pipeline-cli -d username=staff.shangjie -d password=staff.shangjie \\
       $kc/realms/pipeline/protocol/openid-connect/token
  TOKEN=\$(curl -s -d grant_type=password -d client_id=pipeline-cli -d username=staff.shangjie \\
       -d password=staff.shangjie $kc/realms/pipeline/protocol/openid-connect/token \\
       | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  curl -s -H "Authorization: Bearer \$TOKEN" http://localhost:$PROJECT_PORT/api/projects

Logs    $LOGS   (${envp}deploy/local/stack.sh logs [component])
Data    $DATA   (kept by down/up, wiped by reset; distributions in $DIST)
${cluster_text}Status  ${envp}deploy/local/stack.sh status
Stop    ${envp}deploy/local/stack.sh down        Wipe: ${envp}deploy/local/stack.sh reset
SUMMARY
}

cmd_up() {
  [ "$CLUSTER" -eq 0 ] || { cmd_up_cluster; return; }
  lock_home
  ensure_home
  local svcs=() s comp all=1
  while IFS= read -r s; do [ -n "$s" ] && svcs+=("$s"); done < <(selected_services)
  local wanted=("${INFRA[@]}" "${svcs[@]}")
  for comp in "${wanted[@]}"; do comp_pid "$comp" > /dev/null || all=0; done
  if [ "$all" -eq 1 ]; then
    say "the stack is already running in $PIPELINE_HOME; nothing changed"
    cmd_status
    seed_if_first_start "${svcs[@]}" || { print_summary; return 1; }
    print_summary
    return 0
  fi
  local t_all; t_all="$(now_ms)"
  [ "${#svcs[@]}" -eq 0 ] || ensure_service_jars "${SERVICES[@]}"
  for comp in "${wanted[@]}"; do start_comp "$comp"; done
  echo
  printf '%-18s %s\n' COMPONENT "START TIME (s)"
  for comp in "${wanted[@]}"; do
    printf '%-18s %s\n' "$comp" "${STARTED_IN[$comp]:-already running}"
  done
  [ "${#svcs[@]}" -gt 0 ] || say "services skipped (PIPELINE_SERVICES=${PIPELINE_SERVICES:-})"
  say "up in $(secs_since "$t_all") s"
  local seeded=0
  if [ "${#svcs[@]}" -gt 0 ]; then seed_if_first_start "${svcs[@]}" || seeded=1; fi
  print_summary
  return "$seeded"
}

cmd_seed() {
  lock_home
  local s
  if [ "$CLUSTER" -eq 1 ]; then
    comp_pid balancer > /dev/null || die "the balancer is not running: 'stack.sh up' first"
  else
    for s in "${SERVICES[@]}"; do comp_pid "$s" > /dev/null || die "$s is not running: 'stack.sh up' first"; done
  fi
  comp_pid keycloak > /dev/null || die "keycloak is not running: 'stack.sh up' first"
  load_seeds
}

cmd_down() {
  local i comp
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    comp="${COMPONENTS[$i]}"
    case "$comp" in
      kafka-[23]) ;;
      # The brokers stop together: the last one of a three-voter quorum stopped alone waits for a controller
      # that is gone, until the SIGKILL.
      kafka-1) for comp in "${KAFKA_NODES[@]}"; do stop_comp "$comp" & done; wait ;;
      *) stop_comp "$comp" ;;
    esac
  done
}

ready_of() { # component -> yes/no
  local ok=1
  case "$1" in
    postgres) port_busy "${PG_PORT:-5432}" || ok=0 ;;
    kafka) port_busy "$KAFKA_PORT" || ok=0 ;;
    kafka-[1-3]) port_busy "$(port_of "$1")" || ok=0 ;;
    balancer) balancer_ready || ok=0 ;;
    keycloak) http_ok "$(keycloak_ready_url)" || ok=0 ;;
    objectstore) port_busy "$OBJECTSTORE_PORT" || ok=0 ;;
    *) health_up "$(health_url "$1")" || ok=0 ;;
  esac
  if [ "$ok" -eq 1 ]; then echo yes; else echo no; fi
}

cmd_status() { # [component]
  local comps=("${COMPONENTS[@]}") comp pid st rc=0
  [ $# -eq 0 ] || comps=("$1")
  printf '%-18s %-8s %8s %6s %8s %8s %6s  %s\n' COMPONENT STATE PID PORT RSS PSS READY "STARTED IN"
  [ "$CLUSTER" -eq 0 ] || say "cluster mode (run/mode): three brokers, two instances per service behind HAProxy"
  for comp in "${comps[@]}"; do
    if pid="$(comp_pid "$comp")"; then
      st="-"; [ -f "$RUN/$comp.started-in" ] && st="$(cat "$RUN/$comp.started-in") s"
      printf '%-18s %-8s %8s %6s %5s MB %5s MB %6s  %s\n' "$comp" running "$pid" "$(port_of "$comp")" \
        "$(rss_mb "$pid")" "$(pss_mb "$pid")" "$(ready_of "$comp")" "$st"
    else
      printf '%-18s %-8s %8s %6s %8s %8s %6s  %s\n' "$comp" stopped - "$(port_of "$comp")" - - - -
      rc=3
    fi
  done
  echo "PIPELINE_HOME=$PIPELINE_HOME"
  echo "(RSS and PSS of the whole process tree; RSS counts PostgreSQL's shared memory once per backend, PSS splits it)"
  if [ $# -gt 0 ]; then return "$rc"; fi
  return 0
}

cmd_reset() {
  lock_home
  cmd_down
  local comp
  for comp in "${COMPONENTS[@]}"; do
    if comp_pid "$comp" > /dev/null; then die "$comp is still running; not wiping anything"; fi
  done
  if [ ! -f "$PIPELINE_HOME/.pipeline-stack" ] && { [ -d "$DATA" ] || [ -d "$LOGS" ] || [ -d "$RUN" ]; }; then
    die "$PIPELINE_HOME has no .pipeline-stack marker; refusing to wipe it"
  fi
  say "wiping $DATA, $LOGS and $RUN (the distributions in $DIST stay) ..."
  rm -rf "$DATA" "$LOGS" "$RUN"
  say "reset done: the next 'up' starts from empty databases, a fresh Kafka log dir and a re-imported realm"
}

cmd_logs() { # [component]
  local files=() comp
  if [ $# -gt 0 ]; then
    is_component "$1" || die "unknown component '$1' (one of: ${COMPONENTS[*]})"
    [ -f "$(log_of "$1")" ] || die "no log yet: $(log_of "$1")"
    files=("$(log_of "$1")")
  else
    for comp in "${COMPONENTS[@]}"; do [ -f "$(log_of "$comp")" ] && files+=("$(log_of "$comp")"); done
    [ "${#files[@]}" -gt 0 ] || die "no logs yet in $LOGS"
  fi
  if [ -t 1 ] && [ "${PIPELINE_LOGS_FOLLOW:-1}" != 0 ]; then
    exec tail -n "${PIPELINE_LOG_LINES:-50}" -F "${files[@]}"
  fi
  tail -n "${PIPELINE_LOG_LINES:-100}" "${files[@]}"
}

cmd_build() {
  lock_home
  local list; list="$(IFS=,; echo "${SERVICES[*]}"),seeds"
  say "packaging the services and the seed loader: ./mvnw -q -DskipTests package -pl $list -am ..."
  local t0; t0="$(now_ms)"
  mvnw -DskipTests package -pl "$list" -am || die "the build failed"
  say "built in $(secs_since "$t0") s; running services keep the old code until 'stack.sh restart <service>'"
}

usage() {
  cat <<USAGE
Local stack without Docker: PostgreSQL, Kafka (KRaft), Keycloak, S3Proxy and the three services.

Usage: deploy/local/stack.sh <command> [component]
  up               build what is missing, start everything, wait until healthy, load the seed data on the first
                   start (seeds/data, progress shown), print URLs (idempotent)
  seed             load the seed data again (idempotent: what is there already stays as it is)
  down             stop the services, then S3Proxy, Keycloak, Kafka, PostgreSQL (SIGTERM; SIGKILL after ${STOP_TIMEOUT} s)
  status [comp]    state, pid, port, RSS, readiness (with a component: exit code 0 running, 3 stopped)
  reset            down, then wipe data/, logs/ and run/ (the downloaded distributions stay)
  logs [comp]      tail the logs (follows when the output is a terminal)
  start <comp>     start one component and wait until it is ready (a service: /q/health/ready is UP)
  stop <comp>      stop one component (SIGTERM; SIGKILL after the timeout)
  kill <comp>      SIGKILL one component, as in a crash
  restart <comp>   stop, then start
  build            package the three services and the seed loader again
  up --cluster     cluster mode: a three-broker KRaft Kafka (replication factor 3, min.insync.replicas 2), two
                   instances of each service (<service>-1, <service>-2) and HAProxy on each service's port (health
                   checks on /q/health/ready, X-Pipeline-Instance names the instance, 503 problem+json with
                   Retry-After when none is ready). The mode is remembered in run/mode: status, down, seed, start,
                   kill ... then act on the cluster until reset.
Components: ${SINGLE_COMPONENTS[*]}
Cluster components: ${CLUSTER_COMPONENTS[*]}

Environment (default): PIPELINE_HOME (<repo>/.local), PIPELINE_SERVICES (all | none | comma list, for 'up'),
  PIPELINE_PG_PORT (5432, or a free port from 15432 when 5432 is taken), PIPELINE_KAFKA_PORT (9092),
  PIPELINE_KAFKA_CONTROLLER_PORT (9093), PIPELINE_KEYCLOAK_PORT (8180),
  PIPELINE_KEYCLOAK_MANAGEMENT_PORT (Keycloak port + 820), PIPELINE_OBJECTSTORE_PORT (9400),
  PIPELINE_PROJECT_PORT (8081),
  PIPELINE_APPROVAL_PORT (8082), PIPELINE_REPORTING_PORT (8083); ports are remembered in run/ports.env.
  PIPELINE_PG_BIN (a PostgreSQL bin folder, or 'embedded'), PIPELINE_JAVA, PIPELINE_STOP_TIMEOUT (30),
  PIPELINE_HEALTH_TIMEOUT (90), PIPELINE_KEYCLOAK_TIMEOUT (180), PIPELINE_KAFKA_TIMEOUT (60),
  PIPELINE_SEEDS (docs | none: no seed data on the first start), PIPELINE_SEED_WAIT (900 s for the reports).
  Cluster mode: PIPELINE_KAFKA_2_PORT / PIPELINE_KAFKA_3_PORT (Kafka port + 2 / + 4), PIPELINE_KAFKA_2_CONTROLLER_PORT /
  PIPELINE_KAFKA_3_CONTROLLER_PORT (Kafka port + 3 / + 5), PIPELINE_PROJECT_1_PORT / PIPELINE_PROJECT_2_PORT (project
  port + 10000 / + 10100), likewise PIPELINE_APPROVAL_1_PORT, _2_PORT and PIPELINE_REPORTING_1_PORT, _2_PORT;
  PIPELINE_KAFKA_PARTITIONS (12), PIPELINE_KAFKA_REPLICATION_FACTOR (3), PIPELINE_KAFKA_SESSION_TIMEOUT (10s).
See docs/local-stack.md.
USAGE
}

need_tools() {
  local t missing=()
  for t in "$@"; do command -v "$t" > /dev/null 2>&1 || missing+=("$t"); done
  [ "${#missing[@]}" -eq 0 ] || die "missing tools: ${missing[*]} (install them with the system's package manager)"
}

main() {
  local verb="${1:-help}"
  [ $# -eq 0 ] || shift
  case "$verb" in
    up|start|restart|stop|down|reset|kill|build|seed)
      need_tools "$JAVA" curl setsid flock ps awk sed tar
      [ "$verb" != up ] || [ "${1:-}" != --cluster ] || need_tools ss
      [ "$(id -u)" -ne 0 ] || need_tools runuser ;;
  esac
  case "$verb" in
    up) case "${1:-}" in
          '') ;;
          --cluster) [ $# -eq 1 ] || die "usage: stack.sh up [--cluster]"; use_cluster_mode ;;
          *) die "usage: stack.sh up [--cluster]" ;;
        esac
        cmd_up ;;
    down) lock_home; cmd_down ;;
    status) [ $# -eq 0 ] || is_component "$1" || die "unknown component '$1' (one of: ${COMPONENTS[*]})"
            cmd_status "$@" ;;
    reset) cmd_reset ;;
    logs) cmd_logs "$@" ;;
    build) cmd_build ;;
    seed) [ $# -eq 0 ] || die "usage: stack.sh seed"; cmd_seed ;;
    start|stop|kill|restart)
      { [ $# -eq 1 ] && is_component "$1"; } || die "usage: stack.sh $verb <component>  (one of: ${COMPONENTS[*]})"
      lock_home
      case "$verb" in
        start) start_comp "$1" ;;
        stop) stop_comp "$1" ;;
        kill) kill_comp "$1" ;;
        restart) stop_comp "$1"; start_comp "$1" ;;
      esac ;;
    help|-h|--help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
