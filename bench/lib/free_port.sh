# Sourced by the benchmarks. free_port VAR: sets VAR to a loopback TCP port no socket uses.
#
# Ports are taken below the kernel's ephemeral range, so no outgoing connection (wrk's, nginx's,
# a TIME_WAIT left by the previous run) can take one between the choice and the bind: that once
# stopped bench/la_scale's PostgreSQL from starting. Random, so that two runs at once are
# unlikely to collide; ports handed out by this shell are remembered, since nothing listens on
# them until every port is chosen.
_free_port_taken=" "
free_port() {
  local _fp_low=32768 _fp_port _fp_i  # prefixed: printf -v would set a caller's "port" here
  read -r _fp_low _fp_i </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  [ "$_fp_low" -gt 11024 ] || _fp_low=61000  # an unusual range: use the space above the usual one
  for _fp_i in $(seq 500); do
    if [ "$_fp_low" -ge 61000 ]; then _fp_port=$((61000 + RANDOM % 4000)); else _fp_port=$((10000 + RANDOM % (_fp_low - 10000))); fi
    case "$_free_port_taken" in *" $_fp_port "*) continue ;; esac
    if [ -z "$(ss -Htan "sport = :$_fp_port")" ]; then
      _free_port_taken="$_free_port_taken$_fp_port "
      printf -v "$1" "%s" "$_fp_port"
      return 0
    fi
  done
  return 1
}
