#!/usr/bin/env bash
# Tool cache for the oracle, end-to-end and deploy tests.
#
# Fetches the Debian packages the suite runs (promtool, Prometheus, Alertmanager/amtool, exporters, busybox) into
# .tools/ under the checkout and unpacks them there with `dpkg -x`: nothing is installed, the machine's apt
# sources and state are not touched (a private apt configuration lives in .tools/apt/). Runs as any user that can
# write .tools/; needs apt-get, apt-cache, dpkg and network access to deb.debian.org on the first run only.
#
# Layout (a contract other scripts and tests rely on; keep it):
#   .tools/root/            every package of the current line, unpacked (dpkg -x)
#   .tools/bin/<name>       symlinks to the real binaries: promtool, prometheus, amtool, alertmanager,
#                           node_exporter, blackbox_exporter, postgres_exporter, redis_exporter, busybox,
#                           and amtool-0.25 (the older Alertmanager line, see its pin)
#   .tools/lines/<line>/    packages of a deliberately older line, unpacked (dpkg -x)
#   .tools/versions.json    { "<package>": "<Debian version>", ... } (older lines as "<package>@<line>")
#
# Facts about these Debian builds: every binary but busybox is dynamically linked against glibc (libc6 >= 2.34);
# Debian's Alertmanager reads its default templates from /usr/share/prometheus/alertmanager/ at run time (a Debian
# patch; upstream embeds them), found here under .tools/root/usr/share/prometheus/alertmanager/.
#
# Usage: bash scripts/tools.sh            fill the cache if needed (fast, offline, when already filled)
#        bash scripts/tools.sh --refresh  re-resolve the pins against the archive (picks up newer versions)
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="$PWD/.tools"

# Suites searched, newest first. sid carries the current upstream lines; testing is the fallback when sid has
# moved past a pin; bookworm carries the older Alertmanager line that one test checks deliberately.
SUITES=(sid testing bookworm)
MIRROR=http://deb.debian.org/debian
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

# Pins: key | package | lowest version | below this version | where it is unpacked | reason.
# Versions use Debian syntax (epoch included); "below" ends in "~" so pre-releases of that version are excluded.
PINS=(
  # The images run the Prometheus 3.x LTS line; 3.5 is the first 3.x LTS and what Debian ships. Rendered files
  # use 3.x-only syntax (`--agent`, fallback_scrape_protocol), so a 2.x promtool would be the wrong judge, and a
  # 4.x one might accept what 3.x refuses.
  'promtool|promtool|3.5|4~|root|same major line as the Prometheus 3.x LTS images; judges every rendered config, rule and test file'
  'prometheus|prometheus|3.5|4~|root|the loopback end-to-end test runs the same major line as the images'
  # Alertmanager >= 0.28 is the default rendering target (webhook url_file, msteamsv2_configs); the oracle is
  # at least the 0.33 line Debian ships, and below 1.0, the next line allowed to break the config format.
  'prometheus-alertmanager|prometheus-alertmanager|0.33|1~|root|amtool >= 0.33 judges every Alertmanager file and routing test; alertmanager runs in the loopback test'
  # Exporters: the images' major lines; the rendered flags and blackbox modules must be what these accept.
  'prometheus-node-exporter|prometheus-node-exporter|1.9|2~|root|node-exporter 1.x, the images line; flags the containers pass'
  'prometheus-blackbox-exporter|prometheus-blackbox-exporter|0.26|1~|root|blackbox 0.26+ (the images line) checks the rendered blackbox.yml'
  'prometheus-postgres-exporter|prometheus-postgres-exporter|0.17|1~|root|postgres-exporter 0.17+ (the images line); deploy-test stand-in image'
  'prometheus-redis-exporter|prometheus-redis-exporter|1.67|2~|root|redis_exporter 1.67+ (the images line); deploy-test stand-in image'
  # Static busybox: shell, wget and nc for the stand-in images' healthchecks and config loaders.
  'busybox-static|busybox-static|1:1.36|1:2~|root|static shell and wget for stand-in images and healthchecks'
  # The older line, deliberately: `version: '0.25'` renders for Alertmanagers that predate *_url_file and
  # msteamsv2 (older installs, managed services); one test checks that rendering with that line's own amtool.
  'prometheus-alertmanager@0.25|prometheus-alertmanager|0.25|0.26~|lines/alertmanager-0.25|older line: amtool 0.25 checks the rendering for version 0.25, deliberately'
)

