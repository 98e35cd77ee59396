#!/usr/bin/env bash
# Installs the system programs the editions and their checks need, when they are missing:
# Chromium's headless shell (renders the PDF, runs the accessibility checks; the full `chromium`
# works too, at half the speed), Java + epubcheck (checks the EPUB)
# poppler-utils (page previews), libgs-common (the press edition's default CMYK profile and
# its sRGB profile) and fonts-noto-color-emoji (emoji print in colour, embedded in the PDF).
# Uses apt-get as root; otherwise says what to run. With --check it only says what is missing
# (exit 1), as the tests' setup asks before it runs Chromium and Java.
set -euo pipefail
check_only=false
[ "${1:-}" = --check ] && check_only=true

missing=()
command -v chromium-headless-shell >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] ||
  missing+=(chromium-headless-shell)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ -f /usr/share/java/epubcheck.jar ] || missing+=(epubcheck)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
[ -f /usr/share/color/icc/ghostscript/default_cmyk.icc ] || missing+=(libgs-common)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)

[ ${#missing[@]} -eq 0 ] && exit 0

if ! $check_only && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
