#!/usr/bin/env bash
# Builds avgaudit's release archives from this checkout:
#
#   release/build.sh [VERSION]        e.g. release/build.sh v0.1.0
#
# VERSION defaults to the tag at HEAD, else v<audit.Version>-dev.<commit>. A
# release version vX.Y.Z must match audit.Version (the version the results
# carry) and needs a clean work tree.
#
# Writes to $OUT (default ./dist):
#   avgaudit-VERSION-windows-amd64.zip   avgaudit.exe
#   avgaudit-VERSION-linux-amd64.tar.gz  avgaudit
#   avgaudit-VERSION-linux-arm64.tar.gz  avgaudit (when its cross compiler is installed)
#   SHA256SUMS                           of the archives
# Each archive holds the program, README.md, LICENSES/ (the licence texts of
# everything linked in: Go modules, DuckDB, Go, the C/C++ runtimes) and a
# SHA256SUMS of its own files.
#
# With SOURCE_DATE_EPOCH set (as the build date), two builds of one commit give
# byte-identical archives.
#
# $TARGETS chooses the platforms (default: all three; linux/arm64 is skipped
# with a note when aarch64-linux-gnu-gcc is missing, unless named in TARGETS).
# Toolchains, all from Debian: gcc g++ (linux/amd64), gcc-mingw-w64-x86-64-posix
# g++-mingw-w64-x86-64-posix (windows/amd64), gcc-aarch64-linux-gnu
# g++-aarch64-linux-gnu (linux/arm64); and zip.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

die() { echo "release/build.sh: $*" >&2; exit 1; }

