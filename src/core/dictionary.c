/* SPDX-License-Identifier: MIT */
/*
 * The data dictionary (see dictionary.h): what every table of core/schema.c
 * holds and what each of its columns, and the derived fields of zones, means,
 * in Vietnamese, English and Korean. The entries follow the schema's table
 * and column order; lookups are linear, over a few hundred entries.
 */
#include "core/dictionary.h"

#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Texts shared by several columns. */
static const char source_vi[] =
    "Nguồn của các thông tin trong dòng: địa chỉ trang web hoặc trích dẫn, cách nhau bởi "
    "\" ; \".";
static const char source_en[] =
    "Where the row's facts come from: web addresses or citations, separated by \" ; \".";
static const char source_ko[] =
    "이 행 정보의 출처: 웹 주소 또는 인용 문구이며 \" ; \"로 구분합니다.";
static const char position_vi[] =
    "Mức chính xác của lat và lon: surveyed (đã khảo sát), approximate (gần đúng, chẳng hạn "
    "tâm của huyện) hoặc area_centre (tâm của một khu vực đã được vẽ trên bản đồ, như một "
    "vùng trên OpenStreetMap: ở trong khu nhưng không phải lối vào).";
static const char position_en[] =
    "How exact lat and lon are: surveyed, approximate (such as the centroid of a district), "
    "or area_centre (the centre of a mapped area, such as an OpenStreetMap way: inside the "
    "zone, but not its entrance).";
static const char position_ko[] =
    "lat·lon의 정확도: surveyed(측량됨), approximate(대략적, 예: 현의 중심점) 또는 "
    "area_centre(지도에 그려진 구역의 중심, 예: OpenStreetMap 영역. 단지 안이지만 "
    "출입구는 아닙니다).";

static const struct dict_table tables[] = {
    {"sources",
     {"Các tài liệu, trang web và bộ dữ liệu mà các dòng dẫn trong cột source, kèm đơn vị "
      "công bố, tiêu đề, ngày, loại nguồn và việc nguồn đã được kiểm tra khi lập bộ dữ liệu "
      "hay chưa.",
      "The documents, web pages and data sets that rows cite in their source column, with "
      "publisher, title, date, kind and whether each was checked when the data set was "
      "compiled.",
      "각 행의 source 열이 인용하는 문서·웹 페이지·데이터셋과 그 발행처, 제목, 날짜, 유형, "
      "데이터셋을 만들 때 확인했는지 여부입니다."}},
    {"units",
     {"Đơn vị hành chính (tỉnh, huyện, xã) kèm thời gian hiệu lực. Đơn vị đã giải thể hay "
      "sáp nhập, như các huyện của Long An sau ngày 01/07/2025, vẫn được giữ để tra cứu số "
      "liệu cũ.",
      "Administrative units (provinces, districts, communes), each with the dates it is "
      "valid from and to. Units closed by a reorganisation, such as Long An's districts "
      "after 1 July 2025, stay for history.",
      "유효 기간이 있는 행정구역(성·현·사)입니다. 2025년 7월 1일 이후의 롱안성 현들처럼 "
      "개편으로 폐지된 구역도 과거 자료를 위해 남겨 둡니다."}},
    {"departments",
     {"Các sở, ban của tỉnh tiếp nhận hồ sơ của nhà đầu tư hoặc cho ý kiến về hồ sơ (như Ban "
      "Quản lý Khu kinh tế, Sở Tài chính), kèm tỉnh mà cơ quan trực thuộc và thời gian cơ "
      "quan mang tên đó. Tài khoản người dùng có vai trò department thuộc về một cơ quan "
      "trong bảng này.",
      "The province's departments and boards (sở, ban) that receive investors' dossiers or "
      "give opinions on them, such as the Economic Zone Management Board and the Department "
      "of Finance, with the province each belongs to and the dates it bears its name. A "
      "user account of role department belongs to one of them.",
      "투자자의 인허가 서류를 접수하거나 그에 대한 의견을 내는 성의 국·위원회(sở, ban)로, "
      "경제구역관리위원회와 재정국 등이 있습니다. 소속 성과 그 이름으로 존재한 기간을 "
      "담습니다. department 역할의 사용자 계정은 이 중 한 기관에 속합니다."}},
    {"sectors",
     {"Mã ngành theo Hệ thống ngành kinh tế Việt Nam (VSIC), phiên bản 2018 và 2025, kèm "
      "tên ngành.",
      "Industry codes of the Vietnam Standard Industrial Classification (VSIC), versions "
      "2018 and 2025, with their names.",
      "베트남 표준산업분류(VSIC) 2018년판과 2025년판의 업종 코드와 업종명입니다."}},
    {"sector_map",
     {"Bảng chuyển đổi giữa mã VSIC 2018 và VSIC 2025: mỗi dòng nối một mã của phiên bản "
      "này với một mã tương ứng của phiên bản kia.",
      "Correspondence between VSIC 2018 and VSIC 2025 codes: each row links a code of one "
      "version to a code of the other that covers the same activities or part of them.",
      "VSIC 2018 코드와 VSIC 2025 코드의 대응표입니다. 각 행은 한 판의 코드를 같은 "
      "활동(또는 그 일부)을 다루는 다른 판의 코드와 잇습니다."}},
    {"sector_groups",
     {"Các nhóm mã ngành có tên (công nghiệp hỗ trợ), mỗi mã kèm khoảng thời gian thuộc nhóm: "
      "một mã ngành cấp 2 bao gồm mọi mã bắt đầu bằng nó.",
      "Named sets of sector codes (the supporting industry), each code with the days it "
      "belongs to the set: a two-digit division covers every code that starts with it.",
      "이름이 붙은 업종 코드 묶음(지원산업)으로, 각 코드에 묶음에 속하는 기간이 있습니다. 2자리 "
      "중분류는 그 숫자로 시작하는 모든 코드를 포함합니다."}},
    {"matches",
     {"Nhà cung ứng được đề xuất cho một nhu cầu và tiến trình đến hợp đồng: thư bày tỏ quan "
      "tâm, trả lời của nhà cung ứng, cuộc gặp, hợp đồng.",
      "A supplier proposed for a demand and how far it got toward a contract: the expression "
      "of interest, the supplier's answer, the meeting, the contract.",
      "수요에 제안된 공급업체와 계약까지의 진행: 관심 표명, 공급업체의 답변, 미팅, 계약입니다."}},
    {"zones",
     {"Khu công nghiệp (KCN), cụm công nghiệp (CCN) và các khu khác (khu công nghệ cao, "
      "trung tâm logistics, khu kinh tế, cảng): mỗi dòng một khu, với đất đai, vị trí, hạ "
      "tầng và nguồn số liệu.",
      "Industrial parks (KCN), industrial clusters (CCN) and other zones (high-tech parks, "
      "logistics centres, economic zones, ports): one row per zone, with its land, "
      "location, infrastructure and sources.",
      "산업단지(KCN), 산업클러스터(CCN)와 기타 단지(첨단기술단지, 물류센터, 경제구역, "
      "항만)입니다. 단지마다 한 행이며 부지, 위치, 기반시설, 출처를 담습니다."}},
    {"enterprises",
     {"Doanh nghiệp, xác định theo mã số thuế: nhà đầu tư, doanh nghiệp FDI mua hàng và nhà "
      "cung ứng trong nước, kèm ngành, sản phẩm, năng lực và chứng nhận.",
      "Enterprises, identified by their tax code: investors, FDI buyers and local "
      "suppliers, with their sector, products, capabilities and certifications.",
      "세금 코드로 식별하는 기업입니다. 투자자, FDI 구매 기업, 현지 공급업체와 그 "
      "업종·제품·공정 역량·인증을 담습니다."}},
    {"projects",
     {"Dự án đầu tư, từ khi còn là dự án tiềm năng đến khi hoạt động hoặc chấm dứt, kèm nhà "
      "đầu tư, địa điểm, vốn, đất và lao động.",
      "Investment projects, from first lead to operation or termination, with investor, "
      "location, capital, land and jobs.",
      "잠재 투자 단계부터 운영 또는 종료까지의 투자 프로젝트와 그 투자자, 위치, 자본, 부지, "
      "일자리입니다."}},
    {"capabilities",
     {"Các quy trình nhà cung ứng làm được và mức độ: làm được, đang sản xuất số lượng lớn, hoặc "
      "đã được đánh giá.",
      "The processes a supplier does, and at what level: it can, it does in volume, or it was "
      "audited.",
      "공급업체가 수행하는 공정과 그 수준(가능, 양산 중, 심사 완료)입니다."}},
    {"certifications",
     {"Các chứng nhận nhà cung ứng đang có: tiêu chuẩn, số, tổ chức cấp, thời hạn hiệu lực và bằng "
      "chứng. Chứng nhận hết hạn thôi được tính từ ngày hết hạn.",
      "The certificates a supplier holds: standard, number, issuer, validity and evidence. An "
      "expired certificate stops counting on its expiry date.",
      "공급업체가 보유한 인증: 표준, 번호, 인증 기관, 유효기간, 증빙. 만료된 인증은 만료일부터 "
      "인정되지 않습니다."}},
    {"supplier_contacts",
     {"Người liên hệ của nhà cung ứng. Không công khai: chỉ doanh nghiệp mua và cán bộ đã đăng "
      "nhập mới xem được.",
      "Whom to contact at a supplier. Not public: only signed-in buyers and officers see it.",
      "공급업체 연락처. 공개되지 않으며, 로그인한 구매 기업과 담당자만 볼 수 있습니다."}},
    {"demands",
     {"Nhu cầu mua hàng trong nước của doanh nghiệp (linh kiện, công đoạn gia công hay dịch "
      "vụ), để kết nối với nhà cung ứng địa phương.",
      "What buyer enterprises want to source locally (parts, processes or services), for "
      "matching with local suppliers.",
      "구매 기업이 현지에서 조달하려는 품목(부품, 가공 공정, 서비스)으로, 현지 공급업체와 "
      "연결하는 데 쓰입니다."}},
    {"linkages",
     {"Hợp đồng cung ứng giữa nhà cung ứng và doanh nghiệp mua, có thể gắn với một nhu cầu; "
      "là cơ sở để tính tỷ lệ cung ứng nội địa.",
      "Supply contracts between a supplier and a buyer enterprise, possibly answering a "
      "demand; they are what the local supply share is computed from.",
      "공급업체와 구매 기업 사이의 공급 계약으로, 특정 구매 수요에 대한 것일 수 있습니다. "
      "현지 조달률은 이 계약으로 계산합니다."}},
    {"dossiers",
     {"Hồ sơ thủ tục của dự án đầu tư nộp cho tỉnh (chấp thuận chủ trương đầu tư, cấp Giấy "
      "chứng nhận đăng ký đầu tư, thuê đất, giấy phép môi trường, giấy phép xây dựng), kèm "
      "ngày, trạng thái và kết quả.",
      "Applications that investment projects file with the province (investment policy "
      "approval, IRC, land lease, environmental and construction permits), with dates, "
      "status and decision.",
      "투자 프로젝트가 성에 제출한 인허가 신청(투자 방침 승인, 투자등록증(IRC), 토지 임대, "
      "환경 허가, 건축 허가)과 그 날짜, 처리 상태, 결정입니다."}},
    {"consultations",
     {"Việc lấy ý kiến các sở, ngành về một hồ sơ: ngày gửi, hạn trả lời, ngày trả lời và ý "
      "kiến của từng cơ quan.",
      "The opinions departments are asked to give on a dossier: when each was asked, by "
      "when it must answer, when it answered and what it said.",
      "인허가 신청 서류에 대한 관계 기관의 의견 조회입니다. 기관별 요청일, 회신 기한, "
      "회신일, 의견을 담습니다."}},
    {"dossier_questions",
     {"Câu hỏi gửi nhà đầu tư về một hồ sơ, của cán bộ tiếp nhận hoặc của một sở, ngành được "
      "lấy ý kiến, và câu trả lời. Thời hạn của người hỏi tạm dừng cho đến khi nhà đầu tư trả "
      "lời.",
      "Questions to the investor on a dossier, by the receiving officer or by a consulted "
      "department, and the answers. The asker's clock stops until the investor answers.",
      "신청 서류에 관해 접수 담당자나 의견 조회 기관이 투자자에게 보낸 질문과 그 답변입니다. "
      "투자자가 답할 때까지 질문한 쪽의 기한 계산이 멈춥니다."}},
    {"dossier_documents",
     {"Tài liệu của hồ sơ (PDF hoặc ảnh): tên, loại, kích thước, mã băm SHA-256, ngày tải "
      "lên và cơ quan đính kèm (nếu có). Nội dung tài liệu không nằm trong dữ liệu xuất.",
      "Documents of a dossier (PDF or images): name, type, size, SHA-256, the day it was "
      "uploaded and the department that attached it, if any. Their content is not part of "
      "any export.",
      "신청 서류의 문서(PDF 또는 이미지): 이름, 형식, 크기, SHA-256 해시, 업로드일, 첨부한 "
      "기관(있는 경우). 문서 내용은 내보내기에 포함되지 않습니다."}},
    {"procedure_departments",
     {"Cơ quan nào tiếp nhận hồ sơ của từng thủ tục và cơ quan nào được lấy ý kiến, đối với "
      "dự án trong hoặc ngoài khu công nghiệp, kèm thời gian áp dụng và nguồn.",
      "Which department receives each procedure's dossiers and which are consulted, for "
      "projects inside or outside an industrial park, with the dates it holds and its "
      "source.",
      "절차별로 신청 서류를 접수하는 기관과 의견 조회 대상 기관을 산업단지 안팎의 프로젝트별로 "
      "담고, 적용 기간과 출처를 함께 기록합니다."}},
    {"time_limits",
     {"Thời hạn giải quyết theo luật định của từng bước trong mỗi thủ tục, kèm văn bản quy "
      "định và thời gian áp dụng.",
      "Statutory time limits of the steps of each procedure, with the law that sets them "
      "and the dates between which they apply.",
      "각 절차 단계별 법정 처리 기한과 그 근거 법령, 적용 기간입니다."}},
    {"calendar_days",
     {"Lịch ngày làm việc của cơ quan nhà nước: các ngày lễ, ngày nghỉ, ngày nghỉ bù, thứ Bảy "
      "làm việc bù và ngày nghỉ còn chờ luật quy định, mỗi ngày một dòng (thứ Bảy, Chủ nhật là "
      "quy tắc, không phải dòng). Dùng để tính thời hạn theo ngày làm việc.",
      "The working-day calendar of public agencies: public holidays, days off, compensatory "
      "days, Saturdays made working days and days off that wait on a law, one row per day "
      "(weekends are a rule, not rows). Time limits in working days are counted on it.",
      "공공기관의 근무일 달력입니다. 공휴일, 휴무일, 대체 휴일, 보충 근무 토요일, 법 개정을 "
      "기다리는 휴일을 하루에 한 행씩 담습니다(주말은 규칙이며 행이 아닙니다). 근무일 기준 "
      "기한을 이 달력으로 계산합니다."}},
    {"targets",
     {"Các mục tiêu quy hoạch của tỉnh và các chỉ tiêu tỉnh báo cáo theo thời gian, mỗi mục "
      "có mốc ban đầu, giá trị mục tiêu và thời hạn nếu có.",
      "The province's planning targets and the indicators it reports over time, each with "
      "its baseline, target value and due date where it has them.",
      "성의 계획 목표와 성이 시기별로 보고하는 지표입니다. 기준값, 목표값, 기한이 있으면 "
      "함께 담습니다."}},
    {"observations",
     {"Các giá trị đã được báo cáo của mục tiêu và chỉ tiêu: mỗi dòng là giá trị của một "
      "mục tiêu vào một ngày, kèm nguồn.",
      "Reported values of targets and indicators: one value per target and date, with its "
      "source.",
      "목표와 지표의 보고된 값입니다. 목표와 날짜마다 값 하나와 그 출처를 담습니다."}},
    {"partners",
     {"Các đối tác hợp tác của tỉnh trong và ngoài nước: chính quyền, cơ quan, hiệp hội và "
      "doanh nghiệp.",
      "The province's cooperation partners at home and abroad: governments, agencies, "
      "associations and companies.",
      "성의 국내외 협력 파트너(지방정부, 기관, 협회, 기업)입니다."}},
    {"events",
     {"Các sự kiện xúc tiến đầu tư (hội nghị, đoàn công tác, hội chợ), kèm ngày, địa điểm "
      "và đối tác.",
      "Investment promotion events (conferences, delegations, trade fairs), with date, "
      "place and partner.",
      "투자 유치 행사(설명회, 방문단, 박람회)와 그 날짜, 장소, 협력 파트너입니다."}},
    {"leads",
     {"Yêu cầu thông tin của nhà đầu tư tiềm năng, gửi qua trang Nhà đầu tư hoặc nhận tại "
      "sự kiện. Bảng chứa dữ liệu cá nhân (họ tên, email) nên không bao giờ được công bố; "
      "chỉ cán bộ được xem.",
      "Inquiries from prospective investors, sent through the investor page or received at "
      "events. They hold personal data (names, e-mail addresses) and are never published: "
      "only officers see them.",
      "잠재 투자자의 문의로, 투자자 페이지로 보내졌거나 행사에서 받은 것입니다. "
      "개인정보(이름, 이메일)가 있어 공개하지 않으며 담당 공무원만 봅니다."}},
};

