#!/bin/sh
# The web app's translations, one file per language (web/strings-*.js):
# the same keys in each, none empty, the same placeholders, and every key
# the pages name. Needs node only. Prints "test_strings: N passed, N failed".
top=$(cd "$(dirname "$0")/../.." && pwd)
exec node "$top/tests/scripts/strings_check.mjs"
