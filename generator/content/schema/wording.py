"""loi-van.yaml: the wording of the lists the program makes besides the documents: the
distribution list (danh-sach-gui), the tracking list of returned reports (tong-hop) and the
comparison of two editions (make diff).

Every key is required here, and none has a default in code: an edition's loi-van.yaml is
optional, and each key it leaves out takes its value from the packaged file
generator/content/mac-dinh/loi-van.yaml (content.edition.WORDING_DEFAULTS), which holds them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from .common import Origin, origin_field, spec

# The placeholders of a count over a whole: "{so}/{tong} nơi nhận …".
COUNTS = ("so", "tong")


@dataclass(kw_only=True)
class DocumentNames:
    """What the distribution list calls each kind of document (its columns, the plan's links)."""

    plan: str = spec("ke_hoach", "Kế hoạch ban hành riêng")
    decision: str = spec("quyet_dinh", "Quyết định ban hành kế hoạch (khi có quyet-dinh.yaml)")
    letter: str = spec("cong_van", "Công văn gửi mỗi nơi nhận")
    form: str = spec("bao_cao", "Biểu mẫu báo cáo")
    form_of_period: str = spec(
        "bao_cao_theo_ky",
        "Biểu mẫu của một kỳ (kế hoạch nhiều kỳ); {van_ban}: tên ở bao_cao, {ky_bao_cao}: tên kỳ",
        placeholders=("van_ban", "ky_bao_cao"),
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class DistributionColumns:
    """The columns of the distribution list's tables."""

    number: str = spec("stt", "Cột số thứ tự")
    name: str = spec("noi_nhan", "Cột tên nơi nhận")
    short_name: str = spec("ten_viet_tat", "Cột tên viết tắt")
    kind: str = spec("loai", "Cột loại nơi nhận (tên loại ở loai-noi-nhan.yaml)")
    tasks: str = spec("so_nhiem_vu", "Cột số nhiệm vụ")
    indicators: str = spec("so_chi_tieu", "Cột số chỉ tiêu báo cáo")
    letter_number: str = spec("so_cong_van", "Cột số công văn")
    deadline: str = spec("han_bao_cao", "Cột hạn báo cáo")
    reached_by: str = spec("trong_noi_nhan", "Cột cho biết nơi nhận có trong Nơi nhận của kế hoạch qua dòng nào")
    plan_line: str = spec("noi_nhan_ke_hoach", "Cột dòng Nơi nhận của kế hoạch (bảng thứ hai của tệp .csv)")
    sent: str = spec("duoc_gui", "Cột những gì dòng Nơi nhận đó được gửi")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class DistributionChecks:
    """The checks the distribution list reports, one sentence each with its count."""

    in_recipients: str = spec(
        "trong_noi_nhan",
        "Nơi nhận công văn có trong Nơi nhận của kế hoạch; {so}/{tong}: số nơi có, số nơi nhận công văn",
        placeholders=COUNTS,
    )
    considered: str = spec(
        "da_xet",
        "Các nơi ở Tổ chức thực hiện đã được xét; {so_gui}: được gửi công văn, {so_khong_gui}: không gửi",
        placeholders=(*COUNTS, "so_gui", "so_khong_gui"),
    )
    with_tasks: str = spec("co_nhiem_vu", "Nơi nhận công văn có ít nhất một nhiệm vụ", placeholders=COUNTS)
    unknown_indicator: str = spec(
        "chi_tieu_chua_co",
        "Lời nhắc chỉ tiêu chưa có nội dung (noi_dung: null); {chi_tieu}: chỉ tiêu, {noi_nhan}: các nơi nhận",
        placeholders=("chi_tieu", "noi_nhan"),
    )
    unconfirmed: str = spec(
        "so_chua_xac_nhan",
        "Lời nhắc số thứ tự chỉ tiêu chưa xác nhận; {chi_tieu}, {noi_nhan}, {ghi_chu}: lời ghi chú in sau số",
        placeholders=("chi_tieu", "noi_nhan", "ghi_chu"),
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class SentWords:
    """What a line of the plan's Nơi nhận is sent (column duoc_gui)."""

    plan_only: str = spec("ke_hoach", "Chỉ kế hoạch")
    not_served: str = spec(
        "khong_cong_van_rieng", "Kế hoạch, không có công văn riêng; {ly_do}: lý do", placeholders=("ly_do",)
    )
    per_unit: str = spec(
        "tung_don_vi",
        "Mỗi đơn vị của danh sách một công văn; {so_don_vi}: số đơn vị",
        placeholders=("so_don_vi",),
    )
    per_unit_reports: str = spec(
        "tung_don_vi_bao_cao",
        "Như tung_don_vi, khi các đơn vị được đề nghị báo cáo",
        placeholders=("so_don_vi",),
    )
    letter: str = spec("cong_van", "Kế hoạch và công văn, không đề nghị báo cáo")
    letter_reports: str = spec("cong_van_bao_cao", "Kế hoạch, công văn và biểu mẫu báo cáo")
    for_information: str = spec("de_biet", "Cơ quan không có nhiệm vụ ở Tổ chức thực hiện")
    free_text: str = spec("ghi_tu_do", "Dòng Nơi nhận ghi tự do (ten), không có trong co-quan.yaml")
    group: str = spec(
        "nhom",
        "Dòng của một nhóm cơ quan; {so}/{tong}: số cơ quan của nhóm có công văn riêng",
        placeholders=COUNTS,
    )
    group_with_letters: str = spec(
        "nhom_co_cong_van",
        "Câu nhom khi có cơ quan có công văn; {cau}: câu nhom, {danh_sach}: tên các cơ quan đó",
        placeholders=("cau", "danh_sach"),
    )
    group_without_letters: str = spec(
        "nhom_khong_cong_van",
        "Câu trên khi có cơ quan không có công văn; {cau}: câu trên, {danh_sach}: các cơ quan kèm lý do",
        placeholders=("cau", "danh_sach"),
    )
    with_reason: str = spec(
        "co_quan_ly_do", "Một cơ quan không có công văn kèm lý do; {ten}, {ly_do}", placeholders=("ten", "ly_do")
    )
    no_tasks: str = spec("khong_nhiem_vu", "Lý do khi cơ quan không có nhiệm vụ ở Tổ chức thực hiện")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class ReachWords:
    """How the plan's Nơi nhận reaches a recipient (column trong_noi_nhan)."""

    own_line: str = spec("truc_tiep", "Qua dòng riêng của cơ quan; {ten}: tên viết tắt", placeholders=("ten",))
    group: str = spec("qua_nhom", "Qua dòng của một nhóm; {nhom}: tên nhóm", placeholders=("nhom",))
    unit_lines: str = spec("tung_don_vi", "Mỗi đơn vị của danh sách có dòng riêng trong Nơi nhận")
    list_line: str = spec(
        "qua_dong", "Đơn vị của một danh sách, qua dòng của danh sách; {dong}: dòng đó", placeholders=("dong",)
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class DistributionWording:
    """The distribution list, danh-sach-gui.html and danh-sach-gui.csv in output/<năm>/."""

    title: str = spec(
        "tieu_de",
        "Tiêu đề; {ten_loai}: tên loại văn bản của kế hoạch, {trich_yeu}: trích yếu",
        placeholders=("ten_loai", "trich_yeu"),
    )
    documents: DocumentNames = spec("van_ban", "Tên các văn bản")
    columns: DistributionColumns = spec("cot", "Tên các cột")
    checks_heading: str = spec("muc_kiem_tra", "Tiêu đề phần các kiểm tra đã thực hiện")
    letters_heading: str = spec("muc_cong_van", "Tiêu đề bảng nơi nhận công văn và biểu mẫu")
    plan_heading: str = spec("muc_ke_hoach", "Tiêu đề bảng các dòng Nơi nhận của kế hoạch")
    not_served_heading: str = spec("muc_khong_gui", "Tiêu đề danh sách các cơ quan không gửi công văn riêng")
    none: str = spec("khong_co", "In dưới tiêu đề muc_khong_gui khi không có cơ quan nào")
    not_sent: str = spec("khong_gui", "Ô của một văn bản không gửi cho nơi đó")
    no_number: str = spec("chua_co_so", "Ô số công văn khi công văn chưa có số")
    no_report: str = spec("khong_bao_cao", "Ô hạn báo cáo khi nơi đó không được đề nghị báo cáo")
    not_served_reason: str = spec(
        "khong_cong_van_chung", "Lý do không gửi công văn cho mục chung (gui_cong_van: false)"
    )
    checks: DistributionChecks = spec("kiem_tra", "Các câu kiểm tra")
    sent: SentWords = spec("duoc_gui", "Cột duoc_gui của bảng Nơi nhận của kế hoạch")
    reach: ReachWords = spec("trong_noi_nhan", "Cột trong_noi_nhan của bảng nơi nhận công văn")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class TrackingColumns:
    number: str = spec("stt", "Cột số thứ tự")
    unit: str = spec("don_vi", "Cột đơn vị")
    status: str = spec("tinh_trang", "Cột tình trạng")
    reported_on: str = spec("ngay_bao_cao", "Cột ngày báo cáo")
    date_source: str = spec("ngay_lay_tu", "Cột cho biết ngày báo cáo lấy từ đâu")
    received_on: str = spec("ngay_nhan", "Cột ngày nhận")
    deadline: str = spec("han", "Cột hạn")
    late: str = spec("tre_han", "Cột trễ hạn")
    file: str = spec("tep", "Cột tên tệp")
    problems: str = spec("van_de", "Cột các vấn đề cần xử lý")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class TrackingWording:
    """The tracking list of returned reports, theo-doi-bao-cao.html and .csv (make tong-hop)."""

    title: str = spec("tieu_de", "Tiêu đề của trang (thẻ trình duyệt)")
    heading: str = spec(
        "dong_dau",
        "Dòng đầu trang; {so_da_bao_cao}, {so_phai_bao_cao}: số đơn vị đã và phải báo cáo",
        placeholders=("so_da_bao_cao", "so_phai_bao_cao"),
    )
    columns: TrackingColumns = spec("cot", "Tên các cột")
    reported: str = spec("da_bao_cao", "Tình trạng: đã báo cáo")
    missing: str = spec("chua_bao_cao", "Tình trạng: chưa báo cáo")
    unusable: str = spec("khong_dung_duoc", "Tình trạng: có tệp gửi về nhưng không dùng được")
    late: str = spec("tre_han", "Ô trễ hạn của báo cáo gửi sau hạn")
    date_written: str = spec("ngay_ghi_tren_bao_cao", "Ngày báo cáo lấy từ dòng ngày tháng của báo cáo")
    date_of_file: str = spec("ngay_cua_tep", "Ngày báo cáo lấy từ ngày của tệp")
    unknown_unit: str = spec("khong_ro_don_vi", "Ô đơn vị của tệp không nhận ra của đơn vị nào")
    invalid: str = spec(
        "chua_hop_le",
        "Vấn đề: số liệu chưa hợp lệ của tệp được tính; {so_lieu}: ô và lý do",
        placeholders=("so_lieu",),
    )
    more: str = spec(
        "con_nua",
        "Cuối ô vấn đề quá dài cho một ô Excel (tệp .csv); {so}: số vấn đề không in, {tep}: tệp .html có đủ",
        placeholders=("so", "tep"),
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class ComparisonStatus:
    same: str = spec("khong_doi", "Phần không đổi")
    changed: str = spec("co_thay_doi", "Phần có thay đổi")
    added: str = spec("moi_them", "Phần mới thêm")
    removed: str = spec("da_bo", "Phần đã bỏ")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class ComparisonColumns:
    part: str = spec("phan", "Cột phần của kế hoạch")
    status: str = spec("tinh_trang", "Cột tình trạng")
    added: str = spec("doan_them", "Cột số đoạn thêm")
    removed: str = spec("doan_bo", "Cột số đoạn bỏ")
    changed: str = spec("doan_sua", "Cột số đoạn sửa")
    moved: str = spec("doan_chuyen", "Cột số đoạn chuyển chỗ")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class ComparisonParts:
    """The names of the parts of the plan that its own headings do not name."""

    header: str = spec("so_ngay", "Số, ngày và trích yếu")
    opening: str = spec("mo_dau", "Các đoạn mở đầu")
    closing: str = spec("ket_thuc", "Các đoạn kết thúc")
    signature: str = spec("nguoi_ky", "Các dòng chức vụ người ký")
    signer: str = spec("ho_ten", "Họ tên người ký")
    recipients: str = spec("noi_nhan", "Nơi nhận")
    number_line: str = spec("dong_so", "Lý do tự thay: dòng số, ký hiệu")
    date_line: str = spec("dong_ngay", "Lý do tự thay: dòng địa danh, ngày tháng")
    type_name: str = spec("ten_loai", "Lý do tự thay: tên loại văn bản")
    title: str = spec("trich_yeu", "Lý do tự thay: trích yếu")
    renumbered: str = spec("danh_so_lai", "Lý do tự thay: số thứ tự đánh lại")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class ComparisonPage:
    """The labels of the comparison's HTML page only."""

    legend: str = spec("cach_doc", "Chữ trước các mẫu màu, ví dụ Cách đọc:")
    inserted: str = spec("chu_them", "Mẫu màu của chữ thêm")
    deleted: str = spec("chu_bo", "Mẫu màu của chữ bỏ")
    moved: str = spec("doan_chuyen_cho", "Mẫu màu của đoạn chuyển chỗ")
    summary: str = spec("tom_tat", "Tiêu đề phần tóm tắt")
    others: str = spec("phan_khac", "Câu sau bảng tóm tắt")
    moved_away: str = spec(
        "chuyen_di",
        "Chỗ cũ của một đoạn chuyển chỗ; {doan}: đầu đoạn đó",
        placeholders=("doan",),
    )
    moved_here: str = spec("chuyen_den", "Nhãn sau đoạn ở chỗ mới")
    origin: Origin | None = origin_field()


# The two years of a comparison, in every sentence of it.
YEARS = ("nam_cu", "nam_moi")


@dataclass(kw_only=True)
class ComparisonWording:
    """The comparison of two editions' plans, so-sanh-<cũ>-<mới>.html and .docx (make diff)."""

    title: str = spec("tieu_de", "Tiêu đề; {nam_cu}, {nam_moi}: năm của hai bản", placeholders=YEARS)
    summary_heading: str = spec("tieu_de_tom_tat", "Tiêu đề phần tóm tắt ở trang cuối tệp Word", placeholders=YEARS)
    track_changes: str = spec("theo_doi_thay_doi", "Câu giải thích cách xem các thay đổi trong Word")
    statuses: ComparisonStatus = spec("tinh_trang", "Tình trạng của một phần")
    columns: ComparisonColumns = spec("cot", "Tên các cột của bảng tóm tắt")
    parts: ComparisonParts = spec("phan", "Tên các phần, các dòng")
    unedited: str = spec("khong_sua", "Tóm tắt khi chỉ có chỗ chương trình tự thay", placeholders=YEARS)
    identical: str = spec("giong_nhau", "Tóm tắt khi hai bản giống hệt nhau", placeholders=YEARS)
    totals: str = spec(
        "tong_cong",
        "Dòng tổng cộng; {them}, {bo}, {sua}, {chuyen}: số đoạn",
        placeholders=(*YEARS, "them", "bo", "sua", "chuyen"),
    )
    agency_added: str = spec(
        "co_quan_moi", "Cơ quan mới có; {co_quan}, {so_nhiem_vu}", placeholders=("co_quan", "so_nhiem_vu")
    )
    agency_removed: str = spec(
        "co_quan_bo",
        "Cơ quan không còn; {co_quan}, {so_nhiem_vu}: số nhiệm vụ trước",
        placeholders=("co_quan", "so_nhiem_vu"),
    )
    agency_changed: str = spec(
        "co_quan_sua",
        "Cơ quan có nhiệm vụ thay đổi; {thay_doi}: các câu nhiem_vu_… nối bằng dấu phẩy",
        placeholders=("co_quan", "thay_doi", "so_nhiem_vu"),
    )
    tasks_added: str = spec("nhiem_vu_them", "Số nhiệm vụ thêm; {so}", placeholders=("so",))
    tasks_removed: str = spec("nhiem_vu_bo", "Số nhiệm vụ bỏ; {so}", placeholders=("so",))
    tasks_changed: str = spec("nhiem_vu_sua", "Số nhiệm vụ sửa; {so}", placeholders=("so",))
    tasks_moved: str = spec("nhiem_vu_chuyen", "Số nhiệm vụ chuyển chỗ; {so}", placeholders=("so",))
    automatic: str = spec(
        "tu_thay",
        "Dòng các đoạn chương trình tự thay; {so_doan}: số đoạn, {ly_do}: các câu ly_do_tu_thay",
        placeholders=("so_doan", "ly_do"),
    )
    automatic_reason: str = spec(
        "ly_do_tu_thay", "Một lý do tự thay; {ly_do}, {so_doan}", placeholders=("ly_do", "so_doan")
    )
    page: ComparisonPage = spec("trang", "Các nhãn riêng của trang HTML")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class Wording:
    distribution: DistributionWording = spec("danh_sach_gui", "Danh sách gửi (make documents)")
    tracking: TrackingWording = spec("theo_doi", "Bảng theo dõi báo cáo (make tong-hop)")
    comparison: ComparisonWording = spec("so_sanh", "Bản so sánh hai năm (make diff)")
    origin: Origin | None = origin_field()
