# InfraDoc host probe, round 2. Read-only. Reads requests from stdin, one per line:
#   env PID     the environment of a process, one variable a line (InfraDoc redacts it before it
#               reaches the model); a newline inside a value is printed as \001, so it stays one variable
#   file PATH   a file, with line numbers
#   glob PATTERN  the files a config include names (pathname expansion only, never evaluated)
# Nothing read from stdin is ever run as a command. $1 is the marker nonce.
LC_ALL=C
export LC_ALL
M="@@infradoc-$1"
while IFS= read -r line; do
  op=${line%% *}
  arg=${line#* }
  printf '%s begin %s %s\n' "$M" "$op" "$arg"
  printf '%s begin %s %s\n' "$M" "$op" "$arg" >&2
  case "$op" in
    env)
      case "$arg" in
        ''|*[!0-9]*) echo "not a pid" >&2; false ;;
        *) tr '\n\000' '\001\n' < "/proc/$arg/environ" ;;   # a newline inside a value becomes \001
      esac ;;
    file) [ -f "$arg" ] && grep -Hn '' -- "$arg" /dev/null ;;
    glob)
      set +f
      IFS='
'
      for f in $arg; do [ -f "$f" ] && grep -Hn '' -- "$f" /dev/null; done
      unset IFS
      true ;;
    *) echo "unknown request" >&2; false ;;
  esac
  rc=$?
  printf '\n%s end %s %s\n' "$M" "$op" "$rc"
  printf '\n%s end %s\n' "$M" "$op" >&2
done