# Binaries: name in .tools/bin | path inside the unpacked tree, relative to .tools/.
BINS=(
  'promtool|root/usr/bin/promtool'
  'prometheus|root/usr/bin/prometheus'
  'amtool|root/usr/bin/amtool'
  'alertmanager|root/usr/bin/prometheus-alertmanager'
  'node_exporter|root/usr/bin/prometheus-node-exporter'
  'blackbox_exporter|root/usr/bin/prometheus-blackbox-exporter'
  'postgres_exporter|root/usr/bin/prometheus-postgres-exporter'
  'redis_exporter|root/usr/bin/prometheus-redis-exporter'
  'busybox|root/usr/bin/busybox'
  'amtool-0.25|lines/alertmanager-0.25/usr/bin/amtool'
)

fail() {
  echo "tools: $*" >&2
  exit 1
}

for cmd in apt-get apt-cache dpkg dpkg-deb sha256sum; do
  command -v "$cmd" >/dev/null 2>&1 || fail "needs $cmd (a Debian or Ubuntu machine with apt and dpkg); on Debian: apt-get install -y apt dpkg coreutils"
done

mkdir -p "$TOOLS"
# One run at a time (the test command and the deploy test may start it together).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$TOOLS/.lock"
  flock 9
fi

# The pins and binaries this cache was built from; a change to either rebuilds it.
STAMP=$(printf '%s\n' "${SUITES[@]}" "${PINS[@]}" "${BINS[@]}" | sha256sum | cut -d' ' -f1)

print_versions() {
  echo "tools: versions in $TOOLS (pins in scripts/tools.sh):"
  sed -n 's/^  "\(.*\)": "\(.*\)",\{0,1\}$/  \1 \2/p' "$TOOLS/versions.json"
}

cache_is_complete() {
  [[ -f $TOOLS/versions.json && -f $TOOLS/stamp && $(cat "$TOOLS/stamp") == "$STAMP" ]] || return 1
  local entry name
  for entry in "${BINS[@]}"; do
    name=${entry%%|*}
    [[ -x $TOOLS/bin/$name ]] || return 1
  done
}

if [[ ${1:-} != --refresh ]] && cache_is_complete; then
  print_versions
  exit 0
fi

# Private apt configuration: own sources, lists, cache and preferences; the machine's are never read or written.
APT_DIR=$TOOLS/apt
mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/preferences.d"
: >"$APT_DIR/sources.list"
for suite in "${SUITES[@]}"; do
  echo "deb [signed-by=$KEYRING] $MIRROR $suite main" >>"$APT_DIR/sources.list"
done
APT_OPTS=(
  -o "Dir::Etc::sourcelist=$APT_DIR/sources.list"
  -o "Dir::Etc::sourceparts=-"
  -o "Dir::Etc::preferences=$APT_DIR/preferences"
  -o "Dir::Etc::preferencesparts=$APT_DIR/preferences.d"
  -o "Dir::State::Lists=$APT_DIR/lists"
  -o "Dir::Cache=$APT_DIR/cache"
  # Keep apt's binary package cache (some machines' apt.conf.d turn it off): each query then takes ms, not 2 s.
  -o "Dir::Cache::pkgcache=pkgcache.bin"
  -o "Dir::Cache::srcpkgcache=srcpkgcache.bin"
  -o "Debug::NoLocking=1"
  -o "Acquire::Languages=none"
)
# As root, apt downloads as the _apt user, which may not be able to write into the checkout.
[[ $(id -u) -eq 0 ]] && APT_OPTS+=(-o "APT::Sandbox::User=root")

[[ -r $KEYRING ]] || fail "needs Debian's archive keyring at $KEYRING: apt-get install -y debian-archive-keyring"
echo "tools: reading package lists from $MIRROR (${SUITES[*]})"
if ! apt-get "${APT_OPTS[@]}" -qq update; then
  fail "apt-get update failed for $MIRROR (${SUITES[*]}). Needs network access to deb.debian.org and a current debian-archive-keyring (apt-get install -y debian-archive-keyring)."
fi

