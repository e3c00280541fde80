# Sourced by the scripts beside it: the launcher, a work directory, required tools and the build.
# Sets root, launcher and work; WORK=<dir> overrides the fresh temporary directory.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="$root/vscan-poc"

# $1: the calling script's name, used for the temporary directory and in messages.
script_name="$1"
work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/vscan-$script_name.XXXXXX")}"

# require TOOL WHY: stops with exit 3 and one line when TOOL is missing.
require() {
  command -v "$1" >/dev/null || { echo "$script_name: $1 is needed $2" >&2; exit 3; }
}

# Builds poc-cli.jar first if it is missing or stale (the launcher's own check), so that no timed
# or killed run pays for a build.
ensure_built() {
  "$launcher" --version >/dev/null
}
