# Shell helpers shared by the bench/*/run.sh scripts; source it.

# wait_port PORT: returns once something listens on 127.0.0.1:PORT; after 30 s says so and returns 1
wait_port() {
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2
  return 1
}

# median NUMBER...: the middle value (the lower middle one for an even count)
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# paired_ratio "A..." "B...": the median of A[i] / B[i] over two equally long lists, to two decimals
paired_ratio() {
  local -a a=($1) b=($2) r=()
  local i
  for i in "${!a[@]}"; do r+=("$(awk -v x="${a[$i]}" -v y="${b[$i]}" 'BEGIN { printf "%.2f", x / y }')"); done
  median "${r[@]}"
}

# need_tools TOOL...: exits, naming the first of them that is not installed
need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install -y nginx wrk)" >&2; exit 1; }
  done
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on now
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# free_ports N: N different TCP ports on 127.0.0.1 that nothing listens on now, one a line (all held while chosen,
# so that no two are the same)
free_ports() {
  python3 -c 'import socket, sys
held = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in held: s.bind(("127.0.0.1", 0))
print("\n".join(str(s.getsockname()[1]) for s in held))' "$1"
}
