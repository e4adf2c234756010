#!/usr/bin/env bash
# Every citation of a docs/ page in the sources ("docs/DOMAIN.md#priority") and every link inside
# docs/ ("[days](#days)") must name a page that exists and a heading it has (GitHub's anchors:
# lower case, punctuation dropped, spaces to hyphens). Usage: check_citations.sh ROOT
set -u
root=${1:?usage: check_citations.sh ROOT}
bad=0

anchors() {  # the anchors of one page's headings
    sed -nE 's/^#+[[:space:]]+//p' "$1" | tr '[:upper:]' '[:lower:]' | sed -E 's/[^a-z0-9 _-]//g; s/ /-/g'
}

check() {  # WHERE PAGE ANCHOR
    local where=$1 page=$2 anchor=$3
    if [[ ! -f $root/$page ]]; then
        echo "$where: cites $page, which does not exist"
        bad=1
    elif [[ -n $anchor ]] && ! anchors "$root/$page" | grep -qxF "$anchor"; then
        echo "$where: cites $page#$anchor, which has no such heading"
        bad=1
    fi
}

while IFS=: read -r file line text; do
    while read -r cite; do
        page=${cite%%#*}
        anchor=""
        [[ $cite == *#* ]] && anchor=${cite#*#}
        check "$file:$line" "$page" "$anchor"
    done < <(grep -oE 'docs/[A-Za-z_]+\.md(#[a-z0-9_-]+)?' <<<"$text")
done < <(cd "$root" && grep -rnE 'docs/[A-Za-z_]+\.md' server client kiosk counter proto web/js README.md docs 2>/dev/null)

for page in "$root"/docs/*.md; do
    while IFS=: read -r line text; do
        while read -r anchor; do
            check "docs/${page##*/}:$line" "docs/${page##*/}" "${anchor#\(#}"
        done < <(grep -oE '\(#[a-z0-9_-]+' <<<"$text")
    done < <(grep -nE '\]\(#[a-z0-9_-]+\)' "$page")
done

[[ $bad == 0 ]] && echo "docs: every citation names a page and a heading that exist"
exit $bad