commit=$(git rev-parse HEAD)
base=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' audit/audit.go)
[ -n "$base" ] || die "cannot read const Version from audit/audit.go"
dirty=""
[ -z "$(git status --porcelain)" ] || dirty=.dirty
version=${1:-$(git describe --tags --exact-match --match 'v*' 2>/dev/null || echo "v$base-dev.${commit:0:12}$dirty")}
if [[ $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  [ "$version" = "v$base" ] || die "version $version does not match audit.Version $base (the version in every result): change audit/audit.go first"
  [ -z "$dirty" ] || die "release $version from a work tree with uncommitted changes; commit or stash them"
fi
[[ $version =~ ^v[0-9A-Za-z.+-]+$ ]] || die "version $version: expected vX.Y.Z or vX.Y.Z-something"
# Build date: SOURCE_DATE_EPOCH when set (reproducible builds), else now.
date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%dT%H:%M:%SZ)
mtime=$(date -u -d "$date" +%Y%m%d%H%M.%S) # file times inside the archives

out=${OUT:-$root/dist}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

explicit=${TARGETS:+yes}
targets=${TARGETS:-windows/amd64 linux/amd64 linux/arm64}
command -v zip >/dev/null || die "zip is missing (apt-get install zip)"

pkg=github.com/avgaudit/avgaudit/buildinfo
ldflags="-s -w -X $pkg.version=$version -X $pkg.commit=$commit -X $pkg.date=$date"

# licences DIR: copies the licence texts of every module linked into the
# program for the current GOOS/GOARCH into DIR/LICENSES, with an index.
licences() {
  local dir=$1/LICENSES index=$1/LICENSES/README.txt
  mkdir -p "$dir"
  {
    echo "avgaudit $version ($GOOS/$GOARCH) contains the following software. Each folder"
    echo "holds the licence texts as its authors ship them."
    echo
  } >"$index"
  go list -deps -tags "$tags" -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' ./cmd/avgaudit |
    sort -u >"$work/modules"
  [ -s "$work/modules" ] || die "go list found no modules"
  while read -r path ver moddir; do
    local dest=$dir/$(echo "$path" | tr '/' '_') found=0
    mkdir -p "$dest"
    for f in "$moddir"/LICENSE* "$moddir"/LICENCE* "$moddir"/COPYING* "$moddir"/NOTICE* "$moddir"/PATENTS*; do
      [ -f "$f" ] || continue
      cp "$f" "$dest/"
      found=1
    done
    [ $found = 1 ] || die "$path $ver: no licence file in $moddir"
    echo "$path $ver" >>"$index"
  done <"$work/modules"
  # The Go runtime and standard library are in every Go program.
  mkdir -p "$dir/go"
  cp "$(go env GOROOT)/LICENSE" "$(go env GOROOT)/PATENTS" "$dir/go/"
  echo "Go $(go env GOVERSION) (runtime and standard library)" >>"$index"
  # DuckDB is linked from the prebuilt libraries of duckdb-go-bindings, whose
  # LICENSE (copied above) is DuckDB's own MIT licence.
  echo >>"$index"
  echo "DuckDB: see github.com_duckdb_duckdb-go-bindings_lib_$GOOS-$GOARCH (DuckDB's MIT licence)." >>"$index"
  # The C and C++ runtimes linked in statically on Windows (mingw-w64's CRT
  # and winpthreads; GCC's libstdc++ and libgcc), as Debian documents them.
  # On Linux they are the system's shared libraries.
  [ "$GOOS" = windows ] || return 0
  for d in mingw-w64-common gcc-mingw-w64-base; do
    [ -f "/usr/share/doc/$d/copyright" ] || die "/usr/share/doc/$d/copyright is missing"
    mkdir -p "$dir/$d"
    cp "/usr/share/doc/$d/copyright" "$dir/$d/copyright"
    echo "$d (C/C++ runtime, linked in): $d/copyright" >>"$index"
  done
}

built=()
for target in $targets; do
  export GOOS=${target%/*} GOARCH=${target#*/} CGO_ENABLED=1
  tags="" extld="" exe=avgaudit
  case $target in
  windows/amd64)
    # The prebuilt DuckDB libraries are built for the UCRT C runtime;
    # Debian's mingw-w64 for MSVCRT. Linking UCRT first and the seekpos shim
    # (release/ucrtshim) close the gap.
    export CC=x86_64-w64-mingw32-gcc-posix CXX=x86_64-w64-mingw32-g++-posix
    tags=ucrtshim extld="-static -lucrt" exe=avgaudit.exe ;;
  linux/amd64)
    export CC=gcc CXX=g++ ;;
  linux/arm64)
    export CC=aarch64-linux-gnu-gcc CXX=aarch64-linux-gnu-g++ ;;
  *) die "unknown target $target (windows/amd64, linux/amd64, linux/arm64)" ;;
  esac
  if ! command -v "$CC" >/dev/null || ! command -v "$CXX" >/dev/null; then
    if [ "$target" = linux/arm64 ] && [ -z "$explicit" ]; then
      echo "skipping linux/arm64: $CC is not installed (apt-get install gcc-aarch64-linux-gnu g++-aarch64-linux-gnu)"
      continue
    fi
    die "$target needs $CC and $CXX (see the top of release/build.sh)"
  fi
  # Linux: libstdc++ and libgcc stay shared. Linked in statically they would
  # raise the glibc needed from 2.34 to 2.36 (libstdc++ 12 calls arc4random),
  # shutting out Ubuntu 22.04; libstdc++6 is on every desktop Linux and WSL.
  name=avgaudit-$version-$GOOS-$GOARCH
  stage=$work/$name
  mkdir -p "$stage"
  echo "== $target"
  start=$(date +%s)
  go build -trimpath -tags "$tags" -ldflags "$ldflags -extldflags '$extld'" -o "$stage/$exe" ./cmd/avgaudit
  cp README.md "$stage/README.md"
  cp -r docs "$stage/docs" # the README links there
  licences "$stage"
  (cd "$stage" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs -d '\n' sha256sum >SHA256SUMS)
  find "$stage" -exec touch -h -t "$mtime" {} +
  case $GOOS in
  windows)
    rm -f "$out/$name.zip"
    (cd "$work" && find "$name" | LC_ALL=C sort | TZ=UTC zip -X -q -9 "$out/$name.zip" -@)
    built+=("$name.zip") ;;
  *)
    tar -C "$work" --sort=name --mtime="$date" --owner=0 --group=0 --numeric-owner -cf - "$name" |
      gzip -n -9 >"$out/$name.tar.gz"
    built+=("$name.tar.gz") ;;
  esac
  echo "   $(du -h "$stage/$exe" | cut -f1) program, built in $(($(date +%s) - start)) s"
done
[ ${#built[@]} -gt 0 ] || die "nothing built"
(cd "$out" && sha256sum "${built[@]}" >SHA256SUMS && cat SHA256SUMS)
echo "archives for $version in $out"
