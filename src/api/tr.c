/* SPDX-License-Identifier: MIT */
/*
 * The translations of the messages people read (see tr.h). Each entry
 * keeps the conversions of its English format, in order.
 */
#include "api/tr.h"

#include <string.h>

static const struct api_tr_entry table[] = {
    /* the inquiry form, one message per field, shown next to it */
    {"This field is required.", "Trường này là bắt buộc.", "필수 항목입니다."},
    {"Must be text.", "Phải là văn bản.", "텍스트여야 합니다."},
    {"At most %zu characters.", "Tối đa %zu ký tự.", "최대 %zu자까지 입력할 수 있습니다."},
    {"Contains a control character (such as a tab); remove it.",
     "Có ký tự điều khiển (như ký tự tab); hãy xóa nó.",
     "제어 문자(탭 등)가 들어 있습니다. 지워 주세요."},
    {"Not an e-mail address.", "Không phải địa chỉ e-mail.", "이메일 주소가 아닙니다."},
    {"Choose a country from the list (an ISO 3166 alpha-2 code such as KR).",
     "Hãy chọn một quốc gia trong danh sách (mã ISO 3166 alpha-2, ví dụ KR).",
     "목록에서 국가를 선택하세요(ISO 3166 alpha-2 코드, 예: KR)."},
    {"At most %d zones, as an array of zone codes.", "Tối đa %d khu, dưới dạng mảng mã khu.",
     "단지 코드 배열로 최대 %d개까지입니다."},
    {"Zone %zu of the list is not a zone code.", "Khu thứ %zu trong danh sách không phải mã khu.",
     "목록의 %zu번째 단지는 단지 코드가 아닙니다."},
    {"Unknown field \"%.60s\".", "Trường không xác định \"%.60s\".", "알 수 없는 항목 \"%.60s\"."},
    /* the whole form */
    {"Check %d fields: %s.", "Hãy kiểm tra %d trường: %s.", "%d개 항목을 확인하세요: %s."},
    {"The body must be a JSON object: %s (line %d, column %d).",
     "Nội dung phải là một đối tượng JSON: %s (dòng %d, cột %d).",
     "본문은 JSON 객체여야 합니다: %s(%d행, %d열)."},
    {"Too many inquiries from this address; try again in %ld seconds.",
     "Quá nhiều yêu cầu từ địa chỉ này; hãy thử lại sau %ld giây.",
     "이 주소에서 문의가 너무 많습니다. %ld초 후에 다시 시도하세요."},
    /* the investor's search */
    {"%s must be a number from %g to %g; got '%.40s'",
     "%s phải là một số từ %g đến %g; đã nhập '%.40s'",
     "%s은(는) %g에서 %g 사이의 숫자여야 합니다. 입력값: '%.40s'"},
    {"%s must be a whole number from %g to %g; got '%.40s'",
     "%s phải là một số nguyên từ %g đến %g; đã nhập '%.40s'",
     "%s은(는) %g에서 %g 사이의 정수여야 합니다. 입력값: '%.40s'"},
    {"%s must be a date YYYY-MM-DD; got '%.40s'",
     "%s phải là một ngày dạng YYYY-MM-DD; đã nhập '%.40s'",
     "%s은(는) YYYY-MM-DD 형식의 날짜여야 합니다. 입력값: '%.40s'"},
    {"%s must be %g to %g unit codes separated by commas",
     "%s phải gồm %g đến %g mã đơn vị, cách nhau bằng dấu phẩy",
     "%s은(는) 쉼표로 구분한 행정 단위 코드 %g~%g개여야 합니다"},
    {"%s must be a VSIC code; got '%.40s'", "%s phải là một mã VSIC; đã nhập '%.40s'",
     "%s은(는) VSIC 코드여야 합니다. 입력값: '%.40s'"},
    {"%s must be fits, unverified or excluded; got '%.40s'",
     "%s phải là fits, unverified hoặc excluded; đã nhập '%.40s'",
     "%s은(는) fits, unverified, excluded 중 하나여야 합니다. 입력값: '%.40s'"},
    /* the supplier finder */
    {"%s must be a code of 1 to 64 bytes; got '%.40s'",
     "%s phải là một mã dài 1 đến 64 byte; đã nhập '%.40s'",
     "%s은(는) 1~64바이트의 코드여야 합니다. 입력값: '%.40s'"},
    {"%s must be tokens of lowercase letters, digits and '-', separated by commas; got '%.40s'",
     "%s phải gồm các mã viết thường (chữ, số và '-'), cách nhau bằng dấu phẩy; đã nhập '%.40s'",
     "%s은(는) 소문자, 숫자, '-'로 된 토큰을 쉼표로 구분해야 합니다. 입력값: '%.40s'"},
    {"%s must be a two-letter country code (ISO 3166); got '%.40s'",
     "%s phải là mã quốc gia hai chữ cái (ISO 3166); đã nhập '%.40s'",
     "%s은(는) 두 글자 국가 코드(ISO 3166)여야 합니다. 입력값: '%.40s'"},
    {"Give demand or the demand's fields, not both.",
     "Hãy nhập mã nhu cầu hoặc các trường của nhu cầu, không nhập cả hai.",
     "수요 코드 또는 수요 항목 중 하나만 입력하세요."},
    {"lat and lon go together: give both or neither.",
     "lat và lon đi cùng nhau: nhập cả hai hoặc không nhập.",
     "lat과 lon은 함께 입력하거나 둘 다 비워 두세요."},
    {"No demand has the code '%.64s'.", "Không có nhu cầu nào mang mã '%.64s'.",
     "코드가 '%.64s'인 수요가 없습니다."},
    {"No supplier has the tax code '%.20s'.", "Không có nhà cung cấp nào có mã số thuế '%.20s'.",
     "사업자 번호가 '%.20s'인 공급업체가 없습니다."},
    {"Must be the tax code of your own enterprise.",
     "Phải là mã số thuế của chính doanh nghiệp bạn.", "귀사의 사업자 번호여야 합니다."},
    {"Only an officer who audited the process records it as audited.",
     "Chỉ cán bộ đã đánh giá quy trình mới ghi nhận mức \"đã đánh giá\".",
     "공정을 심사한 담당 공무원만 '심사 완료'로 기록할 수 있습니다."},
    {"This supplier has not given a contact yet.",
     "Nhà cung cấp này chưa cung cấp đầu mối liên hệ.",
     "이 공급업체는 아직 연락처를 등록하지 않았습니다."},
    {"Sign in as a buyer or an officer to see the contact.",
     "Hãy đăng nhập với tư cách bên mua hoặc cán bộ để xem đầu mối liên hệ.",
     "연락처를 보려면 구매자 또는 담당 공무원으로 로그인하세요."},
    {"No set of sectors is called '%.64s'.", "Không có nhóm ngành nào mang mã '%.64s'.",
     "'%.64s'(이)라는 업종 묶음이 없습니다."},
    {"The demand base is the yearly value (annual_usd) of the demands of buyers located in the "
     "place, in the sector, posted on or before the day and not withdrawn by it; a demand whose "
     "value is unknown is left out of the sum and counted in the coverage, and one imported "
     "without a posting day counts from the day it was imported. The share by location is the "
     "yearly value of the linkages active on the day (since on or before it, until empty or on "
     "or after it) that answer those demands and whose supplier is located in the place, over "
     "the base. The share by ownership is the same for suppliers owned in Viet Nam (domestic or "
     "state), wherever they are.",
     "Cơ sở nhu cầu là tổng giá trị hằng năm (annual_usd) của các nhu cầu do bên mua đặt tại địa "
     "bàn đăng, thuộc ngành, đăng vào hoặc trước ngày tính và chưa rút; nhu cầu chưa rõ giá trị "
     "không được cộng mà được tính vào độ bao phủ, nhu cầu nhập không có ngày đăng được tính từ "
     "ngày nhập. Tỷ lệ theo địa điểm là tổng giá trị hằng năm của các liên kết còn hiệu lực vào "
     "ngày tính (bắt đầu vào hoặc trước ngày đó, chưa kết thúc hoặc kết thúc vào hoặc sau ngày "
     "đó) đáp ứng các nhu cầu ấy mà nhà cung ứng đặt tại địa bàn, chia cho cơ sở nhu cầu. Tỷ lệ "
     "theo sở hữu tính tương tự cho nhà cung ứng thuộc sở hữu Việt Nam (tư nhân hoặc nhà nước), "
     "dù đặt ở đâu.",
     "수요 기반은 해당 지역에 소재한 구매 기업이 해당 업종에서 기준일 또는 그 이전에 게시하고 "
     "철회하지 않은 수요의 연간 금액(annual_usd) 합계입니다. 금액을 알 수 없는 수요는 합계에서 "
     "빠지고 포괄률에 반영되며, 게시일 없이 가져온 수요는 가져온 날부터 계산합니다. 소재지 기준 "
     "비율은 기준일에 유효한(시작일이 기준일 또는 그 이전이고, 종료일이 없거나 기준일 또는 그 "
     "이후인) 연계 중 그 수요에 응하고 공급업체가 해당 지역에 있는 연계의 연간 금액을 수요 "
     "기반으로 나눈 값입니다. 소유 기준 비율은 위치와 관계없이 베트남 소유(민간 또는 국영) "
     "공급업체에 대해 같은 방식으로 계산합니다."},
    /* the pipeline */
    {"Your account cannot do this on this match.",
     "Tài khoản của bạn không thể làm việc này với mối ghép nối này.",
     "귀하의 계정으로는 이 매칭에서 이 작업을 할 수 없습니다."},
    {"This supplier was proposed for the demand already.",
     "Nhà cung ứng này đã được đề xuất cho nhu cầu này rồi.",
     "이 공급업체는 이미 이 수요에 제안되었습니다."},
    {"No supplier has this tax code.", "Không có nhà cung ứng nào có mã số thuế này.",
     "이 사업자 번호의 공급업체가 없습니다."},
    {"No demand or match you may act on has this code.",
     "Không có nhu cầu hay mối ghép nối nào bạn được thao tác mang mã này.",
     "이 코드로 귀하가 처리할 수 있는 수요나 매칭이 없습니다."},
    {"The match's stage does not allow this: %s.",
     "Giai đoạn của mối ghép nối không cho phép việc này: %s.",
     "매칭의 현재 단계에서는 이 작업을 할 수 없습니다: %s."},
    {"No act is called '%.40s': interest, accept, decline, meet, contract or close.",
     "Không có thao tác '%.40s': interest, accept, decline, meet, contract hoặc close.",
     "'%.40s'(이)라는 작업은 없습니다: interest, accept, decline, meet, contract, close 중 "
     "하나입니다."},
    {"only the supplier, or an officer for it, answers an expression of interest",
     "chỉ nhà cung ứng, hoặc cán bộ thay mặt, mới trả lời thư bày tỏ quan tâm",
     "관심 표명에는 공급업체나 그를 대신한 담당 공무원만 답할 수 있습니다"},
    {"only the buyer, the supplier or an officer records a meeting",
     "chỉ bên mua, nhà cung ứng hoặc cán bộ mới ghi nhận cuộc gặp",
     "미팅은 구매 기업, 공급업체 또는 담당 공무원만 기록할 수 있습니다"},
    {"only the buyer, or an officer for it, may do this",
     "chỉ bên mua, hoặc cán bộ thay mặt, mới làm được việc này",
     "구매 기업이나 그를 대신한 담당 공무원만 할 수 있습니다"},
    {"the supplier declined this match", "nhà cung ứng đã từ chối mối ghép nối này",
     "공급업체가 이 매칭을 거절했습니다"},
    {"this match has its contract already", "mối ghép nối này đã có hợp đồng",
     "이 매칭은 이미 계약이 체결되었습니다"},
    {"this match is closed", "mối ghép nối này đã đóng", "이 매칭은 종료되었습니다"},
    {"the expression of interest was sent already", "thư bày tỏ quan tâm đã được gửi",
     "관심 표명은 이미 발송되었습니다"},
    {"no expression of interest was sent yet", "chưa gửi thư bày tỏ quan tâm",
     "아직 관심 표명을 보내지 않았습니다"},
    {"the supplier answered already", "nhà cung ứng đã trả lời", "공급업체가 이미 답했습니다"},
    {"the supplier has not accepted yet", "nhà cung ứng chưa nhận lời",
     "공급업체가 아직 수락하지 않았습니다"},
    {"the demand is no longer open", "nhu cầu không còn mở",
     "이 수요는 더 이상 열려 있지 않습니다"},
    /* the lists' filters (the finder's and the dashboard's links carry them) */
    {"%s must be one of: %s (several separated by commas); got '%.40s'",
     "%s phải là một trong: %s (nhiều giá trị cách nhau bằng dấu phẩy); đã nhập '%.40s'",
     "%s은(는) 다음 중 하나여야 합니다: %s(여러 개는 쉼표로 구분). 입력값: '%.40s'"},
    {"%s must be 1 to %d codes of 1 to 64 bytes, separated by commas; got '%.40s'",
     "%s phải gồm 1 đến %d mã, mỗi mã 1 đến 64 byte, cách nhau bằng dấu phẩy; đã nhập '%.40s'",
     "%s은(는) 쉼표로 구분한 1~%d개의 코드(각 1~64바이트)여야 합니다. 입력값: '%.40s'"},
    {"%s must be a number with '.' as the decimal point; got '%.40s'",
     "%s phải là một số, dùng dấu '.' làm dấu thập phân; đã nhập '%.40s'",
     "%s은(는) 소수점으로 '.'을 쓰는 숫자여야 합니다. 입력값: '%.40s'"},
    {"unknown unit '%.60s': see /api/v1/units for the codes",
     "không có đơn vị hành chính '%.60s': xem các mã tại /api/v1/units",
     "알 수 없는 행정 단위 '%.60s': 코드는 /api/v1/units에서 확인하세요"},
    {"unknown sector code '%.40s' (VSIC 2018 or 2025): see /api/v1/sectors",
     "không có mã ngành '%.40s' (VSIC 2018 hoặc 2025): xem tại /api/v1/sectors",
     "알 수 없는 업종 코드 '%.40s'(VSIC 2018 또는 2025): /api/v1/sectors에서 확인하세요"},
    {"%s must be 0 or 1; got '%.40s'", "%s phải là 0 hoặc 1; đã nhập '%.40s'",
     "%s은(는) 0 또는 1이어야 합니다. 입력값: '%.40s'"},
    {"q is too long (at most %d characters)", "q quá dài (tối đa %d ký tự)",
     "q가 너무 깁니다(최대 %d자)"},
    {"q could not be read", "không đọc được q", "q를 읽을 수 없습니다"},
    {"q must contain at least one letter or digit", "q phải có ít nhất một chữ cái hoặc chữ số",
     "q에는 글자나 숫자가 하나 이상 있어야 합니다"},
    {"sort must be %s%s, with '-' in front for descending; got '%.40s'",
     "sort phải là %s%s, thêm '-' ở trước để sắp xếp giảm dần; đã nhập '%.40s'",
     "sort는 %s%s 중 하나여야 하며, 내림차순은 앞에 '-'를 붙입니다. 입력값: '%.40s'"},
    {"limit must be a whole number from 1 to %ld; got '%.40s'",
     "limit phải là một số nguyên từ 1 đến %ld; đã nhập '%.40s'",
     "limit은 1에서 %ld 사이의 정수여야 합니다. 입력값: '%.40s'"},
    /* signing in and who may do what (api/auth.c, api/login.c) */
    {"Send an API token as \"Authorization: Bearer TOKEN\".",
     "Hãy gửi mã API dưới dạng \"Authorization: Bearer TOKEN\".",
     "API 토큰은 \"Authorization: Bearer TOKEN\" 형식으로 보내세요."},
    {"This API token is not valid: it is unknown or was revoked, or its user is disabled.",
     "Mã API này không hợp lệ: không tồn tại hoặc đã bị thu hồi, hoặc người dùng của nó đã bị "
     "khóa.",
     "이 API 토큰은 유효하지 않습니다. 존재하지 않거나 폐기되었거나, 토큰의 사용자가 "
     "비활성화되었습니다."},
    {"Your session has ended; sign in again.", "Phiên làm việc đã kết thúc; hãy đăng nhập lại.",
     "세션이 종료되었습니다. 다시 로그인하세요."},
    {"Sign in first: this needs an account.", "Hãy đăng nhập trước: việc này cần có tài khoản.",
     "먼저 로그인하세요. 이 작업에는 계정이 필요합니다."},
    {"Your role (%s) may not do this.", "Vai trò của bạn (%s) không được làm việc này.",
     "현재 역할(%s)로는 이 작업을 할 수 없습니다."},
    {"Too many failed sign-ins; try again in %ld minutes.",
     "Đăng nhập sai quá nhiều lần; hãy thử lại sau %ld phút.",
     "로그인 실패가 너무 많습니다. %ld분 후에 다시 시도하세요."},
    {"Too many sign-ins at once; try again in a few seconds.",
     "Có quá nhiều lượt đăng nhập cùng lúc; hãy thử lại sau vài giây.",
     "동시에 로그인하는 사람이 너무 많습니다. 몇 초 후에 다시 시도하세요."},
    {"Wrong user name or password.", "Sai tên người dùng hoặc mật khẩu.",
     "사용자 이름 또는 비밀번호가 틀렸습니다."},
    {"key filters the records of one table: give table too.",
     "key lọc các bản ghi của một bảng: hãy cho cả table.",
     "key는 한 테이블의 기록을 거릅니다. table도 함께 주세요."},
    {"An API token does not sign out; revoke it with khu token revoke.",
     "Mã API không đăng xuất được; hãy thu hồi nó bằng lệnh khu token revoke.",
     "API 토큰은 로그아웃할 수 없습니다. khu token revoke로 폐기하세요."},
    /* accounts, for admins (api/users.c) */
    {"A user name is 2 to 64 lowercase letters a-z, digits, dots, dashes or underscores, and "
     "begins with a letter or a digit.",
     "Tên đăng nhập dài 2 đến 64 ký tự, gồm chữ thường a-z, chữ số, dấu chấm, gạch ngang hoặc "
     "gạch dưới, và bắt đầu bằng chữ cái hoặc chữ số.",
     "사용자 이름은 소문자 a-z, 숫자, 점, 하이픈, 밑줄로 된 2~64자이며 문자나 숫자로 시작해야 "
     "합니다."},
    {"A user with this name exists already.", "Đã có người dùng với tên này.",
     "이 이름의 사용자가 이미 있습니다."},
    {"Choose a role: admin, officer, department, investor, supplier or viewer.",
     "Hãy chọn một vai trò: admin, officer, department, investor, supplier hoặc viewer.",
     "역할을 선택하세요: admin, officer, department, investor, supplier, viewer."},
    {"This role belongs to no organisation: leave it empty.",
     "Vai trò này không thuộc tổ chức nào: hãy để trống.",
     "이 역할은 소속 기관이 없습니다. 비워 두세요."},
    {"This role needs the code of the department the user belongs to.",
     "Vai trò này cần mã của sở, ngành mà người dùng trực thuộc.",
     "이 역할에는 사용자가 속한 부서의 코드가 필요합니다."},
    {"This role needs the tax code of the user's enterprise.",
     "Vai trò này cần mã số thuế của doanh nghiệp của người dùng.",
     "이 역할에는 사용자가 속한 기업의 세금 코드가 필요합니다."},
    {"There is no department or enterprise with this code.",
     "Không có sở, ngành hay doanh nghiệp nào có mã này.", "이 코드의 부서나 기업이 없습니다."},
    {"The password is not valid text.", "Mật khẩu không phải là văn bản hợp lệ.",
     "비밀번호가 올바른 텍스트가 아닙니다."},
    {"The password holds a control character (such as a tab).",
     "Mật khẩu có ký tự điều khiển (như ký tự tab).",
     "비밀번호에 제어 문자(탭 등)가 들어 있습니다."},
    {"The password needs at least 12 characters: a few words make a good one.",
     "Mật khẩu cần ít nhất 12 ký tự: ghép vài từ với nhau là một mật khẩu tốt.",
     "비밀번호는 12자 이상이어야 합니다. 단어 몇 개를 이어 쓰면 좋은 비밀번호가 됩니다."},
    {"The password is longer than 1024 bytes.", "Mật khẩu dài hơn 1024 byte.",
     "비밀번호가 1024바이트보다 깁니다."},
    {"The password must not contain the user name.", "Mật khẩu không được chứa tên đăng nhập.",
     "비밀번호에 사용자 이름이 들어가면 안 됩니다."},
    {"This password is too common or too easy to guess: choose a few unrelated words.",
     "Mật khẩu này quá phổ biến hoặc quá dễ đoán: hãy chọn vài từ không liên quan đến nhau.",
     "너무 흔하거나 추측하기 쉬운 비밀번호입니다. 서로 관계없는 단어 몇 개를 고르세요."},
    {"\"%.60s\" has the wrong type.", "\"%.60s\" có kiểu dữ liệu không đúng.",
     "\"%.60s\"의 형식이 올바르지 않습니다."},
    {"You cannot disable your own account or take away your own admin role: ask another admin.",
     "Bạn không thể vô hiệu hóa tài khoản của chính mình hoặc tự bỏ vai trò admin: hãy nhờ một "
     "admin khác.",
     "자신의 계정을 비활성화하거나 자신의 admin 역할을 없앨 수 없습니다. 다른 admin에게 "
     "요청하세요."},
    /* the registry's edits, one message per field */
    {"Another row has this value already.", "Đã có một bản ghi khác mang giá trị này.",
     "다른 행에 이미 이 값이 있습니다."},
    {"Contains an invisible control character; remove it.",
     "Có ký tự điều khiển không nhìn thấy được; hãy xóa nó.",
     "보이지 않는 제어 문자가 들어 있습니다. 지워 주세요."},
    {"Not valid UTF-8.", "Không phải là UTF-8 hợp lệ.", "올바른 UTF-8이 아닙니다."},
    {"Must be a tax code of 10 or 13 digits (0123456789 or 0123456789-001).",
     "Phải là mã số thuế gồm 10 hoặc 13 chữ số (0123456789 hoặc 0123456789-001).",
     "10자리 또는 13자리 세금 코드여야 합니다(0123456789 또는 0123456789-001)."},
    {"Must be %g to %g bytes long.", "Độ dài phải từ %g đến %g byte.",
     "길이는 %g~%g바이트여야 합니다."},
    {"Must be a number from %g to %g.", "Phải là một số từ %g đến %g.",
     "%g에서 %g 사이의 숫자여야 합니다."},
    {"Must be a number, with '.' as the decimal point.",
     "Phải là một số, dùng dấu '.' làm dấu thập phân.", "소수점으로 '.'을 쓰는 숫자여야 합니다."},
    {"Must be a whole number.", "Phải là một số nguyên.", "정수여야 합니다."},
    {"Must be one of: %s.", "Phải là một trong các giá trị: %s.", "다음 중 하나여야 합니다: %s."},
    {"Must be a real date written YYYY-MM-DD.",
     "Phải là một ngày có thật, viết theo dạng YYYY-MM-DD.",
     "YYYY-MM-DD 형식의 올바른 날짜여야 합니다."},
    {"Must be true or false.", "Phải là true hoặc false.", "true 또는 false여야 합니다."},
    {"Must not be before %s.", "Không được sớm hơn %s.", "%s보다 앞설 수 없습니다."},
    {"Must not be more than %s.", "Không được lớn hơn %s.", "%s보다 클 수 없습니다."},
    {"Must not name the row itself.", "Không được trỏ đến chính bản ghi này.",
     "이 행 자체를 가리킬 수 없습니다."},
    {"Each entry must be column=source_code, naming a figure of the zone once.",
     "Mỗi mục phải có dạng column=source_code; mỗi số liệu của khu chỉ được nêu một lần.",
     "각 항목은 column=source_code 형식이어야 하며, 단지의 수치마다 한 번만 적어야 합니다."},
    {"Not a field of this table.", "Không phải là trường của bảng này.",
     "이 테이블의 항목이 아닙니다."},
    {"Given twice.", "Được nhập hai lần.", "두 번 입력되었습니다."},
    {"This is the row's key; it cannot change.", "Đây là khóa của bản ghi; không thể thay đổi.",
     "이 행의 키이므로 바꿀 수 없습니다."},
    {"Names no row of %s.", "Không khớp với bản ghi nào trong %s.", "%s에 해당하는 행이 없습니다."},
    {"Required with a change to a figure: say where the new figure comes from.",
     "Bắt buộc khi thay đổi số liệu: hãy nêu nguồn của số liệu mới.",
     "수치를 바꿀 때는 필수입니다. 새 수치의 출처를 밝히세요."},
    {"Must be one line of text, at most 500 characters.",
     "Phải là một dòng văn bản, tối đa 500 ký tự.", "500자 이하의 한 줄 텍스트여야 합니다."},
    {"Required with a change to a figure: the date the figure is as of.",
     "Bắt buộc khi thay đổi số liệu: ngày mà số liệu được tính đến.",
     "수치를 바꿀 때는 필수입니다. 수치의 기준일을 적으세요."},
    {"Must not be after today.", "Không được sau ngày hôm nay.", "오늘 이후의 날짜일 수 없습니다."},
    {"Must be text, a number, true, false or null.",
     "Phải là văn bản, một số, true, false hoặc null.",
     "텍스트, 숫자, true, false, null 중 하나여야 합니다."},
    {"This field cannot be changed here.", "Không thể thay đổi trường này ở đây.",
     "이 항목은 여기에서 바꿀 수 없습니다."},
    {"Must be the user name of an officer or admin who can sign in.",
     "Phải là tên người dùng của một cán bộ tỉnh hoặc quản trị viên còn đăng nhập được.",
     "로그인할 수 있는 성 공무원 또는 관리자의 사용자 이름이어야 합니다."},
    /* the whole edit */
    {"The body needs \"fields\": an object of the columns to set.",
     "Nội dung cần có \"fields\": một đối tượng gồm các cột cần ghi.",
     "본문에는 \"fields\"(설정할 열을 담은 객체)가 있어야 합니다."},
    {"At most %d fields.", "Tối đa %d trường.", "최대 %d개 항목까지입니다."},
    {"A change needs If-Match with the row's ETag, as read from GET: it shows which version you "
     "changed.",
     "Thay đổi cần có If-Match với ETag của bản ghi, như đã đọc bằng GET: ETag cho biết bạn đã "
     "sửa phiên bản nào.",
     "변경하려면 GET으로 읽은 행의 ETag를 If-Match에 넣어 보내야 합니다. 어느 버전을 고쳤는지 "
     "알려 주는 값입니다."},
    {"This row was changed since you read it. Reload it to see the change, then make yours again.",
     "Bản ghi này đã được thay đổi sau khi bạn đọc. Hãy tải lại để xem thay đổi đó, rồi thực hiện "
     "lại thay đổi của bạn.",
     "읽은 뒤에 이 행이 변경되었습니다. 다시 불러와 변경 내용을 확인한 다음 다시 수정하세요."},
    {"A row with this key exists already.", "Đã có bản ghi với khóa này.",
     "이 키를 가진 행이 이미 있습니다."},
    {"No row of %s has this key.", "Trong %s không có bản ghi nào có khóa này.",
     "%s에 이 키를 가진 행이 없습니다."},
    /* the officers' inbox of inquiries (api/leads_inbox.c) */
    {"status must be one of: %s; got '%.40s'", "status phải là một trong: %s; đã nhập '%.40s'",
     "status는 다음 중 하나여야 합니다: %s. 입력값: '%.40s'"},
    /* the working-day calendar and deadlines (api/calendar.c) */
    {"%s must be one of: %s; got '%.40s'", "%s phải là một trong: %s; đã nhập '%.40s'",
     "%s은(는) 다음 중 하나여야 합니다: %s. 입력값: '%.40s'"},
    {"A limit with known false, or a procedure with no limit in force, is one no source read "
     "gives: it is unknown, not none.",
     "Thời hạn có known là false, hoặc thủ tục không có thời hạn nào đang áp dụng, là thời hạn "
     "chưa nguồn nào đã đọc cho biết: chưa rõ, không phải là không có.",
     "known이 false인 기한이나 적용 중인 기한이 없는 절차는 읽은 출처 어디에도 나오지 않는 "
     "기한입니다. 없는 것이 아니라 미상입니다."},
    {"Must be a Saturday: a working Saturday makes up a day off.",
     "Phải là thứ Bảy: thứ Bảy làm việc là để bù cho một ngày nghỉ.",
     "토요일이어야 합니다. 보충 근무 토요일은 휴무일을 보충하는 날입니다."},
    {"The due day would fall after 9999-12-31.", "Ngày đến hạn sẽ rơi sau ngày 31/12/9999.",
     "기한이 9999-12-31 이후가 됩니다."},
    {"%s must be working or calendar; got '%.40s'",
     "%s phải là working (ngày làm việc) hoặc calendar (ngày theo lịch); đã nhập '%.40s'",
     "%s은(는) working(근무일) 또는 calendar(역일)여야 합니다. 입력값: '%.40s'"},
    {"Saturdays and Sundays are days off unless a row makes a Saturday a working day.",
     "Thứ Bảy và Chủ nhật là ngày nghỉ, trừ thứ Bảy được một dòng của lịch quy định là ngày làm "
     "việc.",
     "토요일과 일요일은 휴무일입니다. 다만 달력의 행이 근무일로 정한 토요일은 예외입니다."},
    {"The day of receipt is not counted; a limit in calendar days that ends on a day off ends on "
     "the next working day (Civil Code, Arts. 147-148).",
     "Không tính ngày tiếp nhận; thời hạn tính theo ngày lịch mà ngày cuối cùng là ngày nghỉ thì "
     "kết thúc vào ngày làm việc tiếp theo (Bộ luật Dân sự, Điều 147-148).",
     "접수일은 산입하지 않습니다. 역일 기준 기한의 마지막 날이 휴무일이면 다음 근무일에 "
     "끝납니다(민법 제147조~제148조)."},
    {"The day of receipt is not counted; only working days are counted: not weekends, public "
     "holidays or the Government's days off; a Saturday it makes a working day counts.",
     "Không tính ngày tiếp nhận; chỉ tính ngày làm việc: không tính thứ Bảy, Chủ nhật, ngày lễ và "
     "ngày nghỉ do Chính phủ quy định; thứ Bảy được quy định là ngày làm việc thì được tính.",
     "접수일은 산입하지 않고 근무일만 셉니다. 주말, 공휴일, 정부가 정한 휴무일은 빼고, 정부가 "
     "근무일로 정한 토요일은 셉니다."},
    {"The calendar has no days off for a year this count crosses: only weekends were skipped "
     "there, and the due day may move once the year's holidays are known.",
     "Lịch chưa có ngày nghỉ của một năm mà thời hạn này đi qua: ở năm đó chỉ trừ thứ Bảy, Chủ "
     "nhật, nên hạn có thể thay đổi khi biết các ngày lễ của năm.",
     "이 기한이 걸치는 해의 휴일이 달력에 없습니다. 그 해에는 주말만 뺐으므로 휴일이 알려지면 "
     "기한이 바뀔 수 있습니다."},
    {"The calendar of a year this count crosses is provisional, worked out from the Labour "
     "Code's rules: the due day may move once the Government announces the year's days off.",
     "Lịch của một năm mà thời hạn này đi qua là lịch tạm tính theo quy định của Bộ luật Lao "
     "động: hạn có thể thay đổi khi Chính phủ công bố lịch nghỉ của năm.",
     "이 기한이 걸치는 해의 달력은 노동법 규칙으로 산출한 잠정 달력입니다. 정부가 그 해의 휴무 "
     "일정을 발표하면 기한이 바뀔 수 있습니다."},
    {"Give a password, a role, disabled, email or head: what to change.",
     "Hãy cho biết cần thay đổi gì: password, role, disabled, email hoặc head.",
     "바꿀 항목을 지정하세요: password, role, disabled, email 또는 head."},
    {"Only a department's user can be its head.",
     "Chỉ người dùng thuộc một cơ quan mới có thể là trưởng cơ quan đó.",
     "기관 소속 사용자만 그 기관의 기관장이 될 수 있습니다."},
    /* dossiers (api/dossiers.c, core/dossier_flow.c) */
    {"No notification of yours has this number.", "Bạn không có thông báo nào mang số này.",
     "이 번호의 알림이 없습니다."},
    {"Handled: consultations answered (dossiers decided) in the period. On time: of those whose "
     "time limit was known, the share done by the due day. Working days leave out weekends, days "
     "off and the days a question to the investor stopped the clock. Open and overdue: today.",
     "Đã xử lý: số lần lấy ý kiến đã trả lời (hồ sơ đã có quyết định) trong kỳ. Đúng hạn: trong "
     "số có thời hạn đã biết, tỷ lệ hoàn thành trước hoặc đúng ngày hết hạn. Ngày làm việc không "
     "tính cuối tuần, ngày nghỉ và những ngày thời hạn tạm dừng vì câu hỏi gửi nhà đầu tư. Đang "
     "xử lý và quá hạn: tính đến hôm nay.",
     "처리: 기간 중 회신한 의견 조회(결정된 신청 서류) 수. 기한 내: 기한을 알 수 있는 것 중 "
     "기한일까지 처리한 비율. 근무일에는 주말, 휴무일, 투자자에게 질문하여 기한 계산이 멈춘 "
     "날이 포함되지 않습니다. 진행 중과 기한 초과: 오늘 기준."},
    {"No dossier you may see has this code.", "Không có hồ sơ nào bạn được xem mang mã này.",
     "이 코드로 열람할 수 있는 신청 서류가 없습니다."},
    {"The dossier's stage does not allow this: %s.",
     "Giai đoạn hiện tại của hồ sơ không cho phép việc này: %s.",
     "신청 서류의 현재 단계에서는 할 수 없습니다: %s."},
    {"Your account cannot do this on this dossier.",
     "Tài khoản của bạn không được làm việc này với hồ sơ này.",
     "이 계정으로는 이 신청 서류에 이 작업을 할 수 없습니다."},
    {"A time limit is 0 to 3650 days, counted as working or calendar days.",
     "Thời hạn là từ 0 đến 3650 ngày, tính theo ngày làm việc hoặc ngày theo lịch.",
     "처리 기한은 0~3650일이며 근무일 또는 달력일로 셉니다."},
    {"At most %d departments, as an array of department codes.",
     "Tối đa %d cơ quan, dưới dạng mảng mã cơ quan.", "기관 코드 배열로 최대 %d개까지입니다."},
    {"No act is called '%.40s': return, resubmit, accept, ask, answer, opinion, appraise, decide "
     "or withdraw.",
     "Không có thao tác nào tên '%.40s': return, resubmit, accept, ask, answer, opinion, appraise, "
     "decide hoặc withdraw.",
     "'%.40s'라는 작업은 없습니다: return, resubmit, accept, ask, answer, opinion, appraise, "
     "decide, withdraw 중 하나입니다."},
    {"No document of this dossier has this number.", "Hồ sơ này không có tài liệu nào mang số này.",
     "이 신청 서류에는 이 번호의 문서가 없습니다."},
    {"No department's queue you may see has this code.",
     "Không có danh sách việc nào của cơ quan mang mã này mà bạn được xem.",
     "이 코드로 열람할 수 있는 기관의 처리 목록이 없습니다."},
    {"No department has this code.", "Không có cơ quan nào mang mã này.",
     "이 코드의 기관이 없습니다."},
    {"No dossier has this code and secret.", "Không có hồ sơ nào có mã và mã bí mật này.",
     "이 코드와 비밀 번호에 해당하는 신청 서류가 없습니다."},
    {"Your department has given its opinion on this dossier already.",
     "Cơ quan của bạn đã có ý kiến về hồ sơ này.",
     "귀 기관은 이미 이 신청 서류에 의견을 냈습니다."},
    {"This question is answered already.", "Câu hỏi này đã được trả lời.",
     "이 질문에는 이미 답변했습니다."},
    {"A department has not answered and its due day has not passed: wait for its opinion.",
     "Có cơ quan chưa trả lời và chưa đến hạn: hãy chờ ý kiến của cơ quan đó.",
     "아직 회신하지 않았고 기한도 지나지 않은 기관이 있습니다. 그 기관의 의견을 기다리세요."},
    {"This is required.", "Trường này là bắt buộc.", "필수 항목입니다."},
    {"This is too long: at most 4000 bytes.", "Nội dung quá dài: tối đa 4000 byte.",
     "너무 깁니다. 최대 4000바이트입니다."},
    {"This is not one of yours.", "Đây không phải của bạn.", "귀하의 것이 아닙니다."},
    {"No question of this dossier has this number.", "Hồ sơ này không có câu hỏi nào mang số này.",
     "이 신청 서류에는 이 번호의 질문이 없습니다."},
    {"The law gives this time limit: it cannot be set here.",
     "Luật đã quy định thời hạn này: không thể đặt ở đây.",
     "법령이 이 기한을 정하고 있으므로 여기서 정할 수 없습니다."},
    {"A document is a PDF, a PNG or a JPEG image.", "Tài liệu phải là tệp PDF, ảnh PNG hoặc JPEG.",
     "문서는 PDF, PNG 또는 JPEG 이미지여야 합니다."},
    {"The content is not a file of the type it claims.",
     "Nội dung không phải là tệp thuộc loại đã khai.", "내용이 표시된 형식의 파일이 아닙니다."},
    {"A document has 1 byte to 20 MB.", "Tài liệu có từ 1 byte đến 20 MB.",
     "문서 크기는 1바이트에서 20MB까지입니다."},
    {"the dossier has not been accepted yet", "hồ sơ chưa được tiếp nhận",
     "신청 서류가 아직 접수되지 않았습니다"},
    {"the dossier was returned to the investor to complete",
     "hồ sơ đã được trả lại để nhà đầu tư bổ sung",
     "신청 서류가 보완을 위해 투자자에게 반려되었습니다"},
    {"the dossier is being consulted on", "hồ sơ đang được lấy ý kiến",
     "신청 서류에 대해 의견을 조회하고 있습니다"},
    {"the dossier is being appraised", "hồ sơ đang được thẩm định",
     "신청 서류를 심사하고 있습니다"},
    {"the dossier is decided", "hồ sơ đã có quyết định", "신청 서류에 대한 결정이 내려졌습니다"},
    {"the dossier was withdrawn", "hồ sơ đã được rút", "신청 서류가 취하되었습니다"},
};

const char *api_tr(enum api_lang lang, const char *en)
{
    size_t i;

    if (lang == LANG_EN)
        return en;
    for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (strcmp(table[i].en, en) == 0)
            return lang == LANG_KO ? table[i].ko : table[i].vi;
    return en;
}

const struct api_tr_entry *api_tr_table(size_t *n)
{
    *n = sizeof(table) / sizeof(table[0]);
    return table;
}
