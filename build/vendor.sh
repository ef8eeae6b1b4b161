#!/usr/bin/env bash
# vendor/<crate> is the crates.io release of <crate> plus vendor/patches/<crate>-<version>.patch
# (vendor/README.md). This script keeps the two in step:
#
#   build/vendor.sh regen [CRATE...]  rebuild vendor/<crate> from the pristine release + its patch
#   build/vendor.sh check             regenerate every crate into a temporary folder and compare it
#                                     with vendor/ (make check-vendor); fails naming the first file
#                                     that differs
#   build/vendor.sh diff CRATE        rewrite the crate's patch from the copy in vendor/ (after
#                                     changing the copy, or upgrading it: see vendor/README.md)
#
# The pristine release comes from crates.io through cargo, never from elsewhere: a throw-away
# cargo project in a temporary folder depends on `=VERSION` of each crate (no [patch]), and
# `cargo vendor --versioned-dirs` unpacks them; its .cargo-checksum.json is dropped.
#
# A patch file is a unified diff (`diff -ruN a b`, applied with `patch -p1`, no fuzz) after a
# header of lines starting with "#". The header says why each hunk exists, and its lines
# "# remove: PATH" name the files and folders of the release deleted before the diff applies
# (`diff` keeps the header, and rewrites the remove lines from what the copy lacks).
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vendor=$root/vendor
patches=$vendor/patches

die() {
  echo "vendor.sh: $*" >&2
  exit 1
}

