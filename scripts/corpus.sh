#!/usr/bin/env bash
# Every workbook in the given folders through `avg-borging import FILE --dry-run`, each under a
# 1.5 GiB address-space limit and a 60 s timeout; prints one line per file
# (read | refused | failed | HANG | CRASH, exit status, file, the first line of the outcome) and a
# count per class. Not part of `make test` (the corpus is fetched, not committed): see
# docs/reliability.md, "Corpus".
#   scripts/corpus.sh BINARY FOLDER...
set -uo pipefail
bin=$1; shift
db="$(mktemp -d)/corpus.sqlite3"
results=$(mktemp)
find "$@" -type f \( -iname '*.xlsx' -o -iname '*.xlsm' -o -iname '*.xls' -o -iname '*.ods' -o -iname '*.xlsb' \) -print0 |
  sort -z | while IFS= read -r -d '' f; do
    out=$(timeout 60 prlimit --as=1610612736 "$bin" --db "$db" import "$f" --dry-run 2>&1); rc=$?
    reason=$(printf '%s' "$out" | grep -m1 -E "kan niet worden ingelezen|BLOKKEREND|Proefimport|criteria in" | cut -c1-200)
    case $rc in
      0) class=read ;; 2) class=refused ;; 124) class=HANG ;; 1) class=failed ;; *) class=CRASH ;;
    esac
    printf '%s\t%s\t%s\t%s\n' "$class" "$rc" "$f" "$reason" | tee -a "$results"
  done
echo; cut -f1 "$results" | sort | uniq -c
