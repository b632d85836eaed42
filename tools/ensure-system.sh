#!/bin/sh
# Checks (and where it can, installs) what WeasyPrint needs from the system:
# Pango, fontconfig, a Times-compatible font with Vietnamese letters, HarfBuzz's subset library.
# Messages are for the clerk, in Vietnamese. Extra Debian packages to require can be passed as
# arguments (the tests add libreoffice-writer-nogui).
set -u

missing=""
need() { missing="$missing $1"; }
# The first of several names for one package that this system's apt knows: releases rename some.
# Ubuntu 24.04 (WSL's default) and Debian 13 ship Liberation 2 as fonts-liberation (Debian 12:
# fonts-liberation2, fonts-liberation there being version 1, without every Vietnamese letter);
# Ubuntu has no chromium or chromium-driver deb, but chromium-browser and chromium-chromedriver.
# Without apt's lists (apt update not run yet), the first name.
pick() {
  for name in "$@"; do
    apt-cache show "$name" 2>/dev/null | grep -q '^Package:' && { echo "$name"; return; }
  done
  echo "$1"
}
fonts_liberation() { pick fonts-liberation2 fonts-liberation; }
# ldconfig lives in /sbin, which is not on an ordinary user's PATH on Debian.
ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
has_library() { "$ldconfig" -p 2>/dev/null | grep -q "$1"; }
# Under WSL, Windows' own Times New Roman, which the generator uses from there (generator/writers/fonts.py).
windows_times() {
  for file in times.ttf timesbd.ttf timesi.ttf timesbi.ttf; do [ -f "/mnt/c/Windows/Fonts/$file" ] || return 1; done
}

command -v fc-match >/dev/null 2>&1 || need fontconfig
has_library 'libpango-1\.0\.so' || need libpango-1.0-0
has_library 'libpangoft2-1\.0\.so' || need libpangoft2-1.0-0
has_library 'libharfbuzz-subset\.so' || need libharfbuzz-subset0
if windows_times; then
  :
elif command -v fc-match >/dev/null 2>&1; then
  case "$(fc-match -f '%{family[0]}' 'Times New Roman')" in
    "Times New Roman"|"Liberation Serif"|"Tinos") ;;
    *) need "$(fonts_liberation)" ;;
  esac
else
  need "$(fonts_liberation)"
fi
for package in "$@"; do
  case "$package" in
    libreoffice-writer-nogui) command -v soffice >/dev/null 2>&1 || need "$package" ;;
    chromium) command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need "$(pick chromium chromium-browser)" ;;
    chromium-driver) command -v chromedriver >/dev/null 2>&1 || need "$(pick chromium-driver chromium-chromedriver)" ;;
    *) dpkg -s "$package" >/dev/null 2>&1 || need "$package" ;;
  esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Đang cài các gói hệ thống còn thiếu:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null && exit 0
  echo "Không cài được các gói:$missing" >&2
  exit 1
fi

echo "Máy còn thiếu các gói hệ thống:$missing" >&2
if grep -qi microsoft /proc/version 2>/dev/null; then
  # WSL: the clerk is the administrator of their own Ubuntu.
  echo "Chạy lệnh sau (nhập mật khẩu Ubuntu của mình khi được hỏi), rồi chạy lại:" >&2
else
  echo "Hãy nhờ người quản trị máy chạy lệnh sau, rồi chạy lại:" >&2
fi
echo "    sudo apt-get install$missing" >&2
exit 1
