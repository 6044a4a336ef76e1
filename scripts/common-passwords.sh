#!/usr/bin/env bash
# Regenerates the list of common passwords that the password policy rejects: the 10,000 most frequent entries of
# the frequency-ordered list in @zxcvbn-ts/language-common (MIT licence, which ships its copyright notice beside it),
# and every entry of that list with 12 or more characters, the length a password must have here.
# Usage: scripts/common-passwords.sh [VERSION]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

VERSION="${1:-4.1.3}"
TARGET="$ROOT/src/Linyi.Dashboard.Web/Accounts/Passwords"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "@zxcvbn-ts/language-common@$VERSION" --silent > /dev/null && tar xzf ./*.tgz)
node -e '
const list = require(process.argv[1]);
const seen = new Set();
for (const p of list) { const w = p.toLowerCase(); if (!seen.has(w) && (seen.size < 10000 || w.length >= 12)) seen.add(w); }
process.stdout.write([...seen].join("\n") + "\n");
' "$work/package/src/passwords.json" > "$TARGET/common-passwords.txt"
cp "$work/package/LICENSE.txt" "$TARGET/LICENSE-common-passwords.txt"
log "Wrote $(wc -l < "$TARGET/common-passwords.txt") passwords from @zxcvbn-ts/language-common $VERSION"
