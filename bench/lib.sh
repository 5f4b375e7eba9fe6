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
