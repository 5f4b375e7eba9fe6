#!/usr/bin/env bash
# wsproxy (BoringSSL, its default) and wsproxy on JSSE (-Dwsproxy.tls=jsse) against nginx in one run, same
# certificate, same WebSocket echo backend, same clients, loopback; a second, identical nginx ("nginx2") shows the
# spread two equal servers measure on this machine:
#   1. new TLS 1.3 handshakes per second (openssl s_time -new), server CPU and context switches per handshake;
#   2. resumed TLS 1.3 handshakes (openssl s_time -reuse, each connection asks GET / so that the ticket arrives);
#   3. wss echo of 64-byte messages (closed loop): messages per second and server CPU per message.
# Usage: bench/tls/run.sh   environment: SECONDS_PER_RUN (10), WARMUP_SECONDS (15; the JVM's JIT needs it),
#                           CONNECTIONS (4), KEY (ec | rsa),
#                           BASELINE_JAR=path/wsproxy.jar: measures that build too ("baseline"), in the same run
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
home="$(cd "$here/../.." && pwd)"
seconds="${SECONDS_PER_RUN:-10}"
warmup="${WARMUP_SECONDS:-15}"
connections="${CONNECTIONS:-4}"
key_type="${KEY:-ec}"
wsproxy_port="${WSPROXY_PORT:-18443}"
nginx_port="${NGINX_PORT:-18444}"
echo_port="${ECHO_PORT:-18445}"
jsse_port="${JSSE_PORT:-18446}"
nginx2_port="${NGINX2_PORT:-18447}"
baseline_port="${BASELINE_PORT:-18448}"
baseline_jar="${BASELINE_JAR:-}"
[ -z "$baseline_jar" ] || [ -f "$baseline_jar" ] || { echo "BASELINE_JAR: no such file: $baseline_jar" >&2; exit 2; }
ticks="$(getconf CLK_TCK)"
command -v nginx >/dev/null && command -v openssl >/dev/null || {
  echo "needs nginx and openssl: apt-get install -y nginx openssl" >&2; exit 2; }

work="$(mktemp -d /tmp/wsproxy-bench-tls.XXXXXX)"
started=()
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for_port() { wait_port "$1" || { echo "logs:" >&2; tail -n 5 "$work"/logs/*.out >&2; exit 1; }; }

cpu_ticks() { # user + system ticks of the given processes
  local total=0 pid fields
  for pid in "$@"; do
    read -r -a fields <<<"$(sed 's/^.*) //' "/proc/$pid/stat")"
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

context_switches() { # voluntary + involuntary context switches of every thread of the given processes
  local pid
  for pid in "$@"; do cat /proc/"$pid"/task/*/status 2>/dev/null; done |
    awk '/^(non)?voluntary_ctxt_switches:/ { total += $2 } END { print total + 0 }'
}

mkdir -p "$work/conf" "$work/logs" "$work/bench/html"
case "$key_type" in
  ec) key_spec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1) ;;
  rsa) key_spec=(-newkey rsa:2048) ;;
  *) echo "KEY must be ec or rsa" >&2; exit 2 ;;
esac
openssl req -x509 "${key_spec[@]}" -nodes -days 30 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" \
  -keyout "$work/conf/key.pem" -out "$work/conf/cert.pem" 2>/dev/null
echo "html = text/html" >"$work/conf/mime.properties"
echo "bench" >"$work/bench/html/index.html"

cat >"$work/conf/httpd_config.conf" <<CONF
serverName bench
mime conf/mime.properties
errorlog logs/error.log {
  logLevel ERROR
}
accesslog logs/access.log {
}
virtualhost bench {
  vhRoot bench/
  docRoot \$VH_ROOT/html/
  vhDomain localhost
  websocket /echo/ {
    address 127.0.0.1:$echo_port
  }
}
listener tls {
  address 127.0.0.1:$wsproxy_port
  secure 1
  keyFile conf/key.pem
  certFile conf/cert.pem
  map bench *
}
CONF

# two workers: the same as wsproxy's two I/O threads on this 2-core machine
nginx_conf() { # name port: an nginx of its own directory
  local dir="$work/$1"
  mkdir -p "$dir"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log error;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  server {
    # http2 as wsproxy's listener offers h2 by default (enableSpdy unset), so that both do the ALPN work
    listen 127.0.0.1:$2 ssl http2;
    server_name localhost;
    ssl_certificate $work/conf/cert.pem;
    ssl_certificate_key $work/conf/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    location /echo/ {
      proxy_pass http://127.0.0.1:$echo_port;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_read_timeout 1h;
    }
  }
}
CONF
}
nginx_conf nginx "$nginx_port"
nginx_conf nginx2 "$nginx2_port"

