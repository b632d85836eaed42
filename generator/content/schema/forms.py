"""bieu-mau.yaml: the report form and the summary (tong_hop)."""

from __future__ import annotations

from dataclasses import dataclass

from .common import LETTER_PLACEHOLDERS, Origin, origin_field, spec


# Who a row of a form's activity or budget table is asked of (see generator/document/report_form.py).
ROW_SCOPE_DOC = "Chỉ hỏi dòng này ở biểu mẫu của các nơi có mã loại (loai), mã danh sách đơn vị hoặc mã cơ quan này"


@dataclass(kw_only=True)
class Activity:
    name: str = spec("ten", "Tên hoạt động, hình thức tuyên truyền (một dòng của bảng hoạt động)")
    unit: str = spec("don_vi_tinh", "Đơn vị tính số lượng, ví dụ cuộc, bản, cái")
    asked_of: list[str] = spec("danh_cho", ROW_SCOPE_DOC, default_factory=list, one_or_more=True)
    counts_people: bool = spec(
        "hoi_so_nguoi",
        "false: dòng không hỏi số người tham gia và số nữ (tin, bài; tài liệu cấp phát): hai ô đó in “–”",
        default=True,
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class BudgetScope:
    """Which recipients one budget source row of the form is asked of."""

    source: int = spec("nguon", "Số thứ tự của nguồn kinh phí trong kinh_phi (đếm từ 1)")
    asked_of: list[str] = spec("danh_cho", ROW_SCOPE_DOC, one_or_more=True)
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class TaskGroup:
    """Several tasks of one section IV entry reported on one row of the form."""

    entry: str = spec("co_quan", "Mã cơ quan (co-quan.yaml) của mục ở Tổ chức thực hiện có các nhiệm vụ này")
    name: str = spec("ten", "Tên dòng ở bảng nhiệm vụ của biểu mẫu, ví dụ Tuyên truyền, truyền thông")
    tasks: list[int] = spec(
        "nhiem_vu",
        "Số thứ tự các nhiệm vụ (đoạn nhiem_vu của mục, đếm từ 1) gộp vào dòng này; gộp đoạn "
        "dẫn các điểm a), b)… (đoạn cuối, kết thúc bằng dấu hai chấm) thì các điểm đó cũng ở dòng này",
    )
    origin: Origin | None = origin_field()


# Placeholders of the form's own lines besides those of the letter.
FORM_PLACEHOLDERS = LETTER_PLACEHOLDERS + ("ma_bieu_mau",)


@dataclass(kw_only=True)
class FormHeadings:
    """The numbered parts of a report form (the program numbers them I., II., …)."""

    tasks: str = spec("nhiem_vu", "Phần kết quả thực hiện các nhiệm vụ được giao")
    activities: str = spec("hoat_dong", "Phần kết quả tổ chức các hoạt động")
    indicators: str = spec("chi_tieu", "Phần kết quả thực hiện các chỉ tiêu")
    budget: str = spec("kinh_phi", "Phần kinh phí thực hiện")
    narrative: str = spec("y_kien", "Phần khó khăn, vướng mắc và đề xuất, kiến nghị")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class FormColumns:
    """Column titles and fixed row names of the form's tables."""

    number: str = spec("stt", "Cột số thứ tự, ví dụ STT")
    task: str = spec("nhiem_vu", "Cột nhiệm vụ được giao")
    task_result: str = spec(
        "ket_qua_nhiem_vu", "Cột kết quả thực hiện nhiệm vụ; {ky_bao_cao} là kỳ báo cáo", placeholders=("ky_bao_cao",)
    )
    activity: str = spec("hoat_dong", "Cột tên hoạt động")
    unit: str = spec("don_vi_tinh", "Cột đơn vị tính")
    quantity: str = spec("so_luong", "Cột số lượng")
    participants: str = spec("so_nguoi", "Cột số người tham gia")
    women: str = spec("nu", "Cột số nữ trong số người tham gia")
    note: str = spec("ghi_chu", "Cột ghi chú")
    indicator: str = spec("chi_tieu", "Cột chỉ tiêu")
    result: str = spec(
        "ket_qua", "Cột kết quả chỉ tiêu của một kỳ; {ky_bao_cao} là kỳ báo cáo", placeholders=("ky_bao_cao",)
    )
    count_row: str = spec("dong_tu_so", "Dòng dưới chỉ tiêu tỷ lệ: số đạt (tử số)")
    total_row: str = spec("dong_mau_so", "Dòng dưới chỉ tiêu tỷ lệ: tổng số (mẫu số)")
    count_unit: str = spec("don_vi_tu_so", "Đơn vị tính của dòng tử số, mẫu số, ví dụ số lượng")
    budget_source: str = spec("nguon_kinh_phi", "Cột nguồn kinh phí")
    budget_amount: str = spec("so_tien", "Cột số tiền đã sử dụng")
    other_activity: str = spec("hoat_dong_khac", "Dòng cuối bảng hoạt động cho hoạt động chưa có trong bảng")
    summary_other_activity: str | None = spec(
        "hoat_dong_khac_tong_hop",
        "Dòng đó ở báo cáo tổng hợp và báo cáo cấp trên, nơi không có gì để ghi; để trống thì như hoat_dong_khac",
        default=None,
    )
    item: str = spec("noi_dung", "Cột nội dung của bảng ý kiến")
    answer: str = spec("y_kien", "Cột ý kiến của đơn vị ở bảng ý kiến")
    difficulties: str = spec("kho_khan", "Dòng khó khăn, vướng mắc")
    proposals: str = spec("de_xuat", "Dòng đề xuất, kiến nghị")
    origin: Origin | None = origin_field()


# The summary's automatic figures, for the collecting office's own paragraphs. Besides these, a
# count total per unit of the activity rows ({tong_so_luong_cuoc}…, content/figures.py), and
# {tong_so_luong} only while the rows share one unit (checks/text.py refuses it otherwise).
SUMMARY_FIGURES = ("so_da_bao_cao", "so_phai_bao_cao", "tong_so_luong", "tong_so_nguoi", "tong_so_nu", "tong_kinh_phi")


@dataclass(kw_only=True)
class SummarySigner:
    """Who signs the collecting office's summary: its head (or deputy), by title and name."""

    title: list[str] = spec(
        "chuc_vu",
        'Chức vụ người ký, có tiền tố KT./Q. nếu có; nhiều dòng thì ghi danh sách, ví dụ ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"]',
        one_or_more=True,
    )
    name: str | None = spec("ho_ten", "Họ và tên người ký; để trống (null) thì để chỗ trống ghi tay", default=None)
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class SummaryReportSettings:
    """The collecting office's summary report to the issuer (bao-cao-tong-hop), made by make tong-hop."""

    title: str = spec(
        "trich_yeu",
        "Trích yếu của báo cáo tổng hợp; {ky_bao_cao}: kỳ được tổng hợp (make tong-hop KY=…), ví dụ năm 2027",
        placeholders=LETTER_PLACEHOLDERS + ("ky_bao_cao",),
        line_marks=True,
    )
    opening: str = spec(
        "mo_dau",
        "Đoạn mở đầu; {so_da_bao_cao}, {so_phai_bao_cao}: số đơn vị đã và phải báo cáo",
        placeholders=LETTER_PLACEHOLDERS + ("so_da_bao_cao", "so_phai_bao_cao"),
    )
    activities: str = spec("hoat_dong", "Phần kết quả các hoạt động, theo hoạt động và theo đơn vị")
    by_unit: str = spec("theo_don_vi", "Cột hoặc tiêu đề bảng theo đơn vị, ví dụ Đơn vị")
    tasks: str = spec("nhiem_vu", "Phần kết quả thực hiện nhiệm vụ của từng đơn vị")
    indicators: str = spec("chi_tieu", "Phần kết quả các chỉ tiêu, theo đơn vị")
    budget: str = spec("kinh_phi", "Phần kinh phí, theo đơn vị")
    narrative: str = spec("y_kien", "Phần khó khăn, vướng mắc và đề xuất, kiến nghị của các đơn vị")
    total: str = spec("tong_cong", "Dòng tổng cộng, ví dụ Tổng cộng")
    caption: str = spec("nhan_bang", "Chữ trước số của tên bảng, ví dụ Bảng (in Bảng 1. …)")
    activities_caption: str = spec("bang_hoat_dong", "Tên bảng kết quả theo hoạt động (in trên bảng)")
    units_caption: str = spec("bang_don_vi", "Tên bảng số người tham gia và kinh phí theo đơn vị")
    indicators_caption: str = spec("bang_chi_tieu", "Tên bảng kết quả các chỉ tiêu")
    budget_caption: str = spec("bang_kinh_phi", "Tên bảng kinh phí theo nguồn")
    missing: str = spec(
        "chua_bao_cao",
        "Câu nêu các đơn vị chưa gửi báo cáo; {danh_sach} là tên các đơn vị",
        placeholders=("danh_sach",),
    )
    number: int | None = spec(
        "so", "Số của báo cáo tổng hợp khi đã vào sổ; để trống (null) khi chưa có số", default=None
    )
    symbol: str | None = spec(
        "ky_hieu",
        "Chữ viết tắt tên cơ quan tổng hợp trong ký hiệu (…/BC-LĐTBXH); để trống thì lấy ky_hieu của cơ quan ở co-quan.yaml",
        default=None,
    )
    signer: SummarySigner | None = spec(
        "nguoi_ky",
        "Người đứng đầu cơ quan tổng hợp ký báo cáo; để trống thì in chức vụ của biểu mẫu, không có họ tên",
        default=None,
    )
    assessment_title: str = spec("danh_gia", "Tên phần đánh giá chung của cơ quan tổng hợp, ví dụ ĐÁNH GIÁ CHUNG")
    assessment: list[str] = spec(
        "danh_gia_noi_dung",
        "Các đoạn đánh giá chung do cơ quan tổng hợp viết, mỗi phần tử một đoạn; số liệu tự động: "
        "{so_da_bao_cao}, {so_phai_bao_cao} (số đơn vị đã, phải báo cáo), {tong_so_luong_…} (tổng cột Số lượng "
        "của các dòng hoạt động có đơn vị tính đó, viết không dấu: {tong_so_luong_cuoc}, {tong_so_luong_tin_bai}; "
        "{tong_so_luong} chỉ khi mọi dòng cùng một đơn vị tính), {tong_so_nguoi}, {tong_so_nu} (số người tham gia, "
        "số nữ của mọi dòng), {tong_kinh_phi} (tổng kinh phí, đồng)",
        default_factory=list,
        placeholders=LETTER_PLACEHOLDERS + SUMMARY_FIGURES,
    )
    proposals_title: str = spec("de_xuat", "Tên phần đề xuất, kiến nghị của cơ quan tổng hợp")
    proposals: list[str] = spec(
        "de_xuat_noi_dung",
        "Các đoạn đề xuất, kiến nghị của cơ quan tổng hợp, mỗi phần tử một đoạn (có thể dùng các số liệu tự động "
        "như ở danh_gia_noi_dung)",
        default_factory=list,
        placeholders=LETTER_PLACEHOLDERS + SUMMARY_FIGURES,
    )
    invalid: str = spec(
        "chua_hop_le",
        "Câu nêu số liệu chưa hợp lệ (không tính) của một đơn vị đã báo cáo; {so_lieu}: các ô, {don_vi}: tên đơn vị",
        placeholders=("so_lieu", "don_vi"),
    )
    nothing: str = spec("khong_co", "Câu in khi không đơn vị nào ghi ý kiến hay kết quả ở một phần")
    closing: str = spec("ket_thuc", "Câu kết thúc báo cáo tổng hợp (có ./. ở cuối)", placeholders=LETTER_PLACEHOLDERS)
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class ReportFormSettings:
    title: str = spec(
        "trich_yeu",
        "Trích yếu của báo cáo, in dưới chữ BÁO CÁO; | đánh dấu chỗ xuống dòng; {ky_bao_cao}: kỳ của biểu mẫu "
        "(kế hoạch nhiều kỳ có một biểu mẫu cho mỗi kỳ), ví dụ năm 2027",
        line_marks=True,
        placeholders=("ky_bao_cao",),
    )
    addressee: str = spec(
        "kinh_gui", "Dòng Kính gửi của biểu mẫu (không ghi chữ Kính gửi)", placeholders=LETTER_PLACEHOLDERS
    )
    collector_addressee: str = spec(
        "kinh_gui_noi_tong_hop",
        "Dòng Kính gửi của biểu mẫu của chính cơ quan tổng hợp",
        placeholders=LETTER_PLACEHOLDERS,
    )
    label: str = spec(
        "nhan",
        "Dòng nhãn ở góc trên bên phải; {ma_bieu_mau} là mã chương trình dùng để nhận ra biểu mẫu "
        "khi đơn vị gửi lại (giữ nguyên chỗ điền này)",
        placeholders=FORM_PLACEHOLDERS,
    )
    attached: str = spec("kem_theo", "Dòng dưới nhãn, ví dụ (Kèm theo {cong_van})", placeholders=FORM_PLACEHOLDERS)
    deadline: str = spec("thoi_han", "Câu thời hạn, in ở phần hướng dẫn sau chữ ký", placeholders=LETTER_PLACEHOLDERS)
    instructions_heading: str = spec(
        "tieu_de_huong_dan", "Tiêu đề phần hướng dẫn điền (in sau chữ ký, ngoài phần đơn vị ký)"
    )
    instructions: list[str] = spec(
        "huong_dan",
        "Các câu hướng dẫn điền biểu mẫu, mỗi phần tử một câu",
        default_factory=list,
        placeholders=LETTER_PLACEHOLDERS,
    )
    opening: str = spec("mo_dau", "Đoạn mở đầu của báo cáo", placeholders=LETTER_PLACEHOLDERS)
    signer_note: str = spec(
        "ghi_chu_ky",
        "Dòng dưới chức vụ người ký, ví dụ (Ký, ghi rõ họ tên, đóng dấu); danh sách đơn vị "
        "không có dấu (ấp, khu phố) ghi riêng ở don-vi.yaml",
    )
    copies: list[str] = spec("noi_nhan", "Nơi nhận của biểu mẫu, trước dòng Lưu, ví dụ [Như trên]")
    archive: list[str] = spec("luu", "Nơi lưu biểu mẫu, sau chữ Lưu:, ví dụ [VT]")
    period: str = spec("ky_bao_cao", "Tên kỳ báo cáo in ở cột kết quả, ví dụ năm {nam}")
    headings: FormHeadings = spec("tieu_de_muc", "Tên các phần của biểu mẫu")
    columns: FormColumns = spec("cot", "Tên các cột và các dòng cố định của bảng")
    activities: list[Activity] = spec(
        "hoat_dong", "Các dòng của bảng hoạt động: hoạt động Tháng hành động và hình thức tuyên truyền"
    )
    task_groups: list[TaskGroup] = spec(
        "nhom_nhiem_vu",
        "Các nhiệm vụ được gộp vào một dòng của bảng nhiệm vụ; nhiệm vụ không có ở đây mỗi nhiệm vụ một dòng",
        default_factory=list,
    )
    budget_sources: list[str] = spec(
        "kinh_phi", "Các dòng của bảng kinh phí (nguồn kinh phí, theo mục kinh phí của kế hoạch)"
    )
    budget_scopes: list[BudgetScope] = spec(
        "kinh_phi_danh_cho", "Nguồn kinh phí chỉ hỏi một số nơi", default_factory=list
    )
    rate_instructions: list[str] = spec(
        "huong_dan_ty_le", "Câu hướng dẫn chỉ in khi biểu mẫu có dòng số đạt, tổng số", default_factory=list
    )
    no_indicators: str | None = spec("khong_chi_tieu", "Không còn dùng: biểu mẫu bỏ phần chỉ tiêu", default=None)
    unknown_indicator: str = spec(
        "chi_tieu_chua_co",
        "In thay nội dung chỉ tiêu chưa có trong chi-tieu.yaml (noi_dung: null), có chỗ trống để ghi tay",
    )
    summary: SummaryReportSettings = spec("tong_hop", "Báo cáo tổng hợp của cơ quan nhận báo cáo (make tong-hop)")
    origin: Origin | None = origin_field()
