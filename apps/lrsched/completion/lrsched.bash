# bash completion for the lrsched command. It asks the command itself: the commands come
# from `lrsched --help`, a command's options from `lrsched COMMAND --help`, and the values
# of an option shown as `--name a|b|c` are a, b and c. Anything else completes file names.
_lrsched() {
  local cur prev command help line words option
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  if ((COMP_CWORD == 1)); then
    words=$("${COMP_WORDS[0]}" --help 2>/dev/null |
      sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
    mapfile -t COMPREPLY < <(compgen -W "$words help --help --version" -- "$cur")
    return
  fi
  command=${COMP_WORDS[1]}
  [[ $command == help ]] && command=""
  help=$("${COMP_WORDS[0]}" ${command:+"$command"} --help 2>/dev/null)
  if [[ $prev == -* ]]; then
    # The help line of the option just typed: "  --name VALUE  ..." or "  -o, --name VALUE".
    line=$(grep -E -- "^  ((-[a-z], )?${prev}( |$)|${prev}, )" <<<"$help" | head -n 1)
    option=$(sed -E 's/^  (-[a-z], )?--[a-z-]+ ?([^ ]*).*/\2/' <<<"$line")
    if [[ -n $line && $option == *"|"* ]]; then
      mapfile -t COMPREPLY < <(compgen -W "${option//|/ }" -- "$cur")
      return
    fi
    if [[ -n $line && -n $option ]]; then
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return
    fi
  fi
  if [[ $cur == -* ]]; then
    words=$(grep -oE -- '^  (-[a-z], )?--[a-z][a-z-]*' <<<"$help" | sed -E 's/^  (-[a-z], )?//')
    mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
    return
  fi
  if [[ -z $command ]]; then
    words=$("${COMP_WORDS[0]}" --help 2>/dev/null |
      sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
    mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
    return
  fi
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}
complete -o filenames -o bashdefault -F _lrsched lrsched
