#!/usr/bin/env bash
# Times `bin/wsproxy lint` end to end (JVM start included) on the generated 1,000-vhost config.
# Usage: bench/lint/run.sh        (needs hyperfine: apt-get install -y hyperfine)
set -euo pipefail
home="$(cd "$(dirname "$0")/../.." && pwd)"
config="$("$home/bench/lint/generate.sh" "$home/bench/lint/out")"
"$home/bin/wsproxy" --version >/dev/null   # builds the jar once, outside the timing
"$home/bin/wsproxy" lint -c "$config"        # must exit 0: the generated tree is clean
echo "files: $(find "$home/bench/lint/out" -name '*.conf' | wc -l), lines: $(cat "$home"/bench/lint/out/conf/httpd_config.conf "$home"/bench/lint/out/conf/vhosts/*/vhconf.conf | wc -l)"
cd "$home"
hyperfine --warmup 2 --runs 10 "bin/wsproxy lint -c bench/lint/out/conf/httpd_config.conf" \
  "bin/wsproxy lint -c conf-samples/conf/httpd_config.conf"