"$home/bin/wsproxy" --version >/dev/null # builds target/wsproxy.jar once, before two copies start
"$home/bin/wsproxy" echo --listen "127.0.0.1:$echo_port" >"$work/logs/echo.out" 2>&1 &
started+=($!)
"$home/bin/wsproxy" -c "$work/conf/httpd_config.conf" >"$work/logs/wsproxy.out" 2>&1 &
wsproxy_pid=$!
started+=("$wsproxy_pid")
sed -e "s/:$wsproxy_port\$/:$jsse_port/" -e "s#logs/#logs/jsse-#" "$work/conf/httpd_config.conf" >"$work/conf/jsse.conf"
WSPROXY_JAVA_OPTS="-Dwsproxy.tls=jsse" "$home/bin/wsproxy" -c "$work/conf/jsse.conf" >"$work/logs/jsse.out" 2>&1 &
jsse_pid=$!
started+=("$jsse_pid")
if [ -n "$baseline_jar" ]; then
  sed -e "s/:$wsproxy_port\$/:$baseline_port/" -e "s#logs/#logs/baseline-#" "$work/conf/httpd_config.conf" \
    >"$work/conf/baseline.conf"
  _JAVA_SR_SIGNUM=40 java -XX:AutoBoxCacheMax=65536 -jar "$baseline_jar" -c "$work/conf/baseline.conf" \
    >"$work/logs/baseline.out" 2>&1 &
  baseline_pid=$!
  started+=("$baseline_pid")
fi
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
started+=("$nginx_pid")
nginx -p "$work/nginx2" -c "$work/nginx2/nginx.conf" &
nginx2_pid=$!
started+=("$nginx2_pid")
wait_for_port "$echo_port"; wait_for_port "$wsproxy_port"; wait_for_port "$jsse_port"; wait_for_port "$nginx_port"
wait_for_port "$nginx2_port"
[ -z "$baseline_jar" ] || wait_for_port "$baseline_port"
nginx_pids=("$nginx_pid" $(pgrep -P "$nginx_pid"))
nginx2_pids=("$nginx2_pid" $(pgrep -P "$nginx2_pid"))
# name port pids...: every server measured, in the order of the tables
servers=("nginx $nginx_port ${nginx_pids[*]}" "nginx2 $nginx2_port ${nginx2_pids[*]}" "wsproxy $wsproxy_port $wsproxy_pid"
  "jsse $jsse_port $jsse_pid")
[ -z "$baseline_jar" ] || servers+=("baseline $baseline_port $baseline_pid")

handshakes() { # -new|-reuse port pids... -> "rate cpu_us switches"
  local mode="$1" port="$2"; shift 2
  local request=()
  [ "$mode" = -reuse ] && request=(-www /)
  openssl s_time -connect "127.0.0.1:$port" "$mode" "${request[@]}" -time "$warmup" >/dev/null 2>&1 || true # warm-up
  local before after switched out count real
  before="$(cpu_ticks "$@")"
  switched="$(context_switches "$@")"
  out="$(openssl s_time -connect "127.0.0.1:$port" "$mode" "${request[@]}" -time "$seconds" 2>&1)"
  after="$(cpu_ticks "$@")"
  switched=$(($(context_switches "$@") - switched))
  # "N connections in T real seconds, ..." (T is whole seconds of wall time)
  read -r count real <<<"$(sed -n 's/^\([0-9]*\) connections in \([0-9]*\) real seconds.*/\1 \2/p' <<<"$out" | head -1)"
  [ -n "${count:-}" ] && [ "$count" -gt 0 ] || { echo "s_time failed: $out" >&2; exit 1; }
  awk -v n="$count" -v s="$real" -v t=$((after - before)) -v hz="$ticks" -v cs="$switched" \
    'BEGIN { printf "%10.0f %22.0f %20.1f\n", n / s, t * 1e6 / hz / n, cs / n }'
}

wss() { # port pids... -> "rate cpu_us"
  local port="$1"; shift
  local out
  out="$(java "$here/WssEcho.java" "wss://localhost:$port/echo/" "$work/conf/cert.pem" "$connections" 64 "$warmup" "$seconds" \
    "$ticks" "$@")"
  sed -n 's/^messages=[0-9]* rate=\([0-9]*\) cpu_us_per_msg=\([0-9.]*\)$/\1 \2/p' <<<"$out" | awk '{ printf "%10.0f %22.1f\n", $1, $2 }'
}

echo "wsproxy $(git -C "$home" rev-parse --short HEAD 2>/dev/null || echo '?') vs $(nginx -v 2>&1 | sed 's/^nginx version: //'),"\
     "$(openssl version | cut -d' ' -f1-2), $(java -version 2>&1 | head -1), $(nproc) cores, key $key_type,"\
     "${warmup}s warm-up + ${seconds}s per run, load average $(cut -d' ' -f1 /proc/loadavg) at start"
echo
for mode in -new -reuse; do
  case "$mode" in
    -new) echo "new TLS 1.3 handshakes (openssl s_time -new, one client)" ;;
    -reuse) echo "resumed TLS 1.3 handshakes with GET / (openssl s_time -reuse -www /, one client)" ;;
  esac
  printf "%-8s %10s %22s %20s\n" server "per second" "server CPU us/handshake" "ctx switches/hs"
  for server in "${servers[@]}"; do
    read -r -a fields <<<"$server"
    printf "%-8s %s  (load %s)\n" "${fields[0]}" "$(handshakes "$mode" "${fields[@]:1}")" "$(cut -d' ' -f1 /proc/loadavg)"
  done
  echo
done
echo "wss echo, 64-byte messages, $connections connections in a closed loop"
printf "%-8s %10s %22s\n" server "msgs/s" "server CPU us/message"
for server in "${servers[@]}"; do
  read -r -a fields <<<"$server"
  printf "%-8s %s  (load %s)\n" "${fields[0]}" "$(wss "${fields[@]:1}")" "$(cut -d' ' -f1 /proc/loadavg)"
done