usage() {
  sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

work=$(mktemp -d "${TMPDIR:-/tmp}/duibiao-vendor.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The one patch of a crate: vendor/patches/<crate>-<version>.patch.
patch_of() {
  local crate=$1 found=()
  shopt -s nullglob
  for file in "$patches/$crate"-[0-9]*.patch; do
    # calamine-0.38.0.patch, not calamine-foo-1.0.patch.
    [[ $(basename "$file") =~ ^${crate}-[0-9][^-]*(-[^-]+)?\.patch$ ]] && found+=("$file")
  done
  shopt -u nullglob
  [[ ${#found[@]} -eq 1 ]] || die "expected one vendor/patches/$crate-<version>.patch, found ${#found[@]}"
  echo "${found[0]}"
}

version_of_patch() {
  local name
  name=$(basename "$1" .patch)
  echo "${name#"$2"-}"
}

# Every crate that has a patch, into the array `crates`; every folder in vendor/ must have one.
all_crates() {
  local dir file name
  crates=()
  for file in "$patches"/*.patch; do
    [[ -e $file ]] || continue
    name=$(basename "$file" .patch | sed -E 's/-[0-9][^-]*(-[^-]+)?$//')
    [[ " ${crates[*]} " == *" $name "* ]] || crates+=("$name")
  done
  for dir in "$vendor"/*/; do
    dir=$(basename "$dir")
    [[ $dir == patches ]] && continue
    [[ " ${crates[*]} " == *" $dir "* ]] \
      || die "vendor/$dir has no patch in vendor/patches/ (build/vendor.sh diff $dir writes one)"
  done
  [[ ${#crates[@]} -gt 0 ]] || die "no patches in vendor/patches/"
}

# Unpacks the crates.io releases named CRATE=VERSION into $work/pristine/<crate>-<version>.
fetch_pristine() {
  local project=$work/fetch spec
  rm -rf "$project" && mkdir -p "$project/src"
  : >"$project/src/lib.rs"
  {
    printf '[package]\nname = "duibiao-vendor-pristine"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
    printf '[dependencies]\n'
    for spec in "$@"; do
      printf '%s = { version = "=%s", default-features = false }\n' "${spec%%=*}" "${spec#*=}"
    done
    # Its own workspace, whatever folder the temporary one is in.
    printf '\n[workspace]\n'
  } >"$project/Cargo.toml"
  # From cargo's own cache when it holds them (no network), else from crates.io.
  (cd "$project" && { cargo vendor --offline --quiet --versioned-dirs "$work/crates-io" >/dev/null 2>&1 \
    || cargo vendor --quiet --versioned-dirs "$work/crates-io" >/dev/null; }) \
    || die "cargo could not fetch $* from crates.io"
  mkdir -p "$work/pristine"
  for spec in "$@"; do
    local dir=${spec%%=*}-${spec#*=}
    [[ -d $work/crates-io/$dir ]] || die "cargo vendor did not unpack $dir"
    rm -rf "${work:?}/pristine/$dir"
    cp -R "$work/crates-io/$dir" "$work/pristine/$dir"
    rm -f "$work/pristine/$dir/.cargo-checksum.json"
  done
}

# The "# remove: PATH" lines of a patch, one path a line.
removals() {
  sed -n 's/^# remove: *//p' "$1" | sed 's:/*$::'
}

# The release with the patch's removals, at $2 (a new folder).
base_of() {
  local crate=$1 version=$2 patch=$3 out=$4 path
  cp -R "$work/pristine/$crate-$version" "$out"
  while IFS= read -r path; do
    [[ -n $path && $path != /* && $path != *..* ]] || die "$(basename "$patch"): bad remove line '$path'"
    [[ -e $out/$path ]] || die "$(basename "$patch"): '$path' is not in $crate $version"
    rm -rf "${out:?}/$path"
  done < <(removals "$patch")
}

# Regenerates <crate> into $2 from $work/pristine. A patch that does not apply fails, and leaves
# what did apply, with the rejected hunks in *.rej files, in $2.
regenerate() {
  local crate=$1 out=$2 patch version
  patch=$(patch_of "$crate")
  version=$(version_of_patch "$patch" "$crate")
  base_of "$crate" "$version" "$patch" "$out"
  if ! patch -d "$out" -p1 --batch --forward --fuzz=0 --no-backup-if-mismatch --quiet <"$patch" >&2; then
    echo "vendor.sh: $(basename "$patch") does not apply to $crate $version from crates.io" >&2
    return 1
  fi
}

cmd_regen() {
  local specs=() crate patch
  crates=("$@")
  [[ ${#crates[@]} -gt 0 ]] || all_crates
  for crate in "${crates[@]}"; do
    patch=$(patch_of "$crate")
    specs+=("$crate=$(version_of_patch "$patch" "$crate")")
  done
  fetch_pristine "${specs[@]}"
  for crate in "${crates[@]}"; do
    if ! regenerate "$crate" "$work/regen-$crate"; then
      # An upgrade: what applied goes to vendor/ with the rejected hunks beside it, to redo by hand.
      rm -rf "${vendor:?}/$crate"
      cp -R "$work/regen-$crate" "$vendor/$crate"
      die "vendor/$crate holds what applied; redo the hunks in $(cd "$vendor" && find "$crate" -name '*.rej' | tr '\n' ' ')by hand, delete those files, then run build/vendor.sh diff $crate"
    fi
    rm -rf "${vendor:?}/$crate"
    cp -R "$work/regen-$crate" "$vendor/$crate"
    patch=$(patch_of "$crate")
    echo "vendor/$crate: $crate $(version_of_patch "$patch" "$crate") from crates.io + vendor/patches/$(basename "$patch")"
  done
}

cmd_check() {
  local specs=() crate patch version first file
  all_crates
  for crate in "${crates[@]}"; do
    patch=$(patch_of "$crate")
    specs+=("$crate=$(version_of_patch "$patch" "$crate")")
    [[ -d $vendor/$crate ]] || die "vendor/$crate is missing (build/vendor.sh regen $crate)"
  done
  fetch_pristine "${specs[@]}"
  mkdir -p "$work/regen"
  for crate in "${crates[@]}"; do
    patch=$(patch_of "$crate")
    version=$(version_of_patch "$patch" "$crate")
    regenerate "$crate" "$work/regen/$crate" || die "vendor/$crate cannot be regenerated"
    if first=$(cd "$work/regen" && diff -rq "$crate" "$vendor/$crate" 2>&1); then
      echo "check-vendor: vendor/$crate = $crate $version from crates.io + vendor/patches/$(basename "$patch")"
      continue
    fi
    first=$(head -n 1 <<<"$first")
    echo "check-vendor: vendor/$crate is not $crate $version from crates.io + vendor/patches/$(basename "$patch")" >&2
    case $first in
      "Files "*" differ")
        file=${first#Files }
        file=${file%% and *}
        echo "check-vendor: first differing file: vendor/$file" >&2
        (cd "$work/regen" && diff -u --label "regenerated/$file" --label "vendor/$file" "$file" "$vendor/$file" | head -n 20) >&2 || true
        ;;
      "Only in $vendor/"*)
        file=${first#"Only in $vendor/"}
        echo "check-vendor: first differing file: vendor/${file/: //} (only in vendor/, not regenerated)" >&2
        ;;
      "Only in "*)
        file=${first#Only in }
        echo "check-vendor: first differing file: vendor/${file/: //} (regenerated, missing from vendor/)" >&2
        ;;
      *) echo "check-vendor: $first" >&2 ;;
    esac
    echo "check-vendor: if the change is meant, run build/vendor.sh diff $crate and give its reason in the patch's header" >&2
    exit 1
  done
}

cmd_diff() {
  [[ $# -eq 1 ]] || usage
  local crate=$1 copy=$vendor/$1 version old="" header body path
  [[ -f $copy/Cargo.toml ]] || die "vendor/$crate/Cargo.toml not found"
  version=$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' "$copy/Cargo.toml" | head -n 1)
  [[ -n $version ]] || die "no package version in vendor/$crate/Cargo.toml"
  old=$(patch_of "$crate" 2>/dev/null) || old=""
  fetch_pristine "$crate=$version"

  # The header: the old patch's, with its remove lines rewritten.
  header=$work/header
  if [[ -n $old ]]; then
    sed -n '/^\(diff \|--- \)/q;p' "$old" | grep -v '^# remove:' >"$header.body" || true
  else
    printf '# %s %s from crates.io, changed for duibiao (vendor/README.md).\n#\n# Why each hunk exists:\n# - TODO\n#\n' \
      "$crate" "$version" >"$header.body"
  fi
  # What the release has and the copy lacks, topmost folder only.
  : >"$header.remove"
  (cd "$work/pristine/$crate-$version" && find . -mindepth 1 | sed 's:^\./::' | sort) | while IFS= read -r path; do
    if [[ ! -e $copy/$path && -e $copy/$(dirname "$path") ]]; then
      if [[ -d $work/pristine/$crate-$version/$path ]]; then
        echo "# remove: $path/"
      else
        echo "# remove: $path"
      fi
    fi
  done >"$header.remove"
  # The remove lines end the header, after its paragraph that starts "# Removed".
  {
    # Without its trailing "#" lines.
    awk '/^#$/ { held = held $0 "\n"; next } { printf "%s", held; held = ""; print }' "$header.body"
    grep -q '^# Removed' "$header.body" \
      || echo "# Removed from the release before the diff applies (build/vendor.sh):"
    cat "$header.remove"
    echo "#"
  } >"$header"

  # The diff, against the release with those removals.
  local new=$patches/$crate-$version.patch
  base_of "$crate" "$version" "$header" "$work/a"
  cp -R "$copy" "$work/b"
  body=$work/body
  local rc=0
  (cd "$work" && diff -ruN a b) >"$body.raw" || rc=$?
  [[ $rc -le 1 ]] || die "diff failed"
  if grep -q '^Binary files ' "$body.raw"; then
    die "vendor/$crate changes a binary file, which a text patch cannot hold"
  fi
  # No timestamps: they change with every checkout.
  sed -E -e 's:^(--- a/[^\t]*)\t.*$:\1:' -e 's:^(\+\+\+ b/[^\t]*)\t.*$:\1:' "$body.raw" >"$body"
  mkdir -p "$patches"
  cat "$header" "$body" >"$new"
  if [[ -n $old && $old != "$new" ]]; then
    rm -f "$old"
    echo "vendor.sh: $(basename "$old") → $(basename "$new"): check every reason in its header against the new release" >&2
  fi
  echo "vendor/patches/$(basename "$new"): $(grep -c '^diff ' "$body" || true) files changed, $(wc -l <"$header.remove") removals"
}

[[ $# -ge 1 ]] || usage
command -v cargo >/dev/null || die "cargo not found"
command -v patch >/dev/null || die "GNU patch not found (apt-get install patch)"
case $1 in
  regen) shift && cmd_regen "$@" ;;
  check) shift && [[ $# -eq 0 ]] || usage; cmd_check ;;
  diff) shift && cmd_diff "$@" ;;
  *) usage ;;
esac
