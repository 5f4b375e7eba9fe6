#!/usr/bin/env bash
# Serves a 1 KiB and a 1 MiB file, and a 64 KiB script gzipped (Accept-Encoding: gzip; nginx with gzip_static
# and a pre-built app.js.gz, wsproxy with gzipAutoUpdateStatic 1) with wsproxy and with nginx (Debian's package)
# side by side, same files, same wrk parameters, each server pinned to CPU 0 and wrk to CPU 1, and prints
# requests/s and the ratio.
#   bench/static/run.sh     (DURATION=10s WARMUP=20s ROUNDS=3 CONNECTIONS=50 THREADS=1 change the load;
#                            COMPARE_JVM_OPTS="-Xmn24m" adds a second wsproxy started with those JVM options,
#                            measured in turn with the others: an A/B of JVM options in one run)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
home="$(cd "$here/../.." && pwd)"
duration="${DURATION:-10s}"
warmup="${WARMUP:-20s}"   # the JVM compiles its hot paths while it runs; nginx gets the same warm-up
rounds="${ROUNDS:-3}"     # wsproxy and nginx measured in turn, so that load from elsewhere hits both alike
connections="${CONNECTIONS:-50}"
threads="${THREADS:-1}"
server_cpu="${SERVER_CPU:-0}"
client_cpu="${CLIENT_CPU:-1}"

for tool in nginx wrk taskset java; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install -y nginx wrk)" >&2; exit 1; }
done

run="$(mktemp -d /tmp/wsproxy-bench.XXXXXX)"
chmod 755 "$run"   # nginx workers run as an unprivileged user and must read the files
nginx_pid=""
wsproxy_pids=()
cleanup() {
  for pid in "${wsproxy_pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$run"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

mkdir -p "$run/html" "$run/wsproxy/conf"
head -c 1024 /dev/urandom > "$run/html/1k.bin"
head -c 1048576 /dev/urandom > "$run/html/1m.bin"
# a script as sites ship them: varied lines that compress about 5:1
awk 'BEGIN { for (i = 0; n < 65536; i++) {
  line = sprintf("function handler%d(event, state) { return state.items[%d] + event.detail * %d; }\n", i, i % 97, i % 13)
  printf "%s", substr(line, 1, 65536 - n); n += length(line) } }' > "$run/html/app.js"
gzip -6 -n -k "$run/html/app.js"

nginx_port="$(free_port)"
sed -e "s#@ROOT@#$run/html#g" -e "s#@PORT@#$nginx_port#g" -e "s#@RUN@#$run#g" "$here/nginx.conf" > "$run/nginx.conf"
taskset -c "$server_cpu" nginx -c "$run/nginx.conf" -p "$run" -e "$run/nginx-error.log"
wait_port "$nginx_port"
nginx_pid="$(cat "$run/nginx.pid")"

if [ ! -f "$home/target/wsproxy.jar" ]; then
  (cd "$home" && mvn -B -q -DskipTests package >&2)
fi
start_wsproxy() { # name port jvm-options: a wsproxy with its server root in $run/name
  mkdir -p "$run/$1/conf"
  sed -e "s#@ROOT@#$run/html#g" -e "s#@PORT@#$2#g" "$here/httpd_config.conf" > "$run/$1/conf/httpd_config.conf"
  printf 'bin = application/octet-stream\njs = application/javascript\n' > "$run/$1/conf/mime.properties"
  # shellcheck disable=SC2086
  taskset -c "$server_cpu" java $3 -jar "$home/target/wsproxy.jar" -c "$run/$1/conf/httpd_config.conf" \
    > "$run/$1.out" 2>&1 &
  wsproxy_pids+=("$!")
  wait_port "$2"
}
wsproxy_port="$(free_port)"
start_wsproxy wsproxy "$wsproxy_port" "${WSPROXY_JAVA_OPTS:-}"
if [ -n "${COMPARE_JVM_OPTS:-}" ]; then
  compare_port="$(free_port)"
  start_wsproxy compare "$compare_port" "${WSPROXY_JAVA_OPTS:-} $COMPARE_JVM_OPTS"
fi

check() { # port path size: both servers must send the whole file with 200, or the figures mean nothing
  got="$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "http://127.0.0.1:$1$2")"
  [ "$got" = "200 $3" ] || { echo "run.sh: port $1 answered $2 with '$got', expected '200 $3'" >&2; exit 1; }
}
check_gzip() { # port path: the answer must be the file gzipped
  curl -s -H 'Accept-Encoding: gzip' -D "$run/head" -o "$run/body.gz" "http://127.0.0.1:$1$2"
  grep -qi '^content-encoding: gzip' "$run/head" && gzip -dc "$run/body.gz" | cmp -s - "$run/html$2" \
    || { echo "run.sh: port $1 did not answer $2 gzipped" >&2; cat "$run/head" >&2; exit 1; }
}
measure() { # port path [duration] -> requests/s, with $accept as Accept-Encoding; any non-2xx fails the run
  out="$(taskset -c "$client_cpu" wrk -t"$threads" -c"$connections" -d"${3:-$duration}" \
    -H "Accept-Encoding: $accept" "http://127.0.0.1:$1$2")"
  if grep -q 'Non-2xx' <<<"$out"; then echo "run.sh: non-2xx answers from port $1:" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

echo "wrk -t$threads -c$connections -d$duration after a $warmup warm-up each, $rounds alternating rounds (median); servers on CPU $server_cpu, wrk on CPU $client_cpu; $(nproc) CPUs"
ports=("$wsproxy_port" "$nginx_port" ${compare_port:+"$compare_port"})
header=$(printf '%-8s %14s %14s %8s' file "wsproxy req/s" "nginx req/s" ratio)
[ -z "${compare_port:-}" ] || header+=$(printf ' %14s %10s' "B req/s" "B/wsproxy")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)${compare_port:+; B is wsproxy with $COMPARE_JVM_OPTS}"
echo "$header"
for file in 1k.bin 1m.bin app.js; do
  for port in "${ports[@]}"; do
    if [ "$file" = app.js ]; then
      accept=gzip
      check_gzip "$port" "/$file"
    else
      accept=identity
      check "$port" "/$file" "$(stat -c %s "$run/html/$file")"
    fi
  done
  for port in "${ports[@]}"; do measure "$port" "/$file" "$warmup" > /dev/null; done
  declare -A runs=()
  for _ in $(seq 1 "$rounds"); do
    for port in "${ports[@]}"; do runs[$port]+=" $(measure "$port" "/$file")"; done
  done
  ws="$(median ${runs[$wsproxy_port]})"
  ng="$(median ${runs[$nginx_port]})"
  line=$(printf '%-8s %14s %14s %8s' "$file" "$ws" "$ng" "$(awk -v a="$ws" -v b="$ng" 'BEGIN {printf "%.2f", a / b}')")
  if [ -n "${compare_port:-}" ]; then
    line+=$(printf ' %14s %10s' "$(median ${runs[$compare_port]})" \
      "$(paired_ratio "${runs[$compare_port]}" "${runs[$wsproxy_port]}")")
  fi
  echo "$line"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
