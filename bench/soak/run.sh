#!/usr/bin/env bash
# Soak: paced normal clients (NormalLoad: keep-alive GETs of a 1 KiB file, latency from each request's scheduled
# time) alone, then for DURATION beside hostile ones at once (Attackers: slowloris heads, clients that never read
# a 32 MiB file, malformed requests), then alone again: on a shared machine the load can change in between. wsproxy runs on CPU 0, the clients on CPU 1. Prints the normal
# clients' p50/p99/max in both runs, and wsproxy's RSS, descriptors and error-log size sampled every 10 s.
#   bench/soak/run.sh     (DURATION=600 seconds of attack, QUIET=60 seconds alone before and after; SLOWLORIS=50 NONREADERS=20,
#                          CONNECTIONS=20 RATE=1000 requests/s in all; WSPROXY_HOME=checkout whose jar to run,
#                          WSPROXY_JAVA_OPTS=its JVM options; KEEP=1 keeps the logs: slow requests, stalls, GC)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
home="${WSPROXY_HOME:-$(cd "$here/../.." && pwd)}"
duration="${DURATION:-600}"
quiet="${QUIET:-60}"
slowloris="${SLOWLORIS:-50}"
nonreaders="${NONREADERS:-20}"
connections="${CONNECTIONS:-20}"
rate="${RATE:-1000}"
slow_ms="${SLOW_MS:-100}" # NormalLoad logs every request slower than this, with its connection

need_tools java javac taskset python3
[ "$(nproc)" -ge 2 ] || { echo "run.sh: needs 2 CPUs, one for wsproxy and one for the clients" >&2; exit 1; }

run="$(mktemp -d /tmp/wsproxy-soak.XXXXXX)"
wsproxy_pid=""
attackers_pid=""
cleanup() {
  [ -n "$attackers_pid" ] && kill "$attackers_pid" 2>/dev/null || true
  [ -n "$wsproxy_pid" ] && kill "$wsproxy_pid" 2>/dev/null && wait "$wsproxy_pid" 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "run directory kept: $run" || rm -rf "$run"
}
trap cleanup EXIT

port="$(free_port)"
mkdir -p "$run/html" "$run/conf" "$run/classes"
head -c 1024 /dev/urandom > "$run/html/1k.bin"
head -c 33554432 /dev/zero > "$run/html/large.bin"
sed -e "s#@ROOT@#$run/html#g" -e "s#@PORT@#$port#g" "$here/httpd_config.conf" > "$run/conf/httpd_config.conf"
echo "bin = application/octet-stream" > "$run/conf/mime.properties"
if [ ! -f "$home/target/wsproxy.jar" ]; then
  (cd "$home" && mvn -B -q -DskipTests package >&2)
fi
javac -d "$run/classes" "$here/NormalLoad.java" "$here/Attackers.java" "$here/Hiccups.java"
# shellcheck disable=SC2086 # the options are words
taskset -c 0 java ${WSPROXY_JAVA_OPTS:-} "-Xlog:gc,safepoint:file=$run/gc.log:time" -jar "$home/target/wsproxy.jar" -c "$run/conf/httpd_config.conf" > "$run/wsproxy.out" 2>&1 &
wsproxy_pid=$!
wait_port "$port"

normal() { # seconds name -> NormalLoad's summary line after 10 s not counted, then how late each CPU woke meanwhile;
           # the slow requests go to $run/name.log, the stalls of CPU N to $run/name.cpuN.log
  local cpu
  for cpu in 0 1; do
    (sleep 10; taskset -c "$cpu" java -cp "$run/classes" Hiccups "$1" "$slow_ms" "$run/$2.cpu$cpu.log" > "$run/$2.cpu$cpu") &
  done
  taskset -c 1 java -cp "$run/classes" NormalLoad "$port" /1k.bin "$connections" "$rate" 10 "$1" "$slow_ms" "$run/$2.log"
  wait
  for cpu in 0 1; do echo "    CPU $cpu meanwhile: $(cat "$run/$2.cpu$cpu")"; done
}
sample() { # time rss_kib fds error_log_bytes
  echo "$1 $(awk '/VmRSS/ {print $2}' "/proc/$wsproxy_pid/status") $(ls "/proc/$wsproxy_pid/fd" | wc -l) \
$(stat -c %s "$run/logs/error.log" 2>/dev/null || echo 0)"
}
field() { head -n 1 <<< "$2" | awk -v name="$1" '{ for (i = 1; i < NF; i++) if ($i == name) { print $(i + 1); exit } }'; }
ratio() { awk -v a="$(field "$1" "$3")" -v q="$(field "$1" "$2")" 'BEGIN { printf "%.2f", a / q }'; }

quiet_line="$(normal "$quiet" quiet)"
quiet_load="$(cut -d' ' -f1-3 < /proc/loadavg)"

# the attack starts 5 s before the normal clients and outlasts their 10 s not counted and DURATION by 5 s
taskset -c 1 java -cp "$run/classes" Attackers "$port" "$slowloris" "$nonreaders" /large.bin $((duration + 20)) \
  > "$run/attackers.out" &
attackers_pid=$!
sleep 5
samples=("$(sample 0)")
start=$SECONDS
normal "$duration" attack > "$run/attack.out" &
normal_pid=$!
while kill -0 "$normal_pid" 2>/dev/null; do
  sleep 10
  samples+=("$(sample $((SECONDS - start)))")
done
attack_line="$(cat "$run/attack.out")"
attack_load="$(cut -d' ' -f1-3 < /proc/loadavg)"
wait "$attackers_pid" || true
attackers_pid=""
after_line="$(normal "$quiet" after)"
after_load="$(cut -d' ' -f1-3 < /proc/loadavg)"

echo "soak: ${duration} s of attack (slowloris $slowloris, non-readers $nonreaders, malformed 1 loop) beside" \
  "$connections keep-alive clients at $rate requests/s in all; wsproxy on CPU 0, clients on CPU 1 of $(nproc)"
echo "alone before:  $quiet_line"
echo "under attack:  $attack_line"
echo "alone after:   $after_line"
echo "attack/alone before: p99 $(ratio p99 "$quiet_line" "$attack_line"), median 10 s p99" \
  "$(ratio median "$quiet_line" "$attack_line"); attack/alone after: p99 $(ratio p99 "$after_line" "$attack_line")," \
  "median 10 s p99 $(ratio median "$after_line" "$attack_line")"
echo "load average (1, 5, 15 min) at the end of each: $quiet_load; $attack_load; $after_load"
cat "$run/attackers.out"
echo "seconds  rss_kib  fds  error_log_bytes"
printf '%s\n' "${samples[@]}" | awk '{ printf "%7s %8s %4s %16s\n", $1, $2, $3, $4 }'
echo "the error log's last lines:"
tail -n 8 "$run/logs/error.log" 2>/dev/null