# Picks the version for one pin: the candidate (newest) when it is in range, else the newest version in range.
resolve() {
  local key=$1 package=$2 low=$3 below=$4
  local versions candidate version
  versions=$(apt-cache "${APT_OPTS[@]}" madison "$package" | awk -F'|' '{gsub(/ /, "", $2); print $2}' | sort -u)
  [[ -n $versions ]] || fail "$package: not found in ${SUITES[*]}"
  candidate=$(apt-cache "${APT_OPTS[@]}" policy "$package" | awk '/Candidate:/ {print $2}')
  if dpkg --compare-versions "$candidate" ge "$low" && dpkg --compare-versions "$candidate" lt "$below"; then
    echo "$candidate"
    return
  fi
  version=""
  while read -r v; do
    if dpkg --compare-versions "$v" ge "$low" && dpkg --compare-versions "$v" lt "$below"; then
      if [[ -z $version ]] || dpkg --compare-versions "$v" gt "$version"; then version=$v; fi
    fi
  done <<<"$versions"
  if [[ -z $version ]]; then
    fail "$key: no version in [$low, $below) in ${SUITES[*]} (available: $(echo $versions)). Update the pin in scripts/tools.sh, and the rendering if the new line needs it."
  fi
  if [[ $key == *@* ]]; then
    echo "tools: $key: older line, deliberately: $version" >&2
  else
    echo "tools: $key: the newest version, $candidate, is outside [$low, $below); using the nearest in range, $version" >&2
  fi
  echo "$version"
}

DEBS=$TOOLS/debs
mkdir -p "$DEBS"
declare -A CHOSEN=()
declare -A DEB_OF=()
for entry in "${PINS[@]}"; do
  IFS='|' read -r key package low below dest reason <<<"$entry"
  version=$(resolve "$key" "$package" "$low" "$below")
  CHOSEN[$key]=$version
  # Reuse a .deb already fetched for this exact package and version.
  found=""
  for deb in "$DEBS"/"${package}"_*.deb; do
    [[ -f $deb ]] || continue
    if [[ $(dpkg-deb -f "$deb" Package) == "$package" && $(dpkg-deb -f "$deb" Version) == "$version" ]]; then found=$deb; fi
  done
  if [[ -z $found ]]; then
    (cd "$DEBS" && apt-get "${APT_OPTS[@]}" -qq download "$package=$version") || fail "$key: apt-get download $package=$version failed"
    for deb in "$DEBS"/"${package}"_*.deb; do
      if [[ $(dpkg-deb -f "$deb" Version) == "$version" ]]; then found=$deb; fi
    done
  fi
  [[ -n $found ]] || fail "$key: downloaded $package=$version but cannot find its .deb in $DEBS"
  DEB_OF[$key]=$found
done

# Unpack every tree afresh, then swap it in, so a half-built tree is never in use.
declare -A TREES=()
for entry in "${PINS[@]}"; do
  IFS='|' read -r key package low below dest reason <<<"$entry"
  TREES[$dest]=1
done
for dest in "${!TREES[@]}"; do
  rm -rf "$TOOLS/$dest.new"
  mkdir -p "$TOOLS/$dest.new"
  for entry in "${PINS[@]}"; do
    IFS='|' read -r key package low below where reason <<<"$entry"
    [[ $where == "$dest" ]] && dpkg -x "${DEB_OF[$key]}" "$TOOLS/$dest.new"
  done
  rm -rf "$TOOLS/$dest.old"
  [[ -d $TOOLS/$dest ]] && mv "$TOOLS/$dest" "$TOOLS/$dest.old"
  mv "$TOOLS/$dest.new" "$TOOLS/$dest"
  rm -rf "$TOOLS/$dest.old"
done

# Symlinks by stable names, relative so the checkout can move.
mkdir -p "$TOOLS/bin"
for entry in "${BINS[@]}"; do
  IFS='|' read -r name target <<<"$entry"
  [[ -x $TOOLS/$target ]] || fail "$name: $target is missing from the unpacked packages (did the package move it?)"
  ln -sfn "../$target" "$TOOLS/bin/$name"
  "$TOOLS/bin/$name" --version >/dev/null 2>&1 || fail "$name: $TOOLS/bin/$name --version failed; the binary does not run on this machine"
done

# Stale .debs of versions no longer pinned.
for deb in "$DEBS"/*.deb; do
  keep=""
  for key in "${!DEB_OF[@]}"; do [[ ${DEB_OF[$key]} == "$deb" ]] && keep=1; done
  [[ -n $keep ]] || rm -f "$deb"
done

{
  echo "{"
  n=0
  for entry in "${PINS[@]}"; do
    IFS='|' read -r key rest <<<"$entry"
    n=$((n + 1))
    sep=","
    [[ $n -eq ${#PINS[@]} ]] && sep=""
    echo "  \"$key\": \"${CHOSEN[$key]}\"$sep"
  done
  echo "}"
} >"$TOOLS/versions.json.new"
mv "$TOOLS/versions.json.new" "$TOOLS/versions.json"
echo "$STAMP" >"$TOOLS/stamp"
# apt's binary caches (150 MB) are only needed while resolving; the next refresh rebuilds them in seconds.
rm -f "$APT_DIR/cache/pkgcache.bin" "$APT_DIR/cache/srcpkgcache.bin"
print_versions
