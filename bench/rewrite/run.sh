#!/usr/bin/env bash
# A 1 KiB static file through no rewrite rules and through a typical 20-rule set (none fires for it; the SPA
# fallback stats it), with wsproxy and with nginx running the same rules as rewrite/return/try_files. Each
# server pinned to CPU 0, wrk to CPU 1; prints requests/s for the four and the ratios.
#   bench/rewrite/run.sh     (DURATION=10s WARMUP=20s ROUNDS=3 CONNECTIONS=50 change the load)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
home="$(cd "$here/../.." && pwd)"
duration="${DURATION:-10s}"
warmup="${WARMUP:-20s}"
rounds="${ROUNDS:-3}"
connections="${CONNECTIONS:-50}"

for tool in nginx wrk taskset java curl; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install -y nginx wrk)" >&2; exit 1; }
done

run="$(mktemp -d /tmp/wsproxy-bench-rewrite.XXXXXX)"
chmod 755 "$run"   # nginx's workers read the files as another user
servers=()         # the pids this script started, stopped at exit
trap 'for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$run"' EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

mkdir -p "$run/html" "$run/wsproxy/conf"
head -c 1024 /dev/urandom > "$run/html/1k.bin"
echo app > "$run/html/index.html"
ng_plain="$(port)"; ng_rules="$(port)"; ws_plain="$(port)"; ws_rules="$(port)"
fill() { sed -e "s#@ROOT@#$run/html#g" -e "s#@RUN@#$run#g" -e "s#@PLAIN@#$1#g" -e "s#@RULES@#$2#g" "$3"; }
fill "$ng_plain" "$ng_rules" "$here/nginx.conf" > "$run/nginx.conf"
taskset -c 0 nginx -c "$run/nginx.conf" -p "$run" -e "$run/nginx-error.log"
wait_port "$ng_rules"
servers+=("$(cat "$run/nginx.pid")")
fill "$ws_plain" "$ws_rules" "$here/httpd_config.conf" > "$run/wsproxy/conf/httpd_config.conf"
echo "bin = application/octet-stream" > "$run/wsproxy/conf/mime.properties"
[ -f "$home/target/wsproxy.jar" ] || (cd "$home" && mvn -B -q -DskipTests package >&2)
taskset -c 0 java -jar "$home/target/wsproxy.jar" -c "$run/wsproxy/conf/httpd_config.conf" > "$run/wsproxy.out" 2>&1 &
servers+=("$!")
wait_port "$ws_rules"

for p in "$ng_plain" "$ng_rules" "$ws_plain" "$ws_rules"; do  # the file whole, and the rules really on
  [ "$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "http://127.0.0.1:$p/1k.bin")" = "200 1024" ] \
    || { echo "run.sh: port $p does not serve /1k.bin" >&2; exit 1; }
done
for p in "$ng_rules" "$ws_rules"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/old-7/x")" = "301" ] \
    || { echo "run.sh: port $p does not run the rules" >&2; exit 1; }
done
rate() { # port [duration] -> requests/s of /1k.bin; any non-2xx answer fails the run
  out="$(taskset -c 1 wrk -t1 -c"$connections" -d"${2:-$duration}" "http://127.0.0.1:$1/1k.bin")"
  if grep -q 'Non-2xx' <<<"$out"; then echo "run.sh: non-2xx answers from port $1" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

echo "wrk -t1 -c$connections -d$duration after a $warmup warm-up each, $rounds alternating rounds (median); servers on CPU 0, wrk on CPU 1; $(nproc) CPUs"
printf '%-9s %14s %14s %8s\n' rules "wsproxy req/s" "nginx req/s" ratio
for pair in "none $ws_plain $ng_plain" "20 $ws_rules $ng_rules"; do
  read -r name ws_port ng_port <<<"$pair"
  rate "$ws_port" "$warmup" > /dev/null
  rate "$ng_port" "$warmup" > /dev/null
  ws_runs=(); ng_runs=()
  for _ in $(seq 1 "$rounds"); do
    ws_runs+=("$(rate "$ws_port")")
    ng_runs+=("$(rate "$ng_port")")
  done
  printf '%-9s %14s %14s %8s\n' "$name" "$(median "${ws_runs[@]}")" "$(median "${ng_runs[@]}")" \
    "$(paired_ratio "${ws_runs[*]}" "${ng_runs[*]}")"
done
