#!/usr/bin/env bash
# A proxy context in front of a fast keep-alive backend (nginx serving a 1 KiB file): wsproxy with its
# extprocessor pool (maxConns as many as the clients) against nginx with an upstream keepalive 16 pool, and a
# second identical nginx front (nginx2) to show how far two equal servers differ on this machine; keep-alive
# clients. The fronts pinned to CPU 0; wrk and the backend nginx to CPU 1. Prints requests/s, the ratios to
# nginx, the CPU time each front spent per request, and the load average before and after.
#   bench/proxy/run.sh     (DURATION=10s WARMUP=20s ROUNDS=3 CONNECTIONS=50 change the load)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
home="$(cd "$here/../.." && pwd)"
duration="${DURATION:-10s}"
warmup="${WARMUP:-20s}"
rounds="${ROUNDS:-3}"
connections="${CONNECTIONS:-50}"

need_tools nginx wrk taskset java curl

run="$(mktemp -d /tmp/wsproxy-bench-proxy.XXXXXX)"
chmod 755 "$run"   # nginx's workers read the files as another user
servers=()         # the pids this script started, stopped at exit
trap 'for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$run"' EXIT

mkdir -p "$run/html" "$run/wsproxy/conf"
head -c 1024 /dev/urandom > "$run/html/1k.bin"
{ read -r backend; read -r ng_front; read -r ng2_front; read -r ws_front; } < <(free_ports 4)
fill() { sed -e "s#@ROOT@#$run/html#g" -e "s#@RUN@#$run#g" -e "s#@BACKEND@#$backend#g" -e "s#@FRONT@#$2#g" \
  -e "s#@NAME@#$1#g" -e "s#@MAXCONNS@#$connections#g" "$3"; }
start_nginx() { # name server-conf cpu front-port port-to-wait-for
  fill "$1" "$4" "$here/$2.conf" > "$run/$1-server.conf"
  fill "$1" "$4" "$here/nginx.conf" > "$run/$1.conf"
  taskset -c "$3" nginx -c "$run/$1.conf" -p "$run" -e "$run/$1-error.log"
  wait_port "$5"
  servers+=("$(cat "$run/$1.pid")")
}
start_nginx backend backend 1 - "$backend"
start_nginx front front 0 "$ng_front" "$ng_front"
start_nginx front2 front 0 "$ng2_front" "$ng2_front"
fill wsproxy "$ws_front" "$here/httpd_config.conf" > "$run/wsproxy/conf/httpd_config.conf"
echo "bin = application/octet-stream" > "$run/wsproxy/conf/mime.properties"
[ -f "$home/target/wsproxy.jar" ] || (cd "$home" && mvn -B -q -DskipTests package >&2)
taskset -c 0 java -jar "$home/target/wsproxy.jar" -c "$run/wsproxy/conf/httpd_config.conf" > "$run/wsproxy.out" 2>&1 &
ws_pid="$!"
servers+=("$ws_pid")
wait_port "$ws_front"

for p in "$backend" "$ng_front" "$ng2_front" "$ws_front"; do  # the file whole through each
  [ "$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "http://127.0.0.1:$p/1k.bin")" = "200 1024" ] \
    || { echo "run.sh: port $p does not serve /1k.bin" >&2; exit 1; }
done
# the pids whose CPU time counts for a front: wsproxy's JVM, or an nginx master and its worker
front_pids() { if [ "$1" = wsproxy ]; then echo "$ws_pid"; else m="$(cat "$run/$1.pid")"; echo "$m" $(pgrep -P "$m"); fi; }
cpu_ticks() { # pid... -> their user + system CPU time so far, in clock ticks
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$total"
}
measure() { # front port [duration] -> "requests/s CPU-µs-per-request"; any non-2xx answer fails the run
  local pids before out
  pids="$(front_pids "$1")"
  before="$(cpu_ticks $pids)"
  out="$(taskset -c 1 wrk -t1 -c"$connections" -d"${3:-$duration}" "http://127.0.0.1:$2/1k.bin")"
  if grep -q 'Non-2xx' <<<"$out"; then echo "run.sh: non-2xx answers from $1" >&2; exit 1; fi
  awk -v ticks="$(( $(cpu_ticks $pids) - before ))" -v hz="$(getconf CLK_TCK)" '
    /requests in/ {requests = $1} /Requests\/sec/ {rps = $2}
    END {printf "%s %.0f\n", rps, ticks / hz * 1e6 / requests}' <<<"$out"
}

echo "wrk -t1 -c$connections -d$duration after a $warmup warm-up each, $rounds alternating rounds (median); fronts on CPU 0, wrk and the backend on CPU 1; $(nproc) CPUs"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure wsproxy "$ws_front" "$warmup" > /dev/null
measure front "$ng_front" "$warmup" > /dev/null
measure front2 "$ng2_front" "$warmup" > /dev/null
ws_runs=(); ng_runs=(); ng2_runs=(); ws_cpu=(); ng_cpu=(); ng2_cpu=()
for _ in $(seq 1 "$rounds"); do
  read -r r c < <(measure wsproxy "$ws_front"); ws_runs+=("$r"); ws_cpu+=("$c")
  read -r r c < <(measure front "$ng_front"); ng_runs+=("$r"); ng_cpu+=("$c")
  read -r r c < <(measure front2 "$ng2_front"); ng2_runs+=("$r"); ng2_cpu+=("$c")
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %14s %14s %14s %10s %10s\n' proxy "wsproxy req/s" "nginx req/s" "nginx2 req/s" "ws/nginx" "ng2/nginx"
printf '%-22s %14s %14s %14s %10s %10s\n' "1 KiB, keep-alive" "$(median "${ws_runs[@]}")" "$(median "${ng_runs[@]}")" \
  "$(median "${ng2_runs[@]}")" "$(paired_ratio "${ws_runs[*]}" "${ng_runs[*]}")" \
  "$(paired_ratio "${ng2_runs[*]}" "${ng_runs[*]}")"
printf '%-22s %14s %14s %14s\n' "CPU µs per request" "$(median "${ws_cpu[@]}")" "$(median "${ng_cpu[@]}")" \
  "$(median "${ng2_cpu[@]}")"
