#!/usr/bin/env bash
# WebSocket proxy benchmark: wsproxy, nginx and a second, identical nginx side by side, same echo backend
# (wsproxy echo), same load generator (LoadGen.java), pinned alike: each proxy on CPU 0, load generator and
# backend on CPU 1.
# Each proxy first opens WARMUP_CONNECTIONS connections and carries WARMUP_PROXY seconds of unmeasured traffic per
# backend and message size, so that the JVMs have compiled their hot paths before anything is measured; nginx gets
# the same.
# Usage: bench/websocket/run.sh   (env: DURATION=8 WARMUP=2 WARMUP_PROXY=5 WARMUP_CONNECTIONS=6000 ROUNDS=3 IDLE=5000
#                                   PROXIES="wsproxy nginx nginx2" BACKENDS="tcp unix"
#                                   SCENARIOS="100x64 100x16384 2000x64 100x64@15000 100x16384@4000 2000x64@10000",
#                                   each CONNECTIONSxBYTES, closed loop, or CONNECTIONSxBYTES@RATE, paced at RATE
#                                   messages/s in all; IDLE=0 skips the idle-tunnel table; IDLE_JVM_OPTS
#                                   ="-Xmn24m;-XX:+UseG1GC", WSPROXY_JAVA_OPTS for extra wsproxy rows in that
#                                   table, separated by ";"; SCENARIOS= WARMUP_CONNECTIONS=0 gives it alone;
#                                   BASELINE=DIR, another wsproxy checkout such as a worktree of the commit before
#                                   a change, adds it as the proxy "baseline": before and after in one run)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
root="$(cd "$here/../.." && pwd)"
DURATION="${DURATION:-8}"
WARMUP="${WARMUP:-2}"
WARMUP_PROXY="${WARMUP_PROXY:-5}"
WARMUP_CONNECTIONS="${WARMUP_CONNECTIONS:-6000}"
ROUNDS="${ROUNDS:-3}"
IDLE="${IDLE:-5000}"
IDLE_JVM_OPTS="${IDLE_JVM_OPTS:--Xmn24m;-XX:+UseG1GC}"
PROXIES="${PROXIES:-wsproxy nginx nginx2}"
BACKENDS="${BACKENDS:-tcp unix}"
SCENARIOS="${SCENARIOS-100x64 100x16384 2000x64 100x64@15000 100x16384@4000 2000x64@10000}"
PROXY_CPU=0
LOAD_CPU=1
ECHO_PORT=19101
WSPROXY_PORT=19102
NGINX_PORT=19103
NGINX2_PORT=19104
BASELINE_PORT=19105
BASELINE="${BASELINE:-}"
work="$(mktemp -d /tmp/wsproxy-bench.XXXXXX)"
chmod 755 "$work"    # nginx workers run as nobody and must reach the echo socket
ulimit -n 20000
pids=()

cleanup() {
  # a load generator holding idle tunnels waits for its stdin to close, and wait would wait for it
  [ -z "${hold:-}" ] || exec {hold}>&-
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# fill TEMPLATE PORT [HOME]
fill() {
  sed -e "s#@WORK@#$work#g" -e "s#@HOME@#${3:-}#g" -e "s#@PORT@#$2#g" -e "s#@ECHO_PORT@#$ECHO_PORT#g" "$here/$1"
}

rss_kib() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    total=$((total + $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")))
  done
  echo "$total"
}

"$root/bin/wsproxy" --version >/dev/null           # builds target/wsproxy.jar when needed
mkdir -p "$work/classes"
javac -d "$work/classes" "$here/LoadGen.java"
load() { taskset -c "$LOAD_CPU" java -cp "$work/classes" LoadGen "$@"; }

taskset -c "$LOAD_CPU" "$root/bin/wsproxy" echo --no-deflate \
  --listen "127.0.0.1:$ECHO_PORT" --listen "unix:$work/echo.sock" >"$work/echo.log" 2>&1 &
echo_pid=$!
pids+=("$echo_pid")
wait_port "$ECHO_PORT"

# start_wsproxy_from CHECKOUT NAME PORT: that checkout's wsproxy, with its config in $work/NAME
start_wsproxy_from() {
  local home="$work/$2"
  mkdir -p "$home/html"
  fill wsproxy.conf.in "$3" "$home" >"$home/httpd_config.conf"
  echo "html = text/html" >"$home/mime.properties"
  taskset -c "$PROXY_CPU" "$1/bin/wsproxy" -c "$home/httpd_config.conf" >"$home/out.log" 2>&1 &
  proxy_pid=$!
  pids+=("$proxy_pid")
  wait_port "$3"
}

start_wsproxy() { start_wsproxy_from "$root" wsproxy "$WSPROXY_PORT"; }

start_baseline() { start_wsproxy_from "$BASELINE" baseline "$BASELINE_PORT"; }

# start_nginx_as NAME PORT: an nginx of its own, in $work/NAME
start_nginx_as() {
  local home="$work/$1"
  mkdir -p "$home/tmp"
  fill nginx.conf.in "$2" "$home" >"$home/nginx.conf"
  taskset -c "$PROXY_CPU" nginx -p "$home" -c "$home/nginx.conf" -g 'daemon off;' &
  proxy_pid=$!
  pids+=("$proxy_pid")
  wait_port "$2"
}

start_nginx() { start_nginx_as nginx "$NGINX_PORT"; }

# A second, identical nginx: its ratios to the first show how far two equal proxies differ on this machine, so
# how far apart wsproxy's and nginx's figures must be before they say anything.
start_nginx2() { start_nginx_as nginx2 "$NGINX2_PORT"; }

stop_proxy() {
  kill "$proxy_pid"
  wait "$proxy_pid" 2>/dev/null || true
}

port_of() {
  case "$1" in wsproxy) echo "$WSPROXY_PORT" ;; nginx) echo "$NGINX_PORT" ;; nginx2) echo "$NGINX2_PORT" ;; baseline) echo "$BASELINE_PORT" ;; esac
}

