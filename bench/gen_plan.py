#!/usr/bin/env python3
"""Writes a plan document of about SIZE bytes (default 1 MB) in the layout of
the seed plans: header, title, preamble, Roman sections with agencies,
lettered tasks with deadlines and reporting duties, Nơi nhận, signature and
an appendix table with a formula row. Deterministic for a given size."""
import sys

size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
agencies = ["Công an xã", "Trạm Y tế xã", "Đoàn Thanh niên xã", "Hội Phụ nữ xã", "Trường Tiểu học Tân Hòa",
            "Ban Chỉ huy Quân sự xã", "Văn phòng Ủy ban nhân dân xã", "Sở Tư pháp"]
out = ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA", "", "Số: 45/KH-UBND", "", "Tân Hòa, ngày 03 tháng 7 năm 2026", "",
       "KẾ HOẠCH", "", "Cấp căn cước và kích hoạt tài khoản định danh điện tử cho công dân trên địa bàn xã", "",
       "Căn cứ Quyết định số 1234/QĐ-UBND ngày 15/5/2026 của UBND tỉnh về việc triển khai Đề án 06;", ""]
n = 0
body_target = size * 2 // 3
while sum(len(l.encode()) + 1 for l in out) < body_target:
    r = romans[(n // 8) % len(romans)]
    if n % 8 == 0:
        out += [f"{r}. NHIỆM VỤ ĐỢT {n // 8 + 1}", ""]
    agency = agencies[n % len(agencies)]
    out += [f"{n % 8 + 1}. {agency}", ""]
    for k, letter in enumerate("abcdđe"):
        day = 1 + (n + k) % 28
        month = 7 + (n + k) % 5
        out += [f"{letter}) Tổ chức thu nhận hồ sơ cấp căn cước cho học sinh và người cao tuổi tại ấp số {n}, "
                f"hướng dẫn kích hoạt tài khoản định danh điện tử mức 2 cho các hộ gia đình, hoàn thành trước ngày",
                "", f"{day} tháng {month} năm 2026;", ""]
    out += [f"- Báo cáo kết quả trước 16 giờ 30 phút ngày thứ Sáu hàng tuần.", ""]
    n += 1
out += ["Nơi nhận:", "- Công an tỉnh;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Lê Thị Hoa", "",
        "PHỤ LỤC", "DANH SÁCH CHỈ TIÊU THEO ẤP", "",
        "TT\tẤp\tSố học sinh\tĐã có căn cước\tCòn lại\tMỗi ngày", "1\t2\t3\t4\t5 = 3-4\t6 = 5/40"]
i = 0
while sum(len(l.encode()) + 1 for l in out[-50:]) and len("\n".join(out).encode()) < size:
    for _ in range(200):
        i += 1
        a, b = 200 + i % 300, 50 + i % 40
        out.append(f"{i}\tẤp {i}\t{a}\t{b}\t{a - b}\t{(a - b) / 40:.1f}".replace(".", ","))
sys.stdout.write("\n".join(out) + "\n")
