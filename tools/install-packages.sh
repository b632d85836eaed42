#!/bin/sh
# Installs the project's Python packages into its virtual environment (run by the Makefile):
# from the offline bundle (goi-cai-dat/, made by `make offline-bundle` on a machine with network)
# when it holds wheels, else from PyPI. pip's own output goes to a log file, never to the screen;
# on failure the clerk reads one Vietnamese paragraph saying what failed and what to try.
# Usage: sh tools/install-packages.sh <the venv's python>
set -u
py="$1"
log="${INSTALL_LOG:-.venv-install.log}"
bundle="${OFFLINE_BUNDLE:-goi-cai-dat}"

if ls "$bundle"/*.whl >/dev/null 2>&1; then
  offline=1
  echo "Đang cài các gói Python từ thư mục $bundle/ (không cần mạng)…"
  set -- --no-index --find-links "$bundle"
else
  offline=0
  echo "Đang cài các gói Python từ PyPI (cần mạng; lần đầu mất vài phút)…"
  set --
fi
if "$py" -m pip install --disable-pip-version-check "$@" -e '.[test]' >"$log" 2>&1; then
  exit 0
fi
if [ "$offline" = 1 ]; then
  cat >&2 <<MESSAGE
Không cài được các gói Python từ thư mục $bundle/: thư mục thiếu gói, hoặc các gói trong đó làm
cho máy khác loại (hệ điều hành hay phiên bản Python khác máy này). Hãy tạo lại thư mục đó bằng
lệnh make offline-bundle trên một máy có mạng cùng loại với máy này (ví dụ cùng Ubuntu của WSL),
chép sang rồi chạy lại; hoặc xóa thư mục $bundle/ để cài qua mạng. Chi tiết lỗi ghi ở tệp $log.
MESSAGE
else
  cat >&2 <<MESSAGE
Không cài được các gói Python mà chương trình cần (docxtpl, WeasyPrint…) từ PyPI (pypi.org).
Thường là do máy chưa vào được mạng, hoặc mạng cơ quan phải đi qua máy chủ proxy. Hãy thử lần
lượt: (1) kiểm tra mạng, mở https://pypi.org bằng trình duyệt; (2) nếu cơ quan dùng proxy, hỏi
địa chỉ proxy rồi chạy, ví dụ: export HTTPS_PROXY=http://proxy.co-quan.vn:8080 và chạy lại lệnh;
(3) nếu máy không có mạng: trên một máy có mạng cùng loại, chạy make offline-bundle, chép thư mục
$bundle/ vào thư mục chương trình ở máy này rồi chạy lại. Chi tiết lỗi ghi ở tệp $log.
MESSAGE
fi
exit 1
