#!/usr/bin/env bash
# Writes an OLS config tree of VHOSTS vhosts (default 1000), each with its own vhconf.conf holding
# 10 contexts and 5 websocket blocks, into DIR (default bench/lint/out). Every path it names exists,
# so the tree lints clean with filesystem checks on.
set -euo pipefail
dir="${1:-$(dirname "$0")/out}"
vhosts="${VHOSTS:-1000}"
rm -rf "$dir"
mkdir -p "$dir/conf/vhosts" "$dir/sites"
printf 'html = text/html\ncss = text/css\njs = text/javascript\ndefault = application/octet-stream\n' > "$dir/conf/mime.properties"
main="$dir/conf/httpd_config.conf"
{
  echo "serverName bench"
  echo "mime conf/mime.properties"
  echo "tuning {"
  echo "  maxConnections 10000"
  echo "}"
} > "$main"
maps=""
for ((v = 1; v <= vhosts; v++)); do
  name="site$v"
  mkdir -p "$dir/sites/$name/html" "$dir/conf/vhosts/$name"
  printf 'virtualhost %s {\n  vhRoot sites/%s/\n  configFile conf/vhosts/%s/vhconf.conf\n  allowSymbolLink 1\n}\n' \
    "$name" "$name" "$name" >> "$main"
  maps+="  map $name $name.example.com, www.$name.example.com"$'\n'
  {
    echo "docRoot \$VH_ROOT/html/"
    echo "vhDomain $name.example.com"
    echo "index {"
    echo "  useServer 0"
    echo "  indexFiles index.html"
    echo "}"
    for ((c = 1; c <= 10; c++)); do
      printf 'context /c%d/ {\n  location $DOC_ROOT/\n  allowBrowse 1\n  enableExpires 1\n  expiresDefault A3600\n}\n' "$c"
    done
    for ((w = 1; w <= 5; w++)); do
      printf 'websocket /ws%d/ {\n  address 127.0.0.1:%d\n}\n' "$w" $((9000 + w))
    done
  } > "$dir/conf/vhosts/$name/vhconf.conf"
done
printf 'listener web {\n  address 127.0.0.1:8088\n%s}\n' "$maps" >> "$main"
echo "$main"
