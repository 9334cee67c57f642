#!/usr/bin/env bash
# Installs the real clients the test suite drives: Chromium (HTML slideshow) and LibreOffice
# (PPTX opens, PDF export) with fonts of Office's widths, and pandoc (third-party decks). Installs only
# what is missing; uses sudo when not root.
set -euo pipefail
need=("$@")  # extra packages asked for by name (make bench asks for pandoc)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-impress)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)  # decks of another tool for `slidegen check`
command -v curl >/dev/null 2>&1 || need+=(curl)  # serve answers HEAD as `curl -I` asks it
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
# Metric-compatible stand-ins for Calibri, Cambria, Arial, Times New Roman and Courier New, so a
# PDF made by LibreOffice breaks its lines where PowerPoint does (and the title tests can measure).
fc-list 2>/dev/null | grep -qi carlito || need+=(fonts-crosextra-carlito)
fc-list 2>/dev/null | grep -qi caladea || need+=(fonts-crosextra-caladea)
fc-list 2>/dev/null | grep -qi "liberation sans" || need+=(fonts-liberation2)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "installing system packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${need[@]}"
