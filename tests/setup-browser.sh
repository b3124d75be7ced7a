#!/usr/bin/env bash
# Install Debian's chromium for the HTML report's browser test (tests/test_report_html_browser.py).
# Playwright drives it at /usr/bin/chromium; `playwright install` is never used (it downloads a browser).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
else
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends chromium
