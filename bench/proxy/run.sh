#!/usr/bin/env bash
# A proxy context in front of a fast keep-alive backend (nginx serving a 1 KiB file): wsproxy with its
# extprocessor pool (maxConns as many as the clients) against nginx with an upstream keepalive 16 pool,
# keep-alive clients. Both
# fronts pinned to CPU 0; wrk and the backend nginx to CPU 1. Prints requests/s for both and the ratio.
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
backend="$(free_port)"; ng_front="$(free_port)"; ws_front="$(free_port)"
fill() { sed -e "s#@ROOT@#$run/html#g" -e "s#@RUN@#$run#g" -e "s#@BACKEND@#$backend#g" -e "s#@FRONT@#$2#g" \
  -e "s#@NAME@#$1#g" -e "s#@MAXCONNS@#$connections#g" "$3"; }
start_nginx() { # name cpu front-port
  fill "$1" "$3" "$here/$1.conf" > "$run/$1-server.conf"
  fill "$1" "$3" "$here/nginx.conf" > "$run/$1.conf"
  taskset -c "$2" nginx -c "$run/$1.conf" -p "$run" -e "$run/$1-error.log"
  wait_port "$4"
  servers+=("$(cat "$run/$1.pid")")
}
start_nginx backend 1 - "$backend"
start_nginx front 0 "$ng_front" "$ng_front"
fill wsproxy "$ws_front" "$here/httpd_config.conf" > "$run/wsproxy/conf/httpd_config.conf"
echo "bin = application/octet-stream" > "$run/wsproxy/conf/mime.properties"
[ -f "$home/target/wsproxy.jar" ] || (cd "$home" && mvn -B -q -DskipTests package >&2)
taskset -c 0 java -jar "$home/target/wsproxy.jar" -c "$run/wsproxy/conf/httpd_config.conf" > "$run/wsproxy.out" 2>&1 &
servers+=("$!")
wait_port "$ws_front"

for p in "$backend" "$ng_front" "$ws_front"; do  # the file whole through each
  [ "$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "http://127.0.0.1:$p/1k.bin")" = "200 1024" ] \
    || { echo "run.sh: port $p does not serve /1k.bin" >&2; exit 1; }
done
rate() { # port [duration] -> requests/s of /1k.bin; any non-2xx answer fails the run
  out="$(taskset -c 1 wrk -t1 -c"$connections" -d"${2:-$duration}" "http://127.0.0.1:$1/1k.bin")"
  if grep -q 'Non-2xx' <<<"$out"; then echo "run.sh: non-2xx answers from port $1" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

echo "wrk -t1 -c$connections -d$duration after a $warmup warm-up each, $rounds alternating rounds (median); fronts on CPU 0, wrk and the backend on CPU 1; $(nproc) CPUs"
rate "$ws_front" "$warmup" > /dev/null
rate "$ng_front" "$warmup" > /dev/null
ws_runs=(); ng_runs=()
for _ in $(seq 1 "$rounds"); do
  ws_runs+=("$(rate "$ws_front")")
  ng_runs+=("$(rate "$ng_front")")
done
printf '%-22s %14s %14s %8s\n' proxy "wsproxy req/s" "nginx req/s" ratio
printf '%-22s %14s %14s %8s\n' "1 KiB, keep-alive" "$(median "${ws_runs[@]}")" "$(median "${ng_runs[@]}")" \
  "$(paired_ratio "${ws_runs[*]}" "${ng_runs[*]}")"
