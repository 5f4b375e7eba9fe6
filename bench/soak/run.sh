#!/usr/bin/env bash
# Soak: normal clients (wrk, keep-alive GETs of a 1 KiB file) first alone, then for DURATION beside hostile ones
# at once: slowloris heads, clients that never read a 32 MiB file, and malformed requests (smuggling lengths,
# codings, bad chunk sizes, TRACE). Prints the normal clients' p99 in both runs, and wsproxy's RSS, descriptors
# and error-log size sampled every 10 s.
#   bench/soak/run.sh     (DURATION=600 seconds of attack, QUIET=60 seconds alone; SLOWLORIS=50 NONREADERS=20)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
home="$(cd "$here/../.." && pwd)"
duration="${DURATION:-600}"
quiet="${QUIET:-60}"
slowloris="${SLOWLORIS:-50}"
nonreaders="${NONREADERS:-20}"

for tool in wrk java python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install -y wrk)" >&2; exit 1; }
done

run="$(mktemp -d /tmp/wsproxy-soak.XXXXXX)"
wsproxy_pid=""
attackers=()
cleanup() {
  for pid in "${attackers[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$wsproxy_pid" ] && kill "$wsproxy_pid" 2>/dev/null && wait "$wsproxy_pid" 2>/dev/null || true
  rm -rf "$run"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
mkdir -p "$run/html" "$run/conf"
head -c 1024 /dev/urandom > "$run/html/1k.bin"
head -c 33554432 /dev/zero > "$run/html/large.bin"
sed -e "s#@ROOT@#$run/html#g" -e "s#@PORT@#$port#g" "$here/httpd_config.conf" > "$run/conf/httpd_config.conf"
echo "bin = application/octet-stream" > "$run/conf/mime.properties"
if [ ! -f "$home/target/wsproxy.jar" ]; then
  (cd "$home" && mvn -B -q -DskipTests package >&2)
fi
java -jar "$home/target/wsproxy.jar" -c "$run/conf/httpd_config.conf" > "$run/wsproxy.out" 2>&1 &
wsproxy_pid=$!
wait_port "$port"

p99() { # seconds -> the normal clients' p99 latency in ms over that long
  wrk -t1 -c20 -d"$1"s --latency "http://127.0.0.1:$port/1k.bin" \
    | awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
                         else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'
}
sample() { # time rss_kib fds error_log_bytes
  echo "$1 $(awk '/VmRSS/ {print $2}' "/proc/$wsproxy_pid/status") $(ls "/proc/$wsproxy_pid/fd" | wc -l) \
$(stat -c %s "$run/logs/error.log" 2>/dev/null || echo 0)"
}

wrk -t1 -c20 -d10s "http://127.0.0.1:$port/1k.bin" > /dev/null   # warm-up: the JVM compiles its hot paths
quiet_p99="$(p99 "$quiet")"

slow() { # one slowloris connection after another: a head that never ends, a byte every 2 s
  trap '' PIPE # a write to a connection the server closed must fail, not end the loop
  while true; do
    { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || { sleep 1; continue; }
    printf 'GET / HTTP/1.1\r\nHost: soak\r\n' >&3 2>/dev/null || true
    while printf 'X' >&3 2>/dev/null; do sleep 2; done
    exec 3>&-
  done
}
nonreader() { # asks for 32 MiB and reads nothing until the server gives up on it
  trap '' PIPE # a write to a connection the server closed must fail, not end the loop
  while true; do
    { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || { sleep 1; continue; }
    printf 'GET /large.bin HTTP/1.1\r\nHost: soak\r\n\r\n' >&3 2>/dev/null || true
    sleep 15
    exec 3>&-
  done
}
malformed() { # one malformed request after another, each on its own connection
  trap '' PIPE # a write to a connection the server closed must fail, not end the loop
  local requests=(
    'POST / HTTP/1.1\r\nHost: soak\r\nContent-Length: 18446744073709551621\r\n\r\nhello'
    'POST / HTTP/1.1\r\nHost: soak\r\nTransfer-Encoding: chunked, identity\r\n\r\n5\r\nhello\r\n0\r\n\r\n'
    'POST / HTTP/1.1\r\nHost: soak\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n'
    'TRACE / HTTP/1.1\r\nHost: soak\r\n\r\n'
    'GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: soak\r\n\r\n'
  )
  while true; do
    for request in "${requests[@]}"; do
      { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || { sleep 1; continue; }
      printf '%b' "$request" >&3 2>/dev/null || true
      if [ -n "$(timeout 2 head -c 1 <&3 2>/dev/null)" ]; then echo >> "$run/malformed.answered"; fi
      exec 3>&-
      sleep 0.05
    done
  done
}

for _ in $(seq 1 "$slowloris"); do slow & attackers+=($!); done
for _ in $(seq 1 "$nonreaders"); do nonreader & attackers+=($!); done
malformed & attackers+=($!)
sleep 5
samples=("$(sample 0)")
start=$SECONDS
p99_file="$run/p99"
( p99 "$duration" > "$p99_file" ) &
wrk_pid=$!
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep 10
  samples+=("$(sample $((SECONDS - start)))")
done
attack_p99="$(cat "$p99_file")"

echo "soak: ${duration} s of attack (slowloris $slowloris, non-readers $nonreaders, malformed 1 loop) beside wrk -t1 -c20; $(nproc) CPUs"
echo "normal clients' p99: ${quiet_p99} ms alone (${quiet} s), ${attack_p99} ms under attack;" \
  "ratio $(awk -v a="$attack_p99" -v q="$quiet_p99" 'BEGIN { printf "%.2f", a / q }')"
echo "malformed requests answered: $(wc -l < "$run/malformed.answered" 2>/dev/null || echo 0)"
echo "seconds  rss_kib  fds  error_log_bytes"
printf '%s\n' "${samples[@]}" | awk '{ printf "%7s %8s %4s %16s\n", $1, $2, $3, $4 }'
echo "the error log's last lines:"
tail -n 8 "$run/logs/error.log" 2>/dev/null
