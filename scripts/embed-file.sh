#!/bin/sh
# embed-file.sh SYMBOL FILE: writes a C file holding FILE's bytes as SYMBOL[] and SYMBOL_len.
set -eu
sym=$1
file=$2
printf '/* generated from %s by scripts/embed-file.sh; do not edit */\n#include <stddef.h>\n' "$file"
printf 'const char %s[] = {\n' "$sym"
od -An -v -tx1 "$file" | sed -e 's/ *$//' -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g' -e '/^$/d'
printf '0x00};\nconst size_t %s_len = sizeof(%s) - 1;\n' "$sym" "$sym"
