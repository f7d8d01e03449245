/* SPDX-License-Identifier: MIT */
/*
 * Sending mail (mail/smtp.h) to an SMTP sink on 127.0.0.1: the whole
 * conversation, the message as it arrives (headers, the subject encoded
 * for Vietnamese, dots doubled at the start of a line, CRLF), a recipient
 * refused, a server that never answers, one that is not there, and
 * addresses and headers that would add headers of their own.
 */
#include "mail/smtp.h"
#include "smtp_sink.h"
#include "test.h"

static void server_of(const struct smtp_sink *k, struct smtp_server *s)
{
    char text[64];

    snprintf(text, sizeof(text), "127.0.0.1:%u", k->port);
    CHECK_EQ_INT(smtp_server_parse(text, s), 0);
    s->timeout_ms = 2000;
}

static void test_parse(void)
{
    struct smtp_server s;

    CHECK_EQ_INT(smtp_server_parse("relay.example.org:2525", &s), 0);
    CHECK_EQ_STR(s.host, "relay.example.org");
    CHECK_EQ_STR(s.port, "2525");
    CHECK_EQ_INT(smtp_server_parse("relay", &s), 0);
    CHECK_EQ_STR(s.port, "25");
    CHECK_EQ_INT(smtp_server_parse("[::1]:587", &s), 0);
    CHECK_EQ_STR(s.host, "::1");
    CHECK_EQ_STR(s.port, "587");
    CHECK_EQ_INT(smtp_server_parse("relay:25x", &s), -1);
    CHECK_EQ_INT(smtp_server_parse(":25", &s), -1);
    CHECK_EQ_INT(smtp_server_parse("", &s), -1);
    CHECK_EQ_INT(smtp_server_parse("[::1", &s), -1);

    CHECK(smtp_address_ok("lan@so-xay-dung.tayninh.gov.vn"));
    CHECK(!smtp_address_ok("lan"));
    CHECK(!smtp_address_ok("@example.org"));
    CHECK(!smtp_address_ok("lan@"));
    CHECK(!smtp_address_ok("lan@a@b"));
    CHECK(!smtp_address_ok("lan@example.org>\r\nRCPT TO:<x@y"));
    CHECK(!smtp_address_ok("lan @example.org"));
    CHECK(!smtp_address_ok(NULL));
}

static void test_delivery(void)
{
    struct smtp_sink k = {0};
    struct smtp_server s;
    struct smtp_message m = {"khu@tayninh.example", "lan@tayninh.example",
                             "[khu] Quá hạn: ý kiến của Sở Xây dựng",
                             "Dòng một\n.một dòng bắt đầu bằng dấu chấm\n\nhết\n"};
    char err[300];

    CHECK_EQ_INT(sink_start(&k), 0);
    server_of(&k, &s);
    CHECK_EQ_INT(smtp_send(&s, &m, err, sizeof(err)), 0);
    CHECK_EQ_STR(err, "");
    sink_stop(&k);
    CHECK_EQ_INT(k.nmails, 1);
    if (k.nmails != 1) {
        sink_free(&k);
        return;
    }
    CHECK_EQ_STR(k.mail[0].from, "<khu@tayninh.example>");
    CHECK_EQ_STR(k.mail[0].to, "<lan@tayninh.example>");
    CHECK(strstr(k.mail[0].data, "From: khu@tayninh.example\r\n") != NULL);
    CHECK(strstr(k.mail[0].data, "To: lan@tayninh.example\r\n") != NULL);
    /* "[khu] Quá hạn: ý kiến của Sở Xây dựng" in base64 of UTF-8, in words of at most
     * 45 bytes that never split a character (ự is 3 bytes: the second word begins with it) */
    CHECK(strstr(k.mail[0].data, "Subject: =?UTF-8?B?W2todV0gUXXDoSBo4bqhbjogw70ga2nhur9uIGPhu6dh"
                                 "IFPhu58gWMOieSBk?=\r\n =?UTF-8?B?4buxbmc=?=\r\n") != NULL);
    CHECK(strstr(k.mail[0].data, "Content-Type: text/plain; charset=UTF-8\r\n") != NULL);
    /* the body: CRLF, and the dot doubled so that the line is not the end */
    CHECK(strstr(k.mail[0].data,
                 "\r\n\r\nDòng một\r\n..một dòng bắt đầu bằng dấu chấm\r\n\r\nhết\r\n") != NULL);
    sink_free(&k);
}

static void test_refusals(void)
{
    struct smtp_sink k = {0};
    struct smtp_server s;
    struct smtp_message m = {"khu@tayninh.example", "nobody@tayninh.example", "x", "y"};
    char err[300];

    k.refuse_rcpt = 1;
    CHECK_EQ_INT(sink_start(&k), 0);
    server_of(&k, &s);
    CHECK_EQ_INT(smtp_send(&s, &m, err, sizeof(err)), -1);
    CHECK_EQ_STR(err, "the server refused the recipient: 550 5.1.1 no such user here");
    sink_stop(&k);
    CHECK_EQ_INT(k.nmails, 0);

    /* a server that says nothing: the time limit ends the wait */
    memset(&k, 0, sizeof(k));
    k.silent = 1;
    CHECK_EQ_INT(sink_start(&k), 0);
    server_of(&k, &s);
    s.timeout_ms = 200;
    CHECK_EQ_INT(smtp_send(&s, &m, err, sizeof(err)), -1);
    CHECK_EQ_STR(err, "the greeting: the server did not answer in time");
    sink_stop(&k);

    /* nothing listening */
    CHECK_EQ_INT(smtp_server_parse("127.0.0.1:1", &s), 0);
    CHECK_EQ_INT(smtp_send(&s, &m, err, sizeof(err)), -1);
    CHECK(strstr(err, "cannot be reached") != NULL);

    /* what would add a header or a command of its own */
    m.to = "x@y.example>\r\nRCPT TO:<z@w.example";
    CHECK_EQ_INT(smtp_send(&s, &m, err, sizeof(err)), -1);
    CHECK(strstr(err, "not an e-mail address") != NULL);
    m.to = "lan@tayninh.example";
    m.subject = "x\r\nBcc: z@w.example";
    CHECK_EQ_INT(smtp_send(&s, &m, err, sizeof(err)), -1);
    CHECK_EQ_STR(err, "the subject holds a line end");
}

int main(void)
{
    test_parse();
    test_delivery();
    test_refusals();
    return test_report("test_smtp");
}