static const struct dict_column columns[] = {
    /* ===== sources ===== */
    {"sources",
     "code",
     {"Mã duy nhất của nguồn; cột provenance của bảng zones dẫn nguồn bằng mã này.",
      "Unique code of the source; the provenance column of zones refers to sources by it.",
      "출처의 고유 코드. zones 표의 provenance 열은 이 코드로 출처를 가리킵니다."}},
    {"sources",
     "cite",
     {"Đoạn văn bản mà các dòng dùng để dẫn nguồn này trong cột source: một địa chỉ web, "
      "hay một cách ghi ngắn như sggp.org.vn (article 253929).",
      "The exact text by which rows cite this source in their source column: a web address, "
      "or a short form such as sggp.org.vn (article 253929).",
      "각 행이 source 열에서 이 출처를 인용할 때 쓰는 정확한 문구입니다. 웹 주소이거나 "
      "sggp.org.vn (article 253929) 같은 약식 표기입니다."}},
    {"sources",
     "url",
     {"Địa chỉ web của nguồn; để trống khi nguồn không có trên mạng hoặc địa chỉ chưa được "
      "ghi lại.",
      "Web address of the source; empty when it is not online or its address was not "
      "recorded.",
      "출처의 웹 주소. 온라인에 없거나 주소가 기록되지 않았으면 비어 있습니다."}},
    {"sources",
     "publisher",
     {"Đơn vị công bố nguồn: cơ quan nhà nước, tòa soạn báo, chủ đầu tư hạ tầng, công ty "
      "môi giới…",
      "Who published the source: a government body, a newspaper, a developer, a broker…",
      "출처의 발행처: 정부 기관, 언론사, 개발사, 중개업체 등."}},
    {"sources",
     "title",
     {"Tiêu đề của nguồn, bằng ngôn ngữ gốc.", "Title of the source, in its original language.",
      "출처의 원어 제목."}},
    {"sources",
     "title_vi",
     {"Tiêu đề bằng tiếng Việt (bản dịch nếu nguồn viết bằng ngôn ngữ khác).",
      "Title in Vietnamese (a translation when the source is in another language).",
      "베트남어 제목(출처가 다른 언어이면 번역)."}},
    {"sources",
     "title_en",
     {"Tiêu đề bằng tiếng Anh (bản dịch nếu nguồn viết bằng ngôn ngữ khác).",
      "Title in English (a translation when the source is in another language).",
      "영어 제목(출처가 다른 언어이면 번역)."}},
    {"sources",
     "title_ko",
     {"Tiêu đề bằng tiếng Hàn (bản dịch nếu nguồn viết bằng ngôn ngữ khác).",
      "Title in Korean (a translation when the source is in another language).",
      "한국어 제목(출처가 다른 언어이면 번역)."}},
    {"sources",
     "lang",
     {"Ngôn ngữ của nguồn, mã ISO 639-1 (vi, en, ko).",
      "Language of the source, as an ISO 639-1 code (vi, en, ko).",
      "출처의 언어, ISO 639-1 코드(vi, en, ko)."}},
    {"sources",
     "published_on",
     {"Ngày công bố; published_precision cho biết khi chỉ biết tháng hoặc năm.",
      "Date of publication; published_precision says when only the month or year is known.",
      "발행일. 월이나 연도만 알면 published_precision에 표시합니다."}},
    {"sources",
     "published_precision",
     {"Mức chính xác của published_on: day (biết đến ngày), month (chỉ biết tháng; "
      "published_on là ngày đầu tháng) hoặc year (chỉ biết năm).",
      "How precisely published_on is known: day, month (only the month; published_on is its "
      "first day) or year (only the year).",
      "published_on의 정밀도: day(날짜까지 알려짐), month(월만 알려짐, 날짜는 그달 1일로 "
      "적음) 또는 year(연도만 알려짐)."}},
    {"sources",
     "kind",
     {"Loại nguồn: official (chính thức, của cơ quan nhà nước), press (báo chí), developer "
      "(chủ đầu tư hạ tầng), broker (môi giới), aggregator (trang tổng hợp), legal (văn bản "
      "pháp luật), dataset (bộ dữ liệu) hoặc other (khác).",
      "Kind of source: official (a government body), press, developer (a zone's developer), "
      "broker, aggregator, legal (a legal text), dataset or other.",
      "출처 유형: official(정부 공식), press(언론), developer(단지 개발사), "
      "broker(중개업체), aggregator(정보 취합 사이트), legal(법령), dataset(데이터셋), "
      "other(기타)."}},
    {"sources",
     "reviewed",
     {"1: nguồn đã được kiểm tra trực tiếp khi lập bộ dữ liệu; 0: chưa được kiểm tra.",
      "1: the source itself was checked when the data set was compiled; 0: it was not.",
      "1: 데이터셋을 만들 때 출처 자체를 확인함, 0: 확인하지 않음."}},
    {"sources",
     "review",
     {"Kết quả của lần kiểm tra đó (tiếng Anh): nguồn xác nhận, đính chính hoặc không có "
      "những số liệu nào.",
      "What that check found (English): which figures the source confirms, corrects or does "
      "not give.",
      "그 확인 결과(영어): 출처가 어떤 수치를 확인해 주는지, 바로잡는지, 담고 있지 않은지."}},
    {"sources", "note", {"Ghi chú về nguồn.", "Remarks on the source.", "출처에 대한 비고."}},
    {"sources",
     "review_vi",
     {"Nội dung của review bằng tiếng Việt.", "The review in Vietnamese.",
      "review의 베트남어 번역."}},
    {"sources",
     "review_ko",
     {"Nội dung của review bằng tiếng Hàn.", "The review in Korean.", "review의 한국어 번역."}},
    /* ===== units ===== */
    {"units",
     "code",
     {"Mã đơn vị: mã đơn vị hành chính do cơ quan thống kê (GSO) ban hành nếu có (80 là "
      "Long An); nếu không thì một mã tạm.",
      "Code of the unit: its GSO statistical code where one exists (80 for Long An), "
      "otherwise a placeholder.",
      "행정구역 코드. 베트남 통계청(GSO) 코드가 있으면 그 코드(롱안성은 80), 없으면 임시 "
      "코드입니다."}},
    {"units",
     "name_vi",
     {"Tên chính thức bằng tiếng Việt (Tỉnh Long An).",
      "Official name in Vietnamese (Tỉnh Long An).", "베트남어 공식 이름(Tỉnh Long An)."}},
    {"units",
     "name_en",
     {"Tên đơn vị bằng tiếng Anh; để trống khi chưa có, khi đó ứng dụng hiển thị tên tiếng "
      "Việt.",
      "Name of the unit in English; when empty, the app shows the Vietnamese name.",
      "행정구역의 영어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"units",
     "name_ko",
     {"Tên đơn vị bằng tiếng Hàn; để trống khi chưa có, khi đó ứng dụng hiển thị tên tiếng "
      "Việt.",
      "Name of the unit in Korean; when empty, the app shows the Vietnamese name.",
      "행정구역의 한국어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"units",
     "level",
     {"Cấp hành chính: province (tỉnh), district (huyện, thị xã, thành phố thuộc tỉnh) hoặc "
      "commune (xã, phường, thị trấn).",
      "Level of the unit: province, district (including towns and provincial cities) or "
      "commune (including wards and townships).",
      "행정 단계: province(성), district(현급: 현·시사·시) 또는 commune(사급: 사·방·시진)."}},
    {"units",
     "parent_code",
     {"Mã của đơn vị cấp trên trực tiếp (tỉnh của một huyện); để trống đối với tỉnh.",
      "Code of the unit this unit lies in (a district's province); empty for a province.",
      "바로 위 행정구역의 코드(현이 속한 성). 성은 비어 있습니다."}},
    {"units",
     "valid_from",
     {"Ngày đầu tiên đơn vị tồn tại theo hình thức này.",
      "First day on which the unit exists in this form.", "이 형태로 존재하기 시작한 날."}},
    {"units",
     "valid_to",
     {"Ngày cuối cùng đơn vị còn tồn tại (30/06/2025 đối với tỉnh Long An cũ và các huyện "
      "của tỉnh); để trống khi đơn vị vẫn còn.",
      "Last day on which the unit exists (2025-06-30 for pre-merger Long An and its "
      "districts); empty while it still exists.",
      "행정구역이 존재한 마지막 날(통합 전 롱안성과 그 현들은 2025-06-30). 지금도 존재하면 "
      "비어 있습니다."}},
    {"units",
     "replaced_by",
     {"Mã của đơn vị thay thế đơn vị này sau ngày valid_to; để trống khi không có đơn vị "
      "thay thế hoặc chưa ghi nhận.",
      "Code of the unit that took this unit's place after valid_to; empty when there is "
      "none or it is not recorded.",
      "valid_to 이후 이 구역을 대신한 구역의 코드. 없거나 기록되지 않았으면 비어 있습니다."}},
    {"units",
     "lat",
     {"Vĩ độ của điểm đại diện của đơn vị (độ thập phân, WGS 84); xem position để biết mức "
      "chính xác.",
      "Latitude of the unit's representative point, in decimal degrees (WGS 84); position "
      "says how exact it is.",
      "행정구역 대표 지점의 위도(십진 도, WGS 84). 정확도는 position에 있습니다."}},
    {"units",
     "lon",
     {"Kinh độ của điểm đại diện của đơn vị (độ thập phân, WGS 84); xem position để biết "
      "mức chính xác.",
      "Longitude of the unit's representative point, in decimal degrees (WGS 84); position "
      "says how exact it is.",
      "행정구역 대표 지점의 경도(십진 도, WGS 84). 정확도는 position에 있습니다."}},
    {"units", "position", {position_vi, position_en, position_ko}},
    {"units", "source", {source_vi, source_en, source_ko}},
    /* ===== departments ===== */
    {"departments",
     "code",
     {"Mã duy nhất của cơ quan (tay-ninh-so-tai-chinh); tài khoản có vai trò department ghi "
      "mã này.",
      "Unique code of the department (tay-ninh-so-tai-chinh); accounts of role department "
      "name it.",
      "기관의 고유 코드(tay-ninh-so-tai-chinh). department 역할의 계정은 이 코드로 기관을 "
      "지정합니다."}},
    {"departments",
     "name_vi",
     {"Tên chính thức bằng tiếng Việt (Sở Tài chính tỉnh Tây Ninh).",
      "Official name in Vietnamese (Sở Tài chính tỉnh Tây Ninh).",
      "베트남어 공식 이름(Sở Tài chính tỉnh Tây Ninh)."}},
    {"departments",
     "name_en",
     {"Tên cơ quan bằng tiếng Anh; để trống khi chưa có, khi đó ứng dụng hiển thị tên tiếng "
      "Việt.",
      "Name of the department in English; when empty, the app shows the Vietnamese name.",
      "기관의 영어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"departments",
     "name_ko",
     {"Tên cơ quan bằng tiếng Hàn; để trống khi chưa có, khi đó ứng dụng hiển thị tên tiếng "
      "Việt.",
      "Name of the department in Korean; when empty, the app shows the Vietnamese name.",
      "기관의 한국어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"departments",
     "scope_unit",
     {"Mã của tỉnh (đơn vị hành chính) mà cơ quan trực thuộc (tay-ninh-2025 là tỉnh Tây Ninh "
      "mới); để trống khi chưa ghi nhận.",
      "Code of the province (administrative unit) whose department it is (tay-ninh-2025: "
      "the new Tây Ninh province); empty when not recorded.",
      "기관이 속한 성(행정구역)의 코드(tay-ninh-2025는 새 떠이닌성). 기록되지 않았으면 비어 "
      "있습니다."}},
    {"departments",
     "valid_from",
     {"Ngày đầu tiên cơ quan tồn tại với tên này (các đợt sắp xếp năm 2025 đã đổi tên và hợp "
      "nhất nhiều sở); để trống khi chưa rõ.",
      "First day on which the body exists under this name (the reorganisations of 2025 "
      "renamed and merged departments); empty when not known.",
      "기관이 이 이름으로 존재하기 시작한 날(2025년 개편으로 여러 국이 이름을 바꾸거나 "
      "통합되었습니다). 알 수 없으면 비어 있습니다."}},
    {"departments",
     "valid_to",
     {"Ngày cuối cùng cơ quan tồn tại với tên này; để trống khi cơ quan vẫn còn.",
      "Last day on which the body exists under this name; empty while it still does.",
      "기관이 이 이름으로 존재한 마지막 날. 지금도 존재하면 비어 있습니다."}},
    {"departments", "source", {source_vi, source_en, source_ko}},
    /* ===== sectors ===== */
    {"sectors",
     "version",
     {"Phiên bản VSIC của mã: 2018 (Quyết định 27/2018/QĐ-TTg) hoặc 2025 (Quyết định "
      "36/2025/QĐ-TTg).",
      "VSIC version of the code: 2018 (Decision 27/2018/QĐ-TTg) or 2025 (Decision "
      "36/2025/QĐ-TTg).",
      "코드가 속한 VSIC 판: 2018년판(결정 27/2018/QĐ-TTg) 또는 2025년판(결정 "
      "36/2025/QĐ-TTg)."}},
    {"sectors",
     "code",
     {"Mã ngành VSIC: chữ cái của ngành cấp 1 (C) hoặc mã số từ 2 đến 5 chữ số (2610).",
      "VSIC code: a section letter (C) or a numeric code of 2 to 5 digits (2610).",
      "VSIC 코드: 대분류 문자(C) 또는 2~5자리 숫자 코드(2610)."}},
    {"sectors",
     "name_vi",
     {"Tên ngành chính thức bằng tiếng Việt.", "Official name of the code in Vietnamese.",
      "업종의 베트남어 공식 명칭."}},
    {"sectors",
     "name_en",
     {"Tên ngành bằng tiếng Anh, theo cách gọi của ISIC.",
      "Name in English, in the wording of ISIC.", "영어 업종명(ISIC 표현)."}},
    {"sectors",
     "name_ko",
     {"Tên ngành bằng tiếng Hàn, theo cách gọi của Hệ thống ngành kinh tế tiêu chuẩn Hàn "
      "Quốc (KSIC).",
      "Name in Korean, in the style of the Korean Standard Industrial Classification "
      "(KSIC).",
      "한국어 업종명(한국표준산업분류 표현 방식)."}},
    {"sectors", "source", {source_vi, source_en, source_ko}},
    /* ===== sector_map ===== */
    {"sector_map",
     "from_version",
     {"Phiên bản VSIC của mã gốc.", "VSIC version of the code mapped from.",
      "변환 전 코드의 VSIC 판."}},
    {"sector_map",
     "from_code",
     {"Mã gốc, thuộc phiên bản from_version.", "The code mapped from, in from_version.",
      "변환 전 코드(from_version 판)."}},
    {"sector_map",
     "to_version",
     {"Phiên bản VSIC của mã tương ứng.", "VSIC version of the code mapped to.",
      "변환 후 코드의 VSIC 판."}},
    {"sector_map",
     "to_code",
     {"Mã tương ứng, thuộc phiên bản to_version; một mã được tách thành nhiều mã có một "
      "dòng cho mỗi mã mới.",
      "The code mapped to, in to_version; a code split into several has one row per new "
      "code.",
      "변환 후 코드(to_version 판). 여러 코드로 나뉜 코드는 새 코드마다 한 행입니다."}},
    {"sector_map", "source", {source_vi, source_en, source_ko}},
    /* ===== matches ===== */
    {"matches",
     "demand_code",
     {"Mã nhu cầu (demands).", "Code of the demand (demands).", "수요 코드(demands)."}},
    {"matches",
     "supplier_tax_code",
     {"Mã số thuế của nhà cung ứng được đề xuất (enterprises).",
      "Tax code of the supplier proposed (enterprises).",
      "제안된 공급업체의 세금 번호(enterprises)."}},
    {"matches",
     "stage",
     {"Giai đoạn: proposed (đề xuất), interest (đã gửi thư quan tâm), accepted (nhận lời), "
      "declined (từ chối), meeting (đã gặp), contract (có hợp đồng), closed (đóng).",
      "Stage: proposed, interest (expression sent), accepted, declined, meeting, contract, "
      "closed.",
      "단계: proposed(제안), interest(관심 표명 발송), accepted(수락), declined(거절), "
      "meeting(미팅), contract(계약), closed(종료)."}},
    {"matches",
     "score",
     {"Điểm phù hợp (0-100) khi được đề xuất.", "The match score (0-100) when proposed.",
      "제안 당시의 적합 점수(0-100)."}},
    {"matches", "proposed_on", {"Ngày đề xuất.", "Day the supplier was proposed.", "제안한 날."}},
    {"matches",
     "proposed_by",
     {"Người dùng đã đề xuất.", "The user who proposed it.", "제안한 사용자."}},
    {"matches",
     "interest_on",
     {"Ngày gửi thư bày tỏ quan tâm.", "Day the expression of interest was sent.",
      "관심 표명을 보낸 날."}},
    {"matches",
     "interest_note",
     {"Nội dung thư bày tỏ quan tâm.", "What the expression of interest says.",
      "관심 표명의 내용."}},
    {"matches",
     "answered_on",
     {"Ngày nhà cung ứng trả lời.", "Day the supplier answered.", "공급업체가 답변한 날."}},
    {"matches",
     "decline_reason",
     {"Lý do từ chối, nếu có.", "Why the supplier declined, if it said.", "거절 사유(밝힌 경우)."}},
    {"matches",
     "meeting_on",
     {"Ngày của cuộc gặp gần nhất.", "Day of the latest meeting.", "가장 최근 미팅 날짜."}},
    {"matches",
     "meeting_place",
     {"Nơi gặp; để trống khi gặp trực tuyến.", "Where it was held; empty when online.",
      "미팅 장소. 온라인이면 비어 있습니다."}},
    {"matches", "meeting_online", {"1: gặp trực tuyến.", "1: held online.", "1: 온라인 미팅."}},
    {"matches",
     "meeting_outcome",
     {"Kết quả cuộc gặp.", "What came of the meeting.", "미팅 결과."}},
    {"matches",
     "linkage_code",
     {"Mã hợp đồng liên kết đã ký (linkages).", "Code of the contract signed (linkages).",
      "체결된 연계 계약 코드(linkages)."}},
    {"matches",
     "closed_on",
     {"Ngày đóng, khi không đi đến đâu.", "Day it was closed, having led nowhere.",
      "성과 없이 종료한 날."}},
    /* ===== sector_groups ===== */
    {"sector_groups",
     "code",
     {"Mã của nhóm ngành (supporting-industry).", "Code of the set (supporting-industry).",
      "묶음의 코드(supporting-industry)."}},
    {"sector_groups",
     "vsic",
     {"Một mã VSIC thuộc nhóm; mã ngắn bao gồm các mã dài hơn bắt đầu bằng nó.",
      "A VSIC code in the set; a short code covers the longer codes that start with it.",
      "묶음에 속하는 VSIC 코드. 짧은 코드는 그것으로 시작하는 더 긴 코드를 포함합니다."}},
    {"sector_groups",
     "name_vi",
     {"Tên tiếng Việt của nhóm.", "Vietnamese name of the set.", "묶음의 베트남어 이름."}},
    {"sector_groups",
     "name_en",
     {"Tên tiếng Anh của nhóm.", "English name of the set.", "묶음의 영어 이름."}},
    {"sector_groups",
     "name_ko",
     {"Tên tiếng Hàn của nhóm.", "Korean name of the set.", "묶음의 한국어 이름."}},
    {"sector_groups",
     "valid_from",
     {"Ngày đầu tiên mã thuộc nhóm; để trống khi không rõ.",
      "First day the code belongs to the set; empty when not known.",
      "코드가 묶음에 속하기 시작한 날. 모르면 비어 있습니다."}},
    {"sector_groups",
     "valid_to",
     {"Ngày cuối cùng mã thuộc nhóm; để trống khi vẫn còn.",
      "Last day the code belongs to the set; empty while it still does.",
      "코드가 묶음에 속하는 마지막 날. 여전히 속하면 비어 있습니다."}},
    {"sector_groups", "source", {source_vi, source_en, source_ko}},
    /* ===== zones ===== */
    {"zones",
     "code",
     {"Mã duy nhất của khu: loại khu và tên viết không dấu (kcn-long-hau).",
      "Unique code of the zone: its kind and an ASCII form of its name (kcn-long-hau).",
      "단지의 고유 코드: 유형과 이름의 로마자 표기(kcn-long-hau)."}},
    {"zones",
     "kind",
     {"Loại khu: kcn (khu công nghiệp), ccn (cụm công nghiệp), hitech (khu công nghệ cao), "
      "logistics (trung tâm logistics), economic (khu kinh tế) hoặc port (cảng).",
      "Kind of zone: kcn (industrial park), ccn (industrial cluster), hitech (high-tech "
      "park), logistics (logistics centre), economic (economic zone) or port.",
      "단지 유형: kcn(산업단지), ccn(산업클러스터), hitech(첨단기술단지), "
      "logistics(물류센터), economic(경제구역), port(항만)."}},
    {"zones",
     "name_vi",
     {"Tên chính thức bằng tiếng Việt (KCN Long Hậu).",
      "Official name in Vietnamese (KCN Long Hậu).", "베트남어 공식 이름(KCN Long Hậu)."}},
    {"zones",
     "name_en",
     {"Tên khu bằng tiếng Anh; để trống khi chưa có, khi đó ứng dụng hiển thị tên tiếng "
      "Việt.",
      "Name of the zone in English; when empty, the app shows the Vietnamese name.",
      "단지의 영어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"zones",
     "name_ko",
     {"Tên khu bằng tiếng Hàn; để trống khi chưa có, khi đó ứng dụng hiển thị tên tiếng "
      "Việt.",
      "Name of the zone in Korean; when empty, the app shows the Vietnamese name.",
      "단지의 한국어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"zones",
     "group_code",
     {"Mã của khu tổ hợp mà khu này là thành viên (như Đức Hòa III); diện tích khu tổ hợp "
      "không bao giờ được cộng với diện tích các khu thành viên. Để trống: không thuộc khu "
      "tổ hợp nào.",
      "Code of the umbrella zone this zone is a member of (such as Đức Hòa III); an "
      "umbrella's area is never added to its members'. Empty: the zone is in no umbrella.",
      "이 단지가 속한 복합 단지의 코드(예: 득화 III). 복합 단지의 면적은 회원 단지 면적과 "
      "합산하지 않습니다. 비어 있으면 어느 복합 단지에도 속하지 않습니다."}},
    {"zones",
     "unit_code",
     {"Mã của huyện (trước năm 2025) nơi có khu.",
      "Code of the district (before 2025) the zone lies in.",
      "단지가 있는 현(2025년 이전)의 코드."}},
    {"zones",
     "commune",
     {"Mã của xã (hiện nay) nơi có khu.", "Code of the current commune the zone lies in.",
      "단지가 있는 현재 사(社)의 코드."}},
    {"zones",
     "status",
     {"Tình trạng của khu: planned (quy hoạch), approved (đã phê duyệt), building (đang xây "
      "dựng), operating (đang hoạt động) hoặc cancelled (đã hủy).",
      "Stage of the zone: planned, approved, building (under construction), operating or "
      "cancelled.",
      "단지 상태: planned(계획), approved(승인), building(건설 중), operating(운영 중), "
      "cancelled(취소)."}},
    {"zones",
     "planned_year",
     {"Năm khu dự kiến đi vào hoạt động.", "Year in which the zone is planned to start operating.",
      "단지의 운영 개시 예정 연도."}},
    {"zones",
     "established_on",
     {"Ngày thành lập khu (quyết định thành lập hoặc giấy chứng nhận đầu tư đầu tiên).",
      "Date the zone was established (its establishment decision or first investment "
      "certificate).",
      "단지 설립일(설립 결정일 또는 최초 투자증서 발급일)."}},
    {"zones",
     "total_ha",
     {"Tổng diện tích của khu (ha), theo số liệu công bố; có thể gồm cả đất không dùng cho "
      "công nghiệp như đường, cây xanh, nhà ở.",
      "Total area of the zone in hectares, as published; it may include land that is not "
      "industrial (roads, green space, housing).",
      "단지 총면적(ha), 발표된 수치. 도로·녹지·주거 등 산업용이 아닌 땅이 포함될 수 "
      "있습니다."}},
    {"zones",
     "industrial_ha",
     {"Diện tích đất công nghiệp (ha): đất xây dựng nhà máy, kho bãi để cho nhà đầu tư "
      "thuê.",
      "Industrial land in hectares: the land for factories and warehouses that is leased to "
      "investors.",
      "산업용지 면적(ha): 투자자에게 임대하는 공장·창고 용지."}},
    {"zones",
     "leased_ha",
     {"Diện tích đất công nghiệp đã cho nhà đầu tư thuê (ha).",
      "Industrial land already leased to investors, in hectares.",
      "이미 투자자에게 임대된 산업용지 면적(ha)."}},
    {"zones",
     "occupancy_reported_pct",
     {"Tỷ lệ lấp đầy theo nguồn công bố (%); có thể không rõ thời điểm hoặc được tính khác "
      "với occupancy_pct.",
      "Occupancy as a source reports it, in percent; it may be undated or computed "
      "differently from occupancy_pct.",
      "출처가 보고한 입주율(%). 날짜가 없거나 occupancy_pct와 계산 방식이 다를 수 있습니다."}},
    {"zones",
     "lease_usd_m2",
     {"Giá thuê đất (USD/m²), theo giá chào thuê.",
      "Land lease price in US dollars per m² of land, as quoted.", "제시된 토지 임대료(USD/m²)."}},
    {"zones",
     "lease_until",
     {"Ngày hết thời hạn sử dụng đất của khu; không hợp đồng thuê đất nào trong khu kéo dài "
      "hơn.",
      "Date the zone's land-use term ends; no lease of its land can run longer.",
      "단지의 토지사용 기한 종료일. 단지 내 어떤 임대도 이보다 길 수 없습니다."}},
    {"zones",
     "developer",
     {"Chủ đầu tư xây dựng và kinh doanh hạ tầng của khu.",
      "The company that develops and runs the zone's infrastructure.",
      "단지 기반시설을 개발·운영하는 개발사."}},
    {"zones",
     "lat",
     {"Vĩ độ của khu (độ thập phân, WGS 84); xem position để biết mức chính xác.",
      "Latitude of the zone, in decimal degrees (WGS 84); position says how exact it is.",
      "단지 위도(십진 도, WGS 84). 정확도는 position에 있습니다."}},
    {"zones",
     "lon",
     {"Kinh độ của khu (độ thập phân, WGS 84); xem position để biết mức chính xác.",
      "Longitude of the zone, in decimal degrees (WGS 84); position says how exact it is.",
      "단지 경도(십진 도, WGS 84). 정확도는 position에 있습니다."}},
    {"zones", "position", {position_vi, position_en, position_ko}},
    {"zones",
     "km_hcmc",
     {"Khoảng cách đến TP. Hồ Chí Minh (km) theo nguồn; ghi chú nêu điểm được đo tới.",
      "Distance to Ho Chi Minh City in km, as a source states it; the note names the point "
      "measured to.",
      "출처에 따른 호찌민시까지 거리(km). 기준 지점은 비고에 적습니다."}},
    {"zones",
     "km_port",
     {"Khoảng cách đến cảng biển (km) theo nguồn; ghi chú nêu tên cảng.",
      "Distance to a seaport in km, as a source states it; the note names the port.",
      "출처에 따른 항만까지 거리(km). 항만 이름은 비고에 적습니다."}},
    {"zones",
     "wwtp_m3_day",
     {"Công suất của nhà máy xử lý nước thải tập trung của khu (m³/ngày).",
      "Capacity of the zone's central wastewater treatment plant, in m³ per day.",
      "단지 중앙 폐수처리장의 처리 용량(m³/일)."}},
    {"zones",
     "power_mva",
     {"Công suất cấp điện của khu (trạm biến áp), tính bằng MVA.",
      "Capacity of the zone's power supply (its substations), in MVA.",
      "단지 전력 공급 용량(변전소 기준), MVA."}},
    {"zones",
     "water_m3_day",
     {"Công suất cấp nước sạch của khu (m³/ngày).",
      "Capacity of the zone's clean water supply, in m³ per day.", "단지 용수 공급 용량(m³/일)."}},
    {"zones",
     "infra_complete",
     {"1: hạ tầng kỹ thuật của khu (đường, điện, nước, thoát nước, xử lý nước thải) đã hoàn "
      "chỉnh; 0: chưa hoàn chỉnh.",
      "1: the zone's technical infrastructure (roads, power, water, drainage, wastewater "
      "treatment) is complete; 0: it is not.",
      "1: 단지 기반시설(도로, 전력, 용수, 배수, 폐수처리)이 완비됨, 0: 완비되지 않음."}},
    {"zones",
     "sectors",
     {"Mã VSIC của các ngành nghề khu tiếp nhận, cách nhau bởi dấu cách; để trống là chưa "
      "rõ, không có nghĩa là nhận mọi ngành.",
      "VSIC codes of the sectors the zone accepts, separated by spaces; empty means not "
      "recorded, not any sector.",
      "단지가 받는 업종의 VSIC 코드(공백으로 구분). 비어 있으면 미상이며, 모든 업종을 "
      "받는다는 뜻이 아닙니다."}},
    {"zones",
     "tenants",
     {"Các doanh nghiệp được biết là đang thuê đất trong khu, ghi dạng văn bản (tên, diện "
      "tích, vốn).",
      "Enterprises known to lease land in the zone, as free text (name, land, capital).",
      "단지에 입주한 것으로 알려진 기업(이름, 부지, 자본)을 적은 자유 텍스트."}},
    {"zones", "source", {source_vi, source_en, source_ko}},
    {"zones",
     "confidence",
     {"Độ tin cậy của số liệu, theo loại nguồn: high (cao: nguồn chính thức), medium (trung "
      "bình: báo chí uy tín, trang của khu), low (thấp: môi giới, trang tổng hợp).",
      "How far the figures can be trusted, by kind of source: high (official), medium "
      "(reputable press, the zone's own site) or low (brokers, aggregators).",
      "출처 유형에 따른 수치의 신뢰도: high(높음: 공식 자료), medium(보통: 주요 언론, 단지 "
      "자체 사이트), low(낮음: 중개업체, 정보 취합 사이트)."}},
    {"zones",
     "as_of",
     {"Thời điểm của số liệu; as_of_precision cho biết khi chỉ biết tháng hoặc năm.",
      "Date of the zone's figures; as_of_precision says when only the month or year is "
      "known.",
      "수치의 기준일. 월이나 연도만 알면 as_of_precision에 표시합니다."}},
    {"zones",
     "note",
     {"Ghi chú của người giữ dữ liệu (tiếng Anh): cách đọc hoặc suy ra số liệu, những "
      "điểm còn nghi vấn và những gì nguồn chưa nói rõ. Công chúng đọc summary.",
      "The data keepers' remarks (English): how figures were read or derived, doubts, and "
      "what the sources leave open. The public reads the summary.",
      "데이터 관리자의 비고(영어): 수치를 읽거나 도출한 방법, 의문점, 출처가 밝히지 않은 "
      "점. 일반 독자용 설명은 summary입니다."}},
    {"zones",
     "as_of_precision",
     {"Mức chính xác của as_of: day (biết đến ngày), month (chỉ biết tháng; as_of là ngày "
      "đầu tháng) hoặc year (chỉ biết năm).",
      "How precisely as_of is known: day, month (only the month; as_of is its first day) or "
      "year (only the year).",
      "as_of의 정밀도: day(날짜까지 알려짐), month(월만 알려짐, 날짜는 그달 1일로 적음) "
      "또는 year(연도만 알려짐)."}},
    {"zones",
     "confidence_note",
     {"Lý do của độ tin cậy (tiếng Anh), chẳng hạn bị hạ xuống vì chưa kiểm tra được nguồn "
      "nào.",
      "Why the zone's confidence is what it is (English), for example lowered because no "
      "source was checked.",
      "신뢰도가 그렇게 정해진 이유(영어, 예: 확인한 출처가 없어 낮춤)."}},
    {"zones",
     "provenance",
     {"Nguồn của từng số liệu: các cặp cột=mã nguồn cách nhau bởi dấu cách, mã nguồn là mã "
      "trong bảng sources (total_ha=nso-2022). Để trống: chỉ có nguồn chung của cả dòng.",
      "Which source gave which figure: space-separated tokens column=source_code, "
      "source_code being the code of a row of sources (total_ha=nso-2022). Empty: only the "
      "row's source column says where its figures come from.",
      "어느 출처가 어느 수치를 주었는지: 열=출처 코드 형식의 토큰을 공백으로 구분하며, 출처 "
      "코드는 sources 표의 코드입니다(total_ha=nso-2022). 비어 있으면 행 전체의 출처만 "
      "있습니다."}},
    {"zones",
     "summary",
     {"Giới thiệu khu cho công chúng bằng tiếng Anh, bằng lời thường: những gì nguồn nói và khi "
      "nào, những gì chưa biết hoặc chưa kiểm tra.",
      "What the public reads about the zone, in English and in plain words: what the sources say "
      "and when, what is unknown or unverified.",
      "일반 독자를 위한 단지 소개(영어, 쉬운 말): 출처가 언제 무엇을 말하는지, 무엇이 알려지지 "
      "않았거나 확인되지 않았는지."}},
    {"zones",
     "summary_vi",
     {"Phần giới thiệu (summary) bằng tiếng Việt.", "The summary in Vietnamese.",
      "summary의 베트남어 번역."}},
    {"zones",
     "summary_ko",
     {"Phần giới thiệu (summary) bằng tiếng Hàn.", "The summary in Korean.",
      "summary의 한국어 번역."}},
    {"zones",
     "confidence_note_vi",
     {"Lý do của độ tin cậy (confidence_note) bằng tiếng Việt.",
      "The confidence note in Vietnamese.", "confidence_note의 베트남어 번역."}},
    {"zones",
     "confidence_note_ko",
     {"Lý do của độ tin cậy (confidence_note) bằng tiếng Hàn.", "The confidence note in Korean.",
      "confidence_note의 한국어 번역."}},
    {"zones",
     "available_ha",
     {"Đất công nghiệp còn trống (ha): industrial_ha − leased_ha; để trống khi thiếu một "
      "trong hai. Do API tính, không lưu.",
      "Industrial land still available, in hectares: industrial_ha − leased_ha, empty when "
      "either is unknown. Computed by the API, never stored.",
      "남은 가용 산업용지(ha): industrial_ha − leased_ha이며, 둘 중 하나라도 미상이면 비어 "
      "있습니다. API가 계산하며 저장하지 않습니다."}},
    {"zones",
     "occupancy_pct",
     {"Tỷ lệ lấp đầy (%), tính bằng 100 × leased_ha / industrial_ha; để trống khi thiếu một "
      "trong hai hoặc industrial_ha bằng 0. Do API tính, không lưu.",
      "Occupancy in percent: 100 × leased_ha / industrial_ha, empty when either is unknown "
      "or industrial_ha is 0. Computed by the API, never stored.",
      "계산한 입주율(%): 100 × leased_ha / industrial_ha이며, 둘 중 하나라도 미상이거나 "
      "industrial_ha가 0이면 비어 있습니다. API가 계산하며 저장하지 않습니다."}},
    /* ===== enterprises ===== */
    {"enterprises",
     "tax_code",
     {"Mã số thuế của doanh nghiệp: 10 chữ số, hoặc 13 chữ số với phần đuôi của chi nhánh "
      "(0123456789-001).",
      "Tax code of the enterprise: 10 digits, or 13 with a branch suffix (0123456789-001).",
      "기업의 세금 코드: 10자리, 또는 지점 번호가 붙은 13자리(0123456789-001)."}},
    {"enterprises",
     "name",
     {"Tên doanh nghiệp theo đăng ký, bằng tiếng Việt.",
      "Registered name of the enterprise, in Vietnamese.", "등록된 기업 이름(베트남어)."}},
    {"enterprises",
     "name_en",
     {"Tên bằng tiếng Anh (tên bằng tiếng nước ngoài theo đăng ký, nếu có).",
      "Name in English (the registered foreign-language name where there is one).",
      "영어 이름(등록된 외국어 이름이 있으면 그 이름)."}},
    {"enterprises",
     "country",
     {"Quốc gia của chủ sở hữu hoặc công ty mẹ, mã ISO 3166 hai chữ cái (VN, KR).",
      "Country of the owner or parent company, as an ISO 3166 alpha-2 code (VN, KR).",
      "소유주 또는 모회사의 국가, ISO 3166 두 글자 코드(VN, KR)."}},
    {"enterprises",
     "ownership",
     {"Hình thức sở hữu: fdi (có vốn đầu tư nước ngoài), domestic (tư nhân trong nước) hoặc "
      "state (nhà nước).",
      "Ownership: fdi (foreign-invested), domestic (Vietnamese private) or state "
      "(state-owned).",
      "소유 형태: fdi(외국인 투자), domestic(국내 민간), state(국영)."}},
    {"enterprises",
     "zone_code",
     {"Mã của khu nơi doanh nghiệp đặt cơ sở; để trống khi nằm ngoài các khu hoặc chưa rõ.",
      "Code of the zone the enterprise is located in; empty when it is in no zone or that "
      "is not known.",
      "기업이 있는 단지의 코드. 단지 밖에 있거나 알 수 없으면 비어 있습니다."}},
    {"enterprises",
     "unit_code",
     {"Mã của đơn vị hành chính nơi doanh nghiệp đặt cơ sở.",
      "Code of the administrative unit the enterprise is located in.",
      "기업이 있는 행정구역의 코드."}},
    {"enterprises",
     "vsic",
     {"Mã VSIC của ngành kinh doanh chính.", "VSIC code of the enterprise's main activity.",
      "주 업종의 VSIC 코드."}},
    {"enterprises",
     "products",
     {"Các sản phẩm chính (văn bản tự do).", "Main products, as free text.",
      "주요 제품(자유 텍스트)."}},
    {"enterprises",
     "capabilities",
     {"Các công đoạn doanh nghiệp làm được, dạng thẻ cách nhau bởi dấu cách (cnc-machining "
      "injection-molding smt-assembly).",
      "Processes the enterprise can do, as space-separated tags (cnc-machining "
      "injection-molding smt-assembly).",
      "기업이 수행할 수 있는 공정을 공백으로 구분한 태그(cnc-machining injection-molding "
      "smt-assembly)."}},
    {"enterprises",
     "certifications",
     {"Các chứng nhận doanh nghiệp đang có, dạng thẻ cách nhau bởi dấu cách (iso9001 "
      "iatf16949 iso14001).",
      "Certifications the enterprise holds, as space-separated tags (iso9001 iatf16949 "
      "iso14001).",
      "기업이 보유한 인증을 공백으로 구분한 태그(iso9001 iatf16949 iso14001)."}},
    {"enterprises", "employees", {"Số lao động.", "Number of employees.", "직원 수."}},
    {"enterprises",
     "founded",
     {"Năm thành lập doanh nghiệp.", "Year the enterprise was founded.", "기업 설립 연도."}},
    {"enterprises",
     "supplier",
     {"1: doanh nghiệp cung ứng cho doanh nghiệp khác (công nghiệp hỗ trợ); 0: không.",
      "1: the enterprise supplies other enterprises (supporting industry); 0: it does not.",
      "1: 다른 기업에 납품하는 공급업체(지원산업), 0: 아님."}},
    {"enterprises",
     "lat",
     {"Vĩ độ của cơ sở của doanh nghiệp (độ thập phân, WGS 84).",
      "Latitude of the enterprise's site, in decimal degrees (WGS 84).",
      "기업 소재지의 위도(십진 도, WGS 84)."}},
    {"enterprises",
     "lon",
     {"Kinh độ của cơ sở của doanh nghiệp (độ thập phân, WGS 84).",
      "Longitude of the enterprise's site, in decimal degrees (WGS 84).",
      "기업 소재지의 경도(십진 도, WGS 84)."}},
    {"enterprises",
     "equipment",
     {"Thiết bị chính của nhà cung ứng (máy, dây chuyền), theo lời doanh nghiệp.",
      "The supplier's main equipment (machines, lines), as it states it.",
      "공급업체의 주요 설비(기계, 라인), 기업이 밝힌 대로."}},
    {"enterprises",
     "capacity_month",
     {"Năng lực sản xuất mỗi tháng, tính theo capacity_unit.",
      "Production capacity per month, counted in capacity_unit.",
      "월간 생산 능력(capacity_unit 단위)."}},
    {"enterprises",
     "capacity_unit",
     {"Đơn vị của capacity_month: pieces (chiếc), sets (bộ), kg, tonnes (tấn), m2, m3 hoặc hours "
      "(giờ).",
      "Unit of capacity_month: pieces, sets, kg, tonnes, m2, m3 or hours.",
      "capacity_month의 단위: pieces(개), sets(세트), kg, tonnes(톤), m2, m3, hours(시간)."}},
    {"enterprises",
     "customers",
     {"Các khách hàng chính đã cung ứng, theo lời doanh nghiệp.",
      "The main customers it has supplied, as it states them.", "기업이 밝힌 주요 납품 고객."}},
    {"enterprises",
     "languages",
     {"Ngôn ngữ làm việc, dạng mã cách nhau bởi dấu cách (vi en ko ja zh).",
      "Languages it works in, as space-separated codes (vi en ko ja zh).",
      "업무 언어(공백으로 구분한 코드: vi en ko ja zh)."}},
    {"enterprises",
     "verified_on",
     {"Ngày cán bộ xác minh hồ sơ năng lực; để trống khi chưa xác minh.",
      "Day an officer verified the supplier profile; empty while it is not verified.",
      "담당자가 공급업체 프로필을 확인한 날. 확인 전이면 비어 있습니다."}},
    {"enterprises",
     "verified_by",
     {"Tài khoản cán bộ đã xác minh hồ sơ.", "User name of the officer who verified the profile.",
      "프로필을 확인한 담당자의 사용자 이름."}},
    {"enterprises", "source", {source_vi, source_en, source_ko}},
    /* ===== capabilities ===== */
    {"capabilities",
     "tax_code",
     {"Mã số thuế của nhà cung ứng (enterprises).", "Tax code of the supplier (enterprises).",
      "공급업체의 세금 번호(enterprises)."}},
    {"capabilities",
     "process",
     {"Quy trình, dạng thẻ (cnc-machining, injection-molding, smt-assembly).",
      "The process, as a tag (cnc-machining, injection-molding, smt-assembly).",
      "공정 태그(cnc-machining, injection-molding, smt-assembly)."}},
    {"capabilities",
     "level",
     {"Mức độ: can_do (làm được), in_volume (đang sản xuất số lượng lớn) hoặc audited (đã được "
      "khách hàng hoặc cán bộ đánh giá).",
      "Level: can_do (it can), in_volume (it does it in volume) or audited (a customer or an "
      "officer audited it).",
      "수준: can_do(가능), in_volume(양산 중), audited(고객 또는 담당자가 심사함)."}},
    {"capabilities",
     "note",
     {"Ghi chú về quy trình (dung sai, vật liệu).",
      "A note on the process (tolerances, materials).", "공정에 대한 메모(공차, 재료)."}},
    {"capabilities", "source", {source_vi, source_en, source_ko}},
    /* ===== certifications ===== */
    {"certifications",
     "tax_code",
     {"Mã số thuế của nhà cung ứng (enterprises).", "Tax code of the supplier (enterprises).",
      "공급업체의 세금 번호(enterprises)."}},
    {"certifications",
     "standard",
     {"Tiêu chuẩn, dạng thẻ (iso9001, iatf16949, iso14001).",
      "The standard, as a tag (iso9001, iatf16949, iso14001).",
      "표준 태그(iso9001, iatf16949, iso14001)."}},
    {"certifications", "number", {"Số chứng nhận.", "Number of the certificate.", "인증서 번호."}},
    {"certifications",
     "issuer",
     {"Tổ chức cấp chứng nhận.", "The body that issued it.", "인증 기관."}},
    {"certifications",
     "valid_from",
     {"Ngày bắt đầu hiệu lực; để trống khi không rõ.",
      "First day it is valid; empty when not known.", "유효 시작일. 알 수 없으면 비어 있습니다."}},
    {"certifications",
     "valid_to",
     {"Ngày hết hiệu lực; để trống khi không rõ (khi đó hiệu lực chưa được xác minh).",
      "Last day it is valid; empty when not known (its validity is then unverified).",
      "유효 종료일. 알 수 없으면 비어 있으며 유효성은 확인되지 않은 것으로 봅니다."}},
    {"certifications",
     "evidence",
     {"Bằng chứng: địa chỉ tra cứu của tổ chức cấp hoặc tài liệu.",
      "Evidence: the issuer's lookup address or a document.",
      "증빙: 인증 기관의 조회 주소 또는 문서."}},
    {"certifications", "source", {source_vi, source_en, source_ko}},
    /* ===== supplier_contacts ===== */
    {"supplier_contacts",
     "tax_code",
     {"Mã số thuế của nhà cung ứng (enterprises).", "Tax code of the supplier (enterprises).",
      "공급업체의 세금 번호(enterprises)."}},
    {"supplier_contacts", "name", {"Người liên hệ.", "The contact person.", "담당자."}},
    {"supplier_contacts",
     "email",
     {"Thư điện tử liên hệ.", "Contact e-mail address.", "연락 이메일."}},
    {"supplier_contacts",
     "phone",
     {"Số điện thoại liên hệ.", "Contact telephone number.", "연락 전화번호."}},
    /* ===== projects ===== */
    {"projects",
     "code",
     {"Mã duy nhất của dự án.", "Unique code of the project.", "프로젝트의 고유 코드."}},
    {"projects",
     "name",
     {"Tên dự án theo đăng ký.", "Name of the project, as registered.", "등록된 프로젝트 이름."}},
    {"projects",
     "investor_tax_code",
     {"Mã số thuế của doanh nghiệp nhà đầu tư (xem bảng enterprises).",
      "Tax code of the investing enterprise (see enterprises).",
      "투자 기업의 세금 코드(enterprises 참조)."}},
    {"projects",
     "zone_code",
     {"Mã của khu nơi có dự án; để trống khi dự án nằm ngoài các khu hoặc chưa rõ.",
      "Code of the zone the project is in; empty when it is in no zone or that is not "
      "known.",
      "프로젝트가 있는 단지의 코드. 단지 밖에 있거나 알 수 없으면 비어 있습니다."}},
    {"projects",
     "unit_code",
     {"Mã của đơn vị hành chính nơi có dự án.",
      "Code of the administrative unit the project is in.", "프로젝트가 있는 행정구역의 코드."}},
    {"projects",
     "vsic",
     {"Mã VSIC của ngành nghề chính của dự án.", "VSIC code of the project's main activity.",
      "프로젝트 주 업종의 VSIC 코드."}},
    {"projects",
     "capital_usd",
     {"Vốn đầu tư đăng ký (USD).", "Registered investment capital, in US dollars.",
      "등록 투자 자본(USD)."}},
    {"projects",
     "land_ha",
     {"Diện tích đất dự án sử dụng (ha).", "Land the project uses, in hectares.",
      "프로젝트가 쓰는 부지 면적(ha)."}},
    {"projects",
     "jobs",
     {"Số lao động dự án sử dụng hoặc dự kiến sử dụng.",
      "Number of jobs the project provides or plans to provide.",
      "프로젝트가 만들었거나 만들 예정인 일자리 수."}},
    {"projects",
     "status",
     {"Giai đoạn của dự án: lead (tiềm năng), dossier (đang làm hồ sơ), approved (đã chấp "
      "thuận), licensed (đã cấp phép), building (đang xây dựng), operating (đang hoạt "
      "động), suspended (tạm dừng) hoặc terminated (chấm dứt).",
      "Stage of the project: lead, dossier (in preparation), approved, licensed, building "
      "(under construction), operating, suspended or terminated.",
      "프로젝트 단계: lead(잠재 투자), dossier(서류 준비 중), approved(승인), "
      "licensed(허가), building(건설 중), operating(운영 중), suspended(중단), "
      "terminated(종료)."}},
    {"projects",
     "registered_on",
     {"Ngày đăng ký dự án (ngày cấp Giấy chứng nhận đăng ký đầu tư lần đầu).",
      "Date the project was registered (its first Investment Registration Certificate).",
      "프로젝트 등록일(최초 투자등록증 발급일)."}},
    {"projects",
     "irc_no",
     {"Số Giấy chứng nhận đăng ký đầu tư (IRC) của dự án.",
      "Number of the project's Investment Registration Certificate (IRC).",
      "프로젝트 투자등록증(IRC) 번호."}},
    {"projects",
     "country",
     {"Quốc gia của nhà đầu tư, mã ISO 3166 hai chữ cái (VN, KR).",
      "Country of the investor, as an ISO 3166 alpha-2 code (VN, KR).",
      "투자자의 국가, ISO 3166 두 글자 코드(VN, KR)."}},
    {"projects", "source", {source_vi, source_en, source_ko}},
    /* ===== demands ===== */
    {"demands",
     "code",
     {"Mã duy nhất của nhu cầu.", "Unique code of the demand.", "구매 수요의 고유 코드."}},
    {"demands",
     "buyer_tax_code",
     {"Mã số thuế của doanh nghiệp cần mua.", "Tax code of the buyer enterprise.",
      "구매 기업의 세금 코드."}},
    {"demands",
     "title",
     {"Mô tả ngắn hàng hóa hoặc dịch vụ cần mua.",
      "What the buyer wants to source, in a few words.",
      "조달하려는 품목이나 서비스의 짧은 설명."}},
    {"demands",
     "vsic",
     {"Mã VSIC của ngành hàng cần mua.", "VSIC code of the activity sought from a supplier.",
      "공급업체에 요구하는 업종의 VSIC 코드."}},
    {"demands",
     "capabilities",
     {"Các công đoạn nhà cung ứng phải làm được, dạng thẻ cách nhau bởi dấu cách.",
      "Processes a supplier must be able to do, as space-separated tags.",
      "공급업체가 수행할 수 있어야 하는 공정(공백으로 구분한 태그)."}},
    {"demands",
     "certifications",
     {"Các chứng nhận nhà cung ứng phải có, dạng thẻ cách nhau bởi dấu cách.",
      "Certifications a supplier must hold, as space-separated tags.",
      "공급업체가 보유해야 하는 인증(공백으로 구분한 태그)."}},
    {"demands",
     "annual_usd",
     {"Giá trị mua dự kiến mỗi năm (USD).", "Expected purchases per year, in US dollars.",
      "연간 예상 구매액(USD)."}},
    {"demands",
     "needed_by",
     {"Ngày cần có hàng.", "Date by which supply is needed.", "공급이 필요한 날짜."}},
    {"demands",
     "status",
     {"Tình trạng: open (đang tìm nhà cung ứng), matched (đã có nhà cung ứng) hoặc closed "
      "(đã đóng).",
      "Status: open (looking for suppliers), matched (a supplier was found) or closed.",
      "상태: open(공급업체 찾는 중), matched(공급업체 확정), closed(종료)."}},
    {"demands",
     "annual_volume",
     {"Khối lượng cần mỗi năm, tính theo volume_unit.",
      "Volume needed per year, counted in volume_unit.", "연간 필요 수량(volume_unit 단위)."}},
    {"demands",
     "volume_unit",
     {"Đơn vị của annual_volume: pieces (chiếc), sets (bộ), kg, tonnes (tấn), m2, m3 hoặc hours "
      "(giờ).",
      "Unit of annual_volume: pieces, sets, kg, tonnes, m2, m3 or hours.",
      "annual_volume의 단위: pieces(개), sets(세트), kg, tonnes(톤), m2, m3, hours(시간)."}},
    {"demands",
     "target_price_usd",
     {"Giá mục tiêu cho mỗi đơn vị (USD); để trống khi không nêu.",
      "Target price per unit, in US dollars; empty when not stated.",
      "단위당 목표 가격(USD). 밝히지 않으면 비어 있습니다."}},
    {"demands",
     "prefer_unit",
     {"Địa bàn bên mua muốn nhà cung ứng ở (units).",
      "The administrative unit the buyer would rather source in (units).",
      "구매 기업이 선호하는 공급 지역(units)."}},
    {"demands",
     "max_km",
     {"Khoảng cách xa nhất từ bên mua đến nhà cung ứng (km).",
      "The farthest a supplier may be from the buyer, in km.",
      "구매 기업과 공급업체 사이의 최대 거리(km)."}},
    {"demands",
     "posted_on",
     {"Ngày đăng nhu cầu; để trống khi nhập từ dữ liệu cũ (khi đó tính là ngày nhập).",
      "Day the demand was posted; empty when imported without one (it then counts as posted the "
      "day it was imported).",
      "수요를 게시한 날. 날짜 없이 가져왔으면 비어 있으며, 가져온 날에 게시된 것으로 봅니다."}},
    {"demands",
     "withdrawn_on",
     {"Ngày bên mua rút nhu cầu; từ ngày đó nhu cầu không còn tính vào tỷ lệ cung ứng nội địa.",
      "Day the buyer withdrew the demand; from then on it no longer counts in the local supply "
      "share.",
      "구매 기업이 수요를 철회한 날. 그날부터 현지 조달 비율에 포함되지 않습니다."}},
    {"demands",
     "event_code",
     {"Sự kiện xúc tiến nơi nhu cầu được đưa ra (events).",
      "The promotion event the demand came from (events).", "수요가 나온 투자 촉진 행사(events)."}},
    /* ===== linkages ===== */
    {"linkages",
     "code",
     {"Mã duy nhất của hợp đồng cung ứng.", "Unique code of the supply contract.",
      "공급 계약의 고유 코드."}},
    {"linkages",
     "supplier_tax_code",
     {"Mã số thuế của nhà cung ứng.", "Tax code of the supplier.", "공급업체의 세금 코드."}},
    {"linkages",
     "buyer_tax_code",
     {"Mã số thuế của doanh nghiệp mua.", "Tax code of the buyer.", "구매 기업의 세금 코드."}},
    {"linkages",
     "demand_code",
     {"Mã của nhu cầu mà hợp đồng đáp ứng; để trống khi hợp đồng không gắn với nhu cầu nào.",
      "Code of the demand the contract answers; empty when it answers none.",
      "이 계약이 응한 구매 수요의 코드. 특정 수요와 관계없는 계약이면 비어 있습니다."}},
    {"linkages",
     "annual_usd",
     {"Giá trị cung ứng mỗi năm (USD).", "Value supplied per year, in US dollars.",
      "연간 공급액(USD)."}},
    {"linkages", "since", {"Ngày bắt đầu cung ứng.", "Date the supply began.", "공급 시작일."}},
    {"linkages",
     "until",
     {"Ngày kết thúc cung ứng; để trống khi hợp đồng vẫn đang thực hiện.",
      "Date the supply ended; empty while it goes on.",
      "공급 종료일. 공급이 계속되는 동안은 비어 있습니다."}},
    /* ===== dossiers ===== */
    {"dossiers",
     "code",
     {"Mã duy nhất của hồ sơ.", "Unique code of the dossier.", "신청 서류의 고유 코드."}},
    {"dossiers",
     "project_code",
     {"Mã của dự án mà hồ sơ thuộc về.", "Code of the project the dossier is for.",
      "신청 서류가 속한 프로젝트의 코드."}},
    {"dossiers",
     "procedure",
     {"Thủ tục: policy_approval (chấp thuận chủ trương đầu tư), irc_issue (cấp Giấy chứng "
      "nhận đăng ký đầu tư), irc_adjust (điều chỉnh Giấy chứng nhận đăng ký đầu tư), "
      "land_lease (thuê đất), env_permit (giấy phép môi trường) hoặc construction_permit "
      "(giấy phép xây dựng).",
      "Procedure applied for: policy_approval (investment policy approval), irc_issue "
      "(issue of the Investment Registration Certificate, IRC), irc_adjust (amendment of "
      "the IRC), land_lease, env_permit (environmental permit) or construction_permit.",
      "신청 절차: policy_approval(투자 방침 승인), irc_issue(투자등록증 발급), "
      "irc_adjust(투자등록증 변경), land_lease(토지 임대), env_permit(환경 허가), "
      "construction_permit(건축 허가)."}},
    {"dossiers",
     "submitted_on",
     {"Ngày nộp hồ sơ.", "Date the dossier was submitted.", "서류 제출일."}},
    {"dossiers",
     "due_on",
     {"Hạn giải quyết hồ sơ theo thời hạn luật định.",
      "Date by which a decision is due under the statutory time limit.",
      "법정 처리 기한에 따른 결정 기한."}},
    {"dossiers",
     "status",
     {"Tình trạng: received (đã tiếp nhận), consulting (đang lấy ý kiến các sở, ngành), "
      "decided (đã có kết quả), returned (trả lại để bổ sung) hoặc withdrawn (nhà đầu tư "
      "rút hồ sơ).",
      "Status: received, consulting (departments are being asked for opinions), decided, "
      "returned (to the investor, to complete) or withdrawn (by the investor).",
      "처리 상태: received(접수), consulting(관계 기관 의견 조회 중), decided(결정), "
      "returned(보완을 위해 반려), withdrawn(투자자가 취하)."}},
    {"dossiers",
     "decision",
     {"Kết quả: approved (chấp thuận) hoặc rejected (từ chối); để trống khi chưa có quyết "
      "định.",
      "Decision: approved or rejected; empty until one is made.",
      "결정: approved(승인) 또는 rejected(거부). 결정 전에는 비어 있습니다."}},
    {"dossiers", "decided_on", {"Ngày ra quyết định.", "Date of the decision.", "결정일."}},
    {"dossiers",
     "receiving_department",
     {"Cơ quan tiếp nhận hồ sơ (mã trong bảng departments).",
      "The department that receives the dossier (a code of departments).",
      "신청 서류를 접수하는 기관(departments의 코드)."}},
    {"dossiers",
     "accepted_on",
     {"Ngày hồ sơ được nhận là đầy đủ: thời hạn bắt đầu tính từ ngày hôm sau.",
      "Date the dossier was accepted as complete: its time limit runs from the next day.",
      "서류가 완비된 것으로 접수된 날. 처리 기한은 다음 날부터 계산됩니다."}},
    {"dossiers",
     "returned_on",
     {"Ngày hồ sơ được trả lại lần gần nhất để bổ sung.",
      "Date the dossier was last returned to the investor to complete.",
      "보완을 위해 서류가 마지막으로 반려된 날."}},
    {"dossiers",
     "missing",
     {"Những thành phần còn thiếu khi hồ sơ được trả lại, mỗi dòng một mục.",
      "What was missing when the dossier was returned, one item per line.",
      "서류 반려 시 누락된 항목. 한 줄에 하나씩."}},
    {"dossiers",
     "limit_code",
     {"Mã của dòng thời hạn luật định (time_limits) dùng để tính hạn; để trống khi không nguồn nào "
      "cho thời hạn và cán bộ đặt thời hạn cho hồ sơ này.",
      "Code of the statutory time limit (time_limits) the deadline is counted on; empty when no "
      "source gives one and the officer set the limit for this dossier.",
      "기한 계산에 쓰인 법정 처리 기한(time_limits)의 코드. 근거가 되는 출처가 없어 담당자가 이 "
      "서류의 기한을 정했으면 비어 있습니다."}},
    {"dossiers",
     "limit_days",
     {"Số ngày của thời hạn; để trống khi chưa biết.",
      "Days of the time limit; empty when unknown.",
      "처리 기한 일수. 알 수 없으면 비어 있습니다."}},
    {"dossiers",
     "limit_kind",
     {"Cách đếm: working (ngày làm việc) hoặc calendar (ngày theo lịch, hạn rơi vào ngày nghỉ thì "
      "chuyển sang ngày làm việc kế tiếp).",
      "How the days are counted: working days, or calendar days (a deadline on a day off moves to "
      "the next working day).",
      "일수 계산 방식: working(근무일) 또는 calendar(달력일, 기한이 휴일이면 다음 근무일로 "
      "넘어감)."}},
    {"dossiers",
     "appraised_on",
     {"Ngày có báo cáo thẩm định.", "Date of the appraisal report.", "심사 보고서 작성일."}},
    {"dossiers",
     "appraisal",
     {"Tóm tắt báo cáo thẩm định.", "Summary of the appraisal report.", "심사 보고서 요약."}},
    {"dossiers",
     "certificate_no",
     {"Số giấy chứng nhận hoặc quyết định đã cấp.", "Number of the certificate or decision issued.",
      "발급된 증명서 또는 결정의 번호."}},
    /* ===== consultations ===== */
    {"consultations",
     "dossier_code",
     {"Mã của hồ sơ được lấy ý kiến.", "Code of the dossier the opinion is asked on.",
      "의견 조회 대상 신청 서류의 코드."}},
    {"consultations",
     "department",
     {"Sở, ngành hoặc cơ quan được lấy ý kiến (Sở Xây dựng, Sở Tài chính…).",
      "The department or agency asked for its opinion (Department of Construction, "
      "Department of Finance…).",
      "의견 조회를 받은 기관(건설국, 재정국 등)."}},
    {"consultations",
     "requested_on",
     {"Ngày gửi lấy ý kiến.", "Date the opinion was requested.", "의견 요청일."}},
    {"consultations",
     "due_on",
     {"Hạn trả lời theo thời hạn luật định.",
      "Date by which the department must answer under the statutory time limit.",
      "법정 기한에 따른 회신 기한."}},
    {"consultations",
     "answered_on",
     {"Ngày cơ quan trả lời; để trống khi chưa trả lời.",
      "Date the department answered; empty while it has not.",
      "기관의 회신일. 아직 회신하지 않았으면 비어 있습니다."}},
    {"consultations",
     "opinion",
     {"Ý kiến: agree (đồng ý), agree_with_conditions (đồng ý có điều kiện) hoặc disagree "
      "(không đồng ý); để trống khi chưa trả lời.",
      "Opinion: agree, agree_with_conditions or disagree; empty until the department "
      "answers.",
      "의견: agree(동의), agree_with_conditions(조건부 동의), disagree(반대). 회신 전에는 "
      "비어 있습니다."}},
    {"consultations",
     "note",
     {"Điều kiện hoặc lý do cơ quan nêu, và các ghi chú khác.",
      "The conditions or reasons the department gave, and other remarks.",
      "기관이 제시한 조건이나 이유, 기타 비고."}},
    {"consultations",
     "limit_code",
     {"Mã của dòng thời hạn luật định (time_limits) dùng để tính hạn; để trống khi không nguồn nào "
      "cho thời hạn và cán bộ đặt thời hạn cho hồ sơ này.",
      "Code of the statutory time limit (time_limits) the deadline is counted on; empty when no "
      "source gives one and the officer set the limit for this dossier.",
      "기한 계산에 쓰인 법정 처리 기한(time_limits)의 코드. 근거가 되는 출처가 없어 담당자가 이 "
      "서류의 기한을 정했으면 비어 있습니다."}},
    {"consultations",
     "limit_days",
     {"Số ngày của thời hạn; để trống khi chưa biết.",
      "Days of the time limit; empty when unknown.",
      "처리 기한 일수. 알 수 없으면 비어 있습니다."}},
    {"consultations",
     "limit_kind",
     {"Cách đếm: working (ngày làm việc) hoặc calendar (ngày theo lịch, hạn rơi vào ngày nghỉ thì "
      "chuyển sang ngày làm việc kế tiếp).",
      "How the days are counted: working days, or calendar days (a deadline on a day off moves to "
      "the next working day).",
      "일수 계산 방식: working(근무일) 또는 calendar(달력일, 기한이 휴일이면 다음 근무일로 "
      "넘어감)."}},
    {"consultations",
     "document",
     {"Số thứ tự của tài liệu (dossier_documents.n) cơ quan đính kèm ý kiến.",
      "Number (dossier_documents.n) of the document the department attached to its opinion.",
      "기관이 의견에 첨부한 문서의 번호(dossier_documents.n)."}},
    {"consultations",
     "closed_on",
     {"Ngày hồ sơ có quyết định hoặc được rút khi cơ quan chưa trả lời: từ đó không còn chờ ý "
      "kiến của cơ quan này; để trống khi đã trả lời hoặc còn chờ.",
      "Date the dossier was decided or withdrawn while the department had not answered: from "
      "then on its opinion is no longer awaited; empty when it answered or is still awaited.",
      "기관이 회신하지 않은 상태에서 신청 서류가 결정되거나 취하된 날. 그 후로는 이 기관의 "
      "의견을 기다리지 않습니다. 회신했거나 아직 기다리는 중이면 비어 있습니다."}},
    /* ===== dossier_questions ===== */
    {"dossier_questions",
     "dossier_code",
     {"Mã của hồ sơ.", "Code of the dossier.", "신청 서류의 코드."}},
    {"dossier_questions",
     "n",
     {"Số thứ tự của câu hỏi trong hồ sơ.", "Number of the question within the dossier.",
      "서류 안에서의 질문 번호."}},
    {"dossier_questions",
     "department",
     {"Cơ quan đặt câu hỏi (thời hạn lấy ý kiến của cơ quan đó tạm dừng); để trống khi cán bộ tiếp "
      "nhận hỏi (thời hạn của hồ sơ tạm dừng).",
      "The department that asked (its consultation's clock stops); empty when the receiving "
      "officer asked (the dossier's clock stops).",
      "질문한 기관(그 기관의 의견 조회 기한이 멈춤). 접수 담당자가 질문했으면 비어 있습니다(서류의 "
      "기한이 멈춤)."}},
    {"dossier_questions", "asked_on", {"Ngày hỏi.", "Date the question was asked.", "질문일."}},
    {"dossier_questions", "question", {"Nội dung câu hỏi.", "The question.", "질문 내용."}},
    {"dossier_questions",
     "answered_on",
     {"Ngày nhà đầu tư trả lời; để trống khi chưa trả lời.",
      "Date the investor answered; empty until then.",
      "투자자의 답변일. 답변 전에는 비어 있습니다."}},
    {"dossier_questions",
     "answer",
     {"Câu trả lời của nhà đầu tư.", "The investor's answer.", "투자자의 답변."}},
    /* ===== dossier_documents ===== */
    {"dossier_documents",
     "dossier_code",
     {"Mã của hồ sơ.", "Code of the dossier.", "신청 서류의 코드."}},
    {"dossier_documents",
     "n",
     {"Số thứ tự của tài liệu trong hồ sơ.", "Number of the document within the dossier.",
      "서류 안에서의 문서 번호."}},
    {"dossier_documents",
     "name",
     {"Tên tài liệu do người tải lên đặt.", "Name the uploader gave the document.",
      "업로드한 사람이 붙인 문서 이름."}},
    {"dossier_documents",
     "content_type",
     {"Loại: application/pdf, image/png hoặc image/jpeg.",
      "Type: application/pdf, image/png or image/jpeg.",
      "형식: application/pdf, image/png, image/jpeg."}},
    {"dossier_documents", "bytes", {"Kích thước (byte).", "Size in bytes.", "크기(바이트)."}},
    {"dossier_documents",
     "sha256",
     {"Mã băm SHA-256 của nội dung (chữ thập lục phân): ai có bản sao đều kiểm tra được.",
      "SHA-256 of the content, in hex: anyone holding a copy can check it.",
      "내용의 SHA-256 해시(16진수). 사본을 가진 누구나 확인할 수 있습니다."}},
    {"dossier_documents", "uploaded_on", {"Ngày tải lên.", "Date it was uploaded.", "업로드일."}},
    {"dossier_documents",
     "department",
     {"Cơ quan đính kèm tài liệu vào ý kiến của mình; để trống khi nhà đầu tư nộp.",
      "The department that attached it to its opinion; empty when the investor filed it.",
      "의견에 문서를 첨부한 기관. 투자자가 제출했으면 비어 있습니다."}},
    /* ===== procedure_departments ===== */
    {"procedure_departments",
     "procedure",
     {"Thủ tục (xem dossiers.procedure).", "The procedure (see dossiers.procedure).",
      "절차(dossiers.procedure 참조)."}},
    {"procedure_departments",
     "location",
     {"in_park: dự án trong khu công nghiệp, khu kinh tế; outside_park: dự án ngoài các khu đó.",
      "in_park: projects inside an industrial park or economic zone; outside_park: projects "
      "outside them.",
      "in_park: 산업단지·경제구역 안의 프로젝트, outside_park: 그 밖의 프로젝트."}},
    {"procedure_departments",
     "department",
     {"Mã cơ quan (departments).", "Code of the department (departments).",
      "기관 코드(departments)."}},
    {"procedure_departments",
     "role",
     {"receiving: cơ quan tiếp nhận và giải quyết hồ sơ; consulted: cơ quan được lấy ý kiến.",
      "receiving: the department that receives and handles the dossier; consulted: a department "
      "asked for its opinion.",
      "receiving: 서류를 접수·처리하는 기관, consulted: 의견 조회 대상 기관."}},
    {"procedure_departments",
     "valid_from",
     {"Ngày bắt đầu áp dụng; để trống khi không rõ.", "First day it holds; empty when not known.",
      "적용 시작일. 알 수 없으면 비어 있습니다."}},
    {"procedure_departments",
     "valid_to",
     {"Ngày cuối cùng áp dụng; để trống khi vẫn còn áp dụng.",
      "Last day it holds; empty while it still does.",
      "적용 종료일. 계속 적용 중이면 비어 있습니다."}},
    {"procedure_departments", "source", {source_vi, source_en, source_ko}},
    /* ===== time_limits ===== */
    {"time_limits",
     "code",
     {"Mã duy nhất của thời hạn.", "Unique code of the time limit.", "처리 기한의 고유 코드."}},
    {"time_limits",
     "procedure",
     {"Thủ tục áp dụng thời hạn: policy_approval (chấp thuận chủ trương đầu tư), irc_issue "
      "(cấp Giấy chứng nhận đăng ký đầu tư), irc_adjust (điều chỉnh Giấy chứng nhận đăng ký "
      "đầu tư), land_lease (thuê đất), env_permit (giấy phép môi trường) hoặc "
      "construction_permit (giấy phép xây dựng).",
      "Procedure the limit applies to: policy_approval (investment policy approval), "
      "irc_issue (issue of the Investment Registration Certificate, IRC), irc_adjust "
      "(amendment of the IRC), land_lease, env_permit (environmental permit) or "
      "construction_permit.",
      "기한이 적용되는 절차: policy_approval(투자 방침 승인), irc_issue(투자등록증 발급), "
      "irc_adjust(투자등록증 변경), land_lease(토지 임대), env_permit(환경 허가), "
      "construction_permit(건축 허가)."}},
    {"time_limits",
     "step",
     {"Bước của thủ tục mà thời hạn áp dụng (total là toàn bộ thủ tục, send_for_opinions, "
      "consultation_opinion…).",
      "Step of the procedure the limit applies to (total for the whole procedure, "
      "send_for_opinions, consultation_opinion…).",
      "기한이 적용되는 절차 단계(total은 절차 전체, send_for_opinions, consultation_opinion "
      "등)."}},
    {"time_limits",
     "days",
     {"Độ dài thời hạn, tính bằng ngày; day_kind cho biết ngày làm việc hay ngày theo lịch. Để "
      "trống khi không nguồn nào cho biết (chưa rõ).",
      "Length of the limit in days; day_kind says whether calendar or working days. Empty when "
      "no source gives it (unknown).",
      "기한의 일수. 역일인지 근무일인지는 day_kind에 있습니다. 출처가 없으면 비어 "
      "있습니다(미상)."}},
    {"time_limits",
     "day_kind",
     {"Cách tính ngày: calendar (mọi ngày theo lịch) hoặc working (ngày làm việc, không "
      "tính cuối tuần và ngày lễ). Để trống khi nguồn không cho biết.",
      "How days are counted: calendar (every day) or working (weekends and public holidays "
      "excluded). Empty when the source does not say.",
      "일수 계산 방식: calendar(모든 날, 역일) 또는 working(주말과 공휴일 제외, 근무일). 출처가 "
      "밝히지 않으면 비어 있습니다."}},
    {"time_limits",
     "law",
     {"Văn bản pháp luật và điều khoản quy định thời hạn (Luật Đầu tư số 61/2020/QH14, Điều "
      "32, 36).",
      "The law and articles that set the limit (Luật Đầu tư số 61/2020/QH14, Art. 32, 36).",
      "기한을 정한 법령과 조항(Luật Đầu tư số 61/2020/QH14, 제32조·제36조)."}},
    {"time_limits",
     "valid_from",
     {"Ngày đầu tiên thời hạn được áp dụng.", "First day on which the limit applies.",
      "기한이 적용되기 시작하는 날."}},
    {"time_limits",
     "valid_to",
     {"Ngày cuối cùng thời hạn được áp dụng; để trống khi vẫn đang áp dụng.",
      "Last day on which the limit applies; empty while it still applies.",
      "기한이 적용되는 마지막 날. 지금도 적용되면 비어 있습니다."}},
    {"time_limits", "source", {source_vi, source_en, source_ko}},
    /* ===== calendar_days ===== */
    {"calendar_days", "date", {"Ngày (YYYY-MM-DD).", "The day (YYYY-MM-DD).", "날짜(YYYY-MM-DD)."}},
    {"calendar_days",
     "kind",
     {"Loại ngày: holiday (ngày lễ theo Điều 112 Bộ luật Lao động), day_off (ngày nghỉ Chính "
      "phủ cho, như nghỉ Tết hay hoán đổi), compensatory (nghỉ bù khi ngày lễ trùng ngày nghỉ "
      "hằng tuần), working_saturday (thứ Bảy đi làm bù) hoặc conditional (chỉ là ngày nghỉ khi "
      "luật quy định; đến lúc đó vẫn tính là ngày làm việc).",
      "Kind of day: holiday (a public holiday of Labour Code Art. 112), day_off (a day off the "
      "Government gives, such as a Tết break or a swap), compensatory (off because a holiday "
      "fell on the weekly rest day), working_saturday (a Saturday worked to make up a swap) or "
      "conditional (off only once a law makes it so; counted as a working day until then).",
      "날의 종류: holiday(노동법 제112조의 공휴일), day_off(설 연휴나 근무일 교환처럼 정부가 "
      "주는 휴무일), compensatory(공휴일이 주휴일과 겹쳐 생긴 대체 휴일), "
      "working_saturday(교환을 보충하는 근무 토요일), conditional(법이 정해야 휴일이 되는 날, "
      "그때까지는 근무일로 계산)."}},
    {"calendar_days",
     "name_vi",
     {"Tên ngày bằng tiếng Việt.", "Name of the day in Vietnamese.", "날의 베트남어 이름."}},
    {"calendar_days",
     "name_en",
     {"Tên ngày bằng tiếng Anh.", "Name of the day in English.", "날의 영어 이름."}},
    {"calendar_days",
     "name_ko",
     {"Tên ngày bằng tiếng Hàn.", "Name of the day in Korean.", "날의 한국어 이름."}},
    {"calendar_days",
     "provisional",
     {"1 khi ngày được suy ra từ quy định của Bộ luật Lao động cho một năm Chính phủ chưa công "
      "bố lịch nghỉ; quản trị viên xác nhận hoặc sửa khi lịch được công bố.",
      "1 when the day was worked out from the Labour Code's rules for a year whose schedule "
      "the Government has not announced; an admin confirms or edits it once it is.",
      "정부가 휴무 일정을 발표하지 않은 해에 노동법 규칙으로 산출한 날이면 1입니다. 일정이 "
      "발표되면 관리자가 확인하거나 고칩니다."}},
    {"calendar_days", "source", {source_vi, source_en, source_ko}},
    /* ===== targets ===== */
    {"targets",
     "code",
     {"Mã duy nhất của mục tiêu (kcn-count-2030).", "Unique code of the target (kcn-count-2030).",
      "목표의 고유 코드(kcn-count-2030)."}},
    {"targets",
     "metric",
     {"Chỉ tiêu được đo, dạng mã (kcn_count, kcn_area_ha); sổ đăng ký tự tính những chỉ "
      "tiêu nó biết từ dữ liệu.",
      "What is measured, as a code (kcn_count, kcn_area_ha); the registry computes the "
      "metrics it knows from its own data.",
      "측정 지표 코드(kcn_count, kcn_area_ha). 등록부가 아는 지표는 자체 데이터로 "
      "계산합니다."}},
    {"targets",
     "scope",
     {"Phạm vi của mục tiêu, diễn đạt bằng lời (tiếng Anh): những khu nào, địa bàn nào.",
      "What the target covers, in words (English): which zones, which area.",
      "목표 범위를 말로 설명한 것(영어): 어떤 단지, 어느 지역."}},
    {"targets",
     "scope_unit",
     {"Mã của đơn vị hành chính mà mục tiêu áp dụng (80 là Long An trước sáp nhập); để "
      "trống: toàn bộ sổ đăng ký.",
      "Code of the administrative unit the target covers (80: Long An before the merger); "
      "empty: the whole registry.",
      "목표가 적용되는 행정구역 코드(80은 통합 전 롱안성). 비어 있으면 등록부 전체입니다."}},
    {"targets",
     "name_vi",
     {"Tên mục tiêu bằng tiếng Việt.", "Name of the target in Vietnamese.",
      "목표의 베트남어 이름."}},
    {"targets",
     "name_en",
     {"Tên mục tiêu bằng tiếng Anh; để trống khi chưa có, khi đó ứng dụng hiển thị tên "
      "tiếng Việt.",
      "Name of the target in English; when empty, the app shows the Vietnamese name.",
      "목표의 영어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"targets",
     "name_ko",
     {"Tên mục tiêu bằng tiếng Hàn; để trống khi chưa có, khi đó ứng dụng hiển thị tên "
      "tiếng Việt.",
      "Name of the target in Korean; when empty, the app shows the Vietnamese name.",
      "목표의 한국어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"targets",
     "measure_unit",
     {"Đơn vị đo của các giá trị: ha, %, count (số lượng) hoặc USD bn (tỷ USD).",
      "Unit of the values: ha, %, count or USD bn (billions of US dollars).",
      "값의 단위: ha, %, count(개수), USD bn(10억 달러)."}},
    {"targets",
     "basis",
     {"Nguồn của giá trị hiện tại: registry (tính trực tiếp từ sổ đăng ký) hoặc reported "
      "(số liệu tỉnh báo cáo).",
      "Where the current value comes from: registry (computed live from the registry) or "
      "reported (the figures the province reports).",
      "현재 값의 근거: registry(등록부에서 바로 계산) 또는 reported(성이 보고한 수치)."}},
    {"targets",
     "direction",
     {"Chiều mong muốn của chỉ tiêu: increase (tăng) hoặc decrease (giảm); để trống được "
      "hiểu là increase.",
      "Which way is progress: increase or decrease; empty counts as increase.",
      "개선 방향: increase(증가) 또는 decrease(감소). 비어 있으면 increase로 봅니다."}},
    {"targets",
     "baseline_value",
     {"Giá trị tại mốc ban đầu, theo đơn vị measure_unit.",
      "Value at the baseline, in measure_unit.", "기준값(measure_unit 단위)."}},
    {"targets",
     "baseline_on",
     {"Ngày của mốc ban đầu; baseline_precision cho biết khi chỉ biết tháng hoặc năm.",
      "Date of the baseline; baseline_precision says when only the month or year is known.",
      "기준값의 날짜. 월이나 연도만 알면 baseline_precision에 표시합니다."}},
    {"targets",
     "target_value",
     {"Giá trị cần đạt trước hạn due_on, theo đơn vị measure_unit; để trống với chỉ tiêu "
      "chỉ có chuỗi số liệu báo cáo, không có mục tiêu.",
      "Value to reach by due_on, in measure_unit; empty for an indicator that has only a "
      "reported series and no target.",
      "due_on까지 달성할 값(measure_unit 단위). 목표 없이 보고 시계열만 있는 지표는 비어 "
      "있습니다."}},
    {"targets",
     "due_on",
     {"Hạn phải đạt mục tiêu.", "Date by which the target is to be reached.", "목표 달성 기한."}},
    {"targets", "source", {source_vi, source_en, source_ko}},
    {"targets",
     "baseline_precision",
     {"Mức chính xác của baseline_on: day (biết đến ngày), month (chỉ biết tháng; "
      "baseline_on là ngày đầu tháng) hoặc year (chỉ biết năm).",
      "How precisely baseline_on is known: day, month (only the month; baseline_on is its "
      "first day) or year (only the year).",
      "baseline_on의 정밀도: day(날짜까지 알려짐), month(월만 알려짐, 날짜는 그달 1일로 "
      "적음) 또는 year(연도만 알려짐)."}},
    {"targets",
     "scope_vi",
     {"Phạm vi (scope) bằng tiếng Việt.", "The scope in Vietnamese.", "scope의 베트남어 번역."}},
    {"targets",
     "scope_ko",
     {"Phạm vi (scope) bằng tiếng Hàn.", "The scope in Korean.", "scope의 한국어 번역."}},
    /* ===== observations ===== */
    {"observations",
     "target_code",
     {"Mã của mục tiêu hoặc chỉ tiêu mà giá trị thuộc về.",
      "Code of the target or indicator the value belongs to.", "값이 속한 목표 또는 지표의 코드."}},
    {"observations",
     "observed_on",
     {"Ngày của giá trị; observed_precision cho biết khi chỉ biết tháng hoặc năm.",
      "Date the value refers to; observed_precision says when only the month or year is "
      "known.",
      "값의 기준일. 월이나 연도만 알면 observed_precision에 표시합니다."}},
    {"observations",
     "value",
     {"Giá trị được báo cáo, theo đơn vị measure_unit của mục tiêu.",
      "The reported value, in the target's measure_unit.", "보고된 값(목표의 measure_unit 단위)."}},
    {"observations", "source", {source_vi, source_en, source_ko}},
    {"observations",
     "note",
     {"Cách đọc giá trị từ nguồn: số làm tròn, giả định về ngày, phạm vi.",
      "How the value was read from its source: rounding, assumptions about the date or "
      "scope.",
      "출처에서 값을 읽은 방법: 반올림, 날짜나 범위에 대한 가정."}},
    {"observations",
     "observed_precision",
     {"Mức chính xác của observed_on: day (biết đến ngày), month (chỉ biết tháng; "
      "observed_on là ngày đầu tháng) hoặc year (chỉ biết năm).",
      "How precisely observed_on is known: day, month (only the month; observed_on is its "
      "first day) or year (only the year).",
      "observed_on의 정밀도: day(날짜까지 알려짐), month(월만 알려짐, 날짜는 그달 1일로 "
      "적음) 또는 year(연도만 알려짐)."}},
    {"observations",
     "note_vi",
     {"Ghi chú (note) bằng tiếng Việt.", "The note in Vietnamese.", "note의 베트남어 번역."}},
    {"observations",
     "note_ko",
     {"Ghi chú (note) bằng tiếng Hàn.", "The note in Korean.", "note의 한국어 번역."}},
    /* ===== partners ===== */
    {"partners",
     "code",
     {"Mã duy nhất của đối tác.", "Unique code of the partner.", "파트너의 고유 코드."}},
    {"partners",
     "name",
     {"Tên đối tác bằng tiếng Việt.", "Name of the partner in Vietnamese.",
      "파트너의 베트남어 이름."}},
    {"partners",
     "name_en",
     {"Tên đối tác bằng tiếng Anh; để trống khi chưa có, khi đó ứng dụng hiển thị tên tiếng "
      "Việt.",
      "Name of the partner in English; when empty, the app shows the Vietnamese name.",
      "파트너의 영어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"partners",
     "name_ko",
     {"Tên đối tác bằng tiếng Hàn; để trống khi chưa có, khi đó ứng dụng hiển thị tên tiếng "
      "Việt.",
      "Name of the partner in Korean; when empty, the app shows the Vietnamese name.",
      "파트너의 한국어 이름. 비어 있으면 앱은 베트남어 이름을 표시합니다."}},
    {"partners",
     "country",
     {"Quốc gia của đối tác, mã ISO 3166 hai chữ cái (VN, KR).",
      "Country of the partner, as an ISO 3166 alpha-2 code (VN, KR).",
      "파트너의 국가, ISO 3166 두 글자 코드(VN, KR)."}},
    {"partners",
     "kind",
     {"Loại đối tác: government (chính quyền), agency (cơ quan), association (hiệp hội), "
      "company (doanh nghiệp) hoặc other (khác).",
      "Kind of partner: government (a province, city or state), agency, association, "
      "company or other.",
      "파트너 유형: government(지방정부·정부), agency(기관), association(협회), "
      "company(기업), other(기타)."}},
    {"partners", "since", {"Ngày bắt đầu hợp tác.", "Date the cooperation began.", "협력 시작일."}},
    {"partners", "source", {source_vi, source_en, source_ko}},
    /* ===== events ===== */
    {"events",
     "code",
     {"Mã duy nhất của sự kiện.", "Unique code of the event.", "행사의 고유 코드."}},
    {"events", "title", {"Tên sự kiện.", "Title of the event.", "행사 이름."}},
    {"events",
     "partner_code",
     {"Mã của đối tác cùng tổ chức sự kiện; để trống khi không có đối tác.",
      "Code of the partner the event was held with; empty when there was none.",
      "함께 행사를 연 파트너의 코드. 파트너가 없으면 비어 있습니다."}},
    {"events",
     "held_on",
     {"Ngày tổ chức sự kiện (ngày đầu tiên).", "Date the event was held (its first day).",
      "행사 개최일(첫날)."}},
    {"events",
     "place",
     {"Nơi tổ chức (thành phố, địa điểm).", "Where it was held (city, venue).",
      "개최 장소(도시, 행사장)."}},
    {"events",
     "country",
     {"Quốc gia nơi tổ chức, mã ISO 3166 hai chữ cái (VN, KR).",
      "Country where it was held, as an ISO 3166 alpha-2 code (VN, KR).",
      "개최 국가, ISO 3166 두 글자 코드(VN, KR)."}},
    {"events", "source", {source_vi, source_en, source_ko}},
    /* ===== leads ===== */
    {"leads",
     "code",
     {"Mã duy nhất của yêu cầu (lead-YYYYMMDD-… với yêu cầu gửi qua trang Nhà đầu tư).",
      "Unique code of the inquiry (lead-YYYYMMDD-… for those sent through the investor "
      "page).",
      "문의의 고유 코드(투자자 페이지로 보낸 문의는 lead-YYYYMMDD-…)."}},
    {"leads",
     "event_code",
     {"Mã của sự kiện nơi nhận được yêu cầu; để trống khi yêu cầu đến qua trang web hoặc "
      "cách khác.",
      "Code of the event where the inquiry was received; empty when it came through the web "
      "site or otherwise.",
      "문의를 받은 행사의 코드. 웹사이트나 다른 경로로 온 문의는 비어 있습니다."}},
    {"leads",
     "company",
     {"Công ty của người gửi yêu cầu.", "Company of the person inquiring.", "문의한 사람의 회사."}},
    {"leads",
     "country",
     {"Quốc gia của công ty, mã ISO 3166 hai chữ cái (VN, KR).",
      "Country of the company, as an ISO 3166 alpha-2 code (VN, KR).",
      "회사의 국가, ISO 3166 두 글자 코드(VN, KR)."}},
    {"leads",
     "vsic",
     {"Mã VSIC của ngành nghề công ty dự định đầu tư.",
      "VSIC code of the activity the company means to invest in.",
      "회사가 투자하려는 업종의 VSIC 코드."}},
    {"leads",
     "contact",
     {"Họ tên và email của người gửi: dữ liệu cá nhân, không bao giờ được công bố.",
      "Name and e-mail address of the person inquiring: personal data, never published.",
      "문의한 사람의 이름과 이메일: 개인정보이며 공개하지 않습니다."}},
    {"leads",
     "zones",
     {"Mã các khu nhà đầu tư hỏi đến, cách nhau bởi dấu cách.",
      "Codes of the zones the investor asked about, separated by spaces.",
      "투자자가 문의한 단지의 코드(공백으로 구분)."}},
    {"leads",
     "received_on",
     {"Ngày nhận yêu cầu.", "Date the inquiry was received.", "문의 접수일."}},
    {"leads",
     "note",
     {"Nội dung yêu cầu và ghi chú của cán bộ; có thể chứa dữ liệu cá nhân, không bao giờ "
      "được công bố.",
      "The investor's message and officers' remarks; may hold personal data, never "
      "published.",
      "투자자의 문의 내용과 담당자 비고. 개인정보가 있을 수 있어 공개하지 않습니다."}},
    {"leads",
     "status",
     {"Tình trạng xử lý yêu cầu: new (mới), contacted (đã liên hệ), visiting (đang khảo sát), "
      "invested (đã đầu tư), dropped (dừng); để trống là mới.",
      "Where the follow-up stands: new, contacted, visiting, invested or dropped; empty is "
      "new.",
      "후속 조치 상태: new(신규), contacted(연락함), visiting(현장 방문 중), invested(투자함), "
      "dropped(중단); 비어 있으면 신규입니다."}},
    {"leads",
     "owner",
     {"Tên đăng nhập của cán bộ phụ trách yêu cầu; để trống là chưa giao.",
      "User name of the officer who follows the inquiry up; empty is unassigned.",
      "문의를 담당하는 공무원의 사용자 이름. 비어 있으면 아직 배정되지 않았습니다."}},
    {"leads",
     "notes",
     {"Ghi chú của cán bộ về quá trình xử lý; không bao giờ được công bố.",
      "The officers' notes on the follow-up; never published.",
      "후속 조치에 대한 담당 공무원의 메모. 공개하지 않습니다."}},
};

const struct dict_text *dict_table_about(const char *table)
{
    size_t i;

    if (!table)
        return NULL;
    for (i = 0; i < N(tables); i++)
        if (strcmp(tables[i].table, table) == 0)
            return &tables[i].about;
    return NULL;
}

const struct dict_text *dict_column_meaning(const char *table, const char *column)
{
    size_t i;

    if (!table || !column)
        return NULL;
    for (i = 0; i < N(columns); i++)
        if (strcmp(columns[i].table, table) == 0 && strcmp(columns[i].column, column) == 0)
            return &columns[i].meaning;
    return NULL;
}

const char *dict_pick(const struct dict_text *t, const char *lang)
{
    if (lang && strcmp(lang, "vi") == 0)
        return t->vi;
    if (lang && strcmp(lang, "ko") == 0)
        return t->ko;
    return t->en;
}

const struct dict_table *dict_tables(int *n)
{
    *n = (int)N(tables);
    return tables;
}

const struct dict_column *dict_columns(int *n)
{
    *n = (int)N(columns);
    return columns;
}
