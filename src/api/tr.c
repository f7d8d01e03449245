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