field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<<"$2"; }

# The proxies run side by side (idle ones cost nothing) and take turns on every scenario, ROUNDS times, so that
# load from elsewhere on the machine hits them alike; each column is the median of its rounds. The order reverses
# from round to round: the first turn of a scenario is the one that meets what the previous
# scenario left behind (the load generator's and the echo backend's new code paths), and it always fell to wsproxy.
in_turn() {
  local round=$1
  shift
  if [ $((round % 2)) = 1 ]; then echo "$@"; else printf '%s\n' "$@" | tac | xargs; fi
}
declare -A pid_of
# The warm-up also opens WARMUP_CONNECTIONS connections per backend, 2,000 at a time: the JIT compiles the code a
# connection runs once (accept, handshake, backend connect) only after thousands of connections, and without this
# that compiling landed in the measured windows (1.5 s of the proxy's CPU in one 8 s window, perf sched). And it
# sends every message size the scenarios use: the first round of a new size otherwise met the shared echo
# backend's compiling of that size's code, and the proxy that went first in that round took a 50 ms stall.
sizes=$(for scenario in $SCENARIOS; do bytes=${scenario#*x}; echo "${bytes%@*}"; done | sort -un)
for proxy in $PROXIES; do
  "start_$proxy"
  pid_of[$proxy]=$proxy_pid
  for _ in $(seq 1 $((WARMUP_CONNECTIONS / 2000))); do
    for backend in $BACKENDS; do
      load rtt "ws://127.0.0.1:$(port_of $proxy)/$backend/" 2000 64 0 0 >/dev/null
    done
  done
  for backend in $BACKENDS; do
    for bytes in $sizes; do
      load rtt "ws://127.0.0.1:$(port_of $proxy)/$backend/" 100 "$bytes" 0 "$WARMUP_PROXY" >/dev/null
    done
  done
done

# The second table compares every other proxy with nginx.
others=()
if [[ " $PROXIES " == *" nginx "* ]]; then
  for proxy in $PROXIES; do [ "$proxy" = nginx ] || others+=("$proxy"); done
fi
ratios=()
row() { printf '%-8s | %-7s | %5s | %6s | %6s | %9s | %7s | %7s | %11s\n' "$@"; }
row proxy backend conns bytes load "msg/s" "p50 µs" "p99 µs" "CPU µs/msg"
printf '%s\n' "---------|---------|-------|--------|--------|-----------|---------|---------|------------"
for backend in $BACKENDS; do
  for scenario in $SCENARIOS; do
    set -- ${scenario/x/ }
    rate="${2#*@}"
    set -- "$1" "${2%@*}"
    if [ "$rate" = "$2" ]; then mode=rtt rate=closed pace=(); else mode=paced pace=("$rate"); fi
    declare -A rates=() p50s=() p99s=() cpus=()
    for round in $(seq 1 "$ROUNDS"); do
      for proxy in $(in_turn "$round" $PROXIES); do
        # The echo backend serves every proxy; a young collection of its (38 ms) inside one proxy's window
        # charged that proxy with the pause. Collecting before each turn keeps its pauses out of the windows.
        jcmd "$echo_pid" GC.run >/dev/null
        watched=$(echo "${pid_of[$proxy]}" $(pgrep -P "${pid_of[$proxy]}" || true) | tr ' ' ,)
        result=$(load "$mode" "ws://127.0.0.1:$(port_of $proxy)/$backend/" "$1" "$2" "$WARMUP" "$DURATION" \
          "$watched" "${pace[@]}")
        cpu=$(awk -v t="$(field cpu_ticks "$result")" -v n="$(field messages "$result")" \
          'BEGIN { printf "%.1f", t * 1e6 / 100 / n }')
        echo "round: $proxy $backend $scenario $result cpu_us_per_msg=$cpu" >&2
        rates[$proxy]+=" $(field rate "$result")"
        p50s[$proxy]+=" $(field p50_us "$result")"
        p99s[$proxy]+=" $(field p99_us "$result")"
        cpus[$proxy]+=" $cpu"
      done
    done
    for proxy in $PROXIES; do
      row "$proxy" "$backend" "$1" "$2" "$rate" "$(median ${rates[$proxy]})" "$(median ${p50s[$proxy]})" \
        "$(median ${p99s[$proxy]})" "$(median ${cpus[$proxy]})"
    done
    line=$(printf '%-7s | %5s | %6s | %6s' "$backend" "$1" "$2" "$rate")
    for proxy in "${others[@]}"; do
      line+=$(printf ' | %11s | %11s' "$(paired_ratio "${cpus[$proxy]}" "${cpus[nginx]}")" \
        "$(paired_ratio "${p99s[$proxy]}" "${p99s[nginx]}")")
    done
    ratios+=("$line")
  done
done
# Each round ran the proxies back to back, so the ratio within a round cancels the machine's drift from minute to
# minute better than the ratio of two medians.
if [ "${#others[@]}" -gt 0 ]; then
  echo
  echo "each proxy / nginx, the median of the rounds' ratios:"
  header=$(printf '%-7s | %5s | %6s | %6s' backend conns bytes load)
  for proxy in "${others[@]}"; do header+=$(printf ' | %11s | %11s' "$proxy CPU" "$proxy p99"); done
  printf '%s\n' "$header" "$(sed 's/[^|]/-/g' <<<"$header")" "${ratios[@]}"
fi
for proxy in $PROXIES; do
  proxy_pid=${pid_of[$proxy]}
  stop_proxy
done

[ "$IDLE" -gt 0 ] || exit 0

# fds_of PID: the open files of the process and its children (nginx's workers)
fds_of() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do total=$((total + $(ls "/proc/$pid/fd" | wc -l))); done
  echo "$total"
}

# hold_idle PORT: opens IDLE idle tunnels through the proxy on PORT and holds them until release_idle
hold_idle() {
  exec {hold}> >(load idle "ws://127.0.0.1:$1/unix/" "$IDLE" >"$work/idle.out")
  for _ in $(seq 1 600); do grep -q ready "$work/idle.out" 2>/dev/null && break; sleep 0.1; done
  grep -q ready "$work/idle.out" || { echo "idle connections did not open" >&2; exit 1; }
  sleep 1
}

# release_idle FDS: closes the held tunnels and waits until the proxy is back to about FDS open files
release_idle() {
  exec {hold}>&-
  unset hold
  for _ in $(seq 1 300); do [ "$(fds_of "$proxy_pid")" -le $(($1 + 20)) ] && break; sleep 0.1; done
  rm -f "$work/idle.out"
  sleep 1
}

# gc_of PID: the collector a JVM runs (pinned to one CPU, the JVM picks Serial; on two or more, G1)
gc_of() { jcmd "$1" VM.flags | grep -o 'Use[A-Za-z0-9]*GC' | head -n 1 | sed 's/^Use//; s/GC$//'; }

# idle_row PROXY OPTIONS: a freshly started PROXY (wsproxy with WSPROXY_JAVA_OPTS=OPTIONS) opens IDLE tunnels,
# closes them and opens IDLE again. "fresh" is the RSS growth over the first batch, which for a JVM is mostly
# young-generation pages touched for the first time; "warm" is the growth over the second, what tunnels cost
# once the heap has been touched, as on a server that has carried traffic.
idle_row() {
  WSPROXY_JAVA_OPTS="$2" "start_$1"
  sleep 1
  local rss0 rss1 rss2 rss3 fds0 threads options gc
  rss0=$(rss_kib "$proxy_pid")
  fds0=$(fds_of "$proxy_pid")
  hold_idle "$(port_of "$1")"
  rss1=$(rss_kib "$proxy_pid")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$proxy_pid/status")
  release_idle "$fds0"
  rss2=$(rss_kib "$proxy_pid")
  hold_idle "$(port_of "$1")"
  rss3=$(rss_kib "$proxy_pid")
  case "$1" in nginx*) options=- gc=- ;; *) options="${2:-default}" gc=$(gc_of "$proxy_pid") ;; esac
  release_idle "$fds0"
  idle_line "$1" "$options" "$gc" "$IDLE" "$(per_tunnel "$rss0" "$rss1")" "$(per_tunnel "$rss2" "$rss3")" \
    "$threads"
  stop_proxy
}
per_tunnel() { awk -v a="$1" -v b="$2" -v n="$IDLE" 'BEGIN { printf "%.1f", (b - a) / n }'; }
idle_line() { printf '%-8s | %-22s | %-6s | %12s | %9s | %8s | %s\n' "$@"; }

echo
echo "idle tunnels to the unix backend, KiB of RSS per tunnel; load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
idle_line proxy "JVM options" GC tunnels "KiB fresh" "KiB warm" threads
printf '%s\n' "---------|------------------------|--------|--------------|-----------|----------|--------"
for proxy in $PROXIES; do
  idle_row "$proxy" "${WSPROXY_JAVA_OPTS:-}"
  if [ "$proxy" = wsproxy ]; then
    IFS=';' read -ra variants <<<"$IDLE_JVM_OPTS"
    for options in "${variants[@]}"; do idle_row wsproxy "$options"; done
  fi
done
