#include "web/http_request_head.h"

#include <gtest/gtest.h>

#include "domain/error.h"

namespace steward::web {
namespace {

int status_of(const std::string& text) {
  RequestHead head;
  try {
    parse_request_head(text, head);
  } catch (const Error& e) {
    return e.status();
  }
  return 0;
}

TEST(RequestHead, ParsesTheRequestLineAndFields) {
  std::string text = "GET /schools/x?a=1 HTTP/1.1\r\nHost: example\r\nX-Thing:  padded value \t\r\n\r\nNEXT";
  RequestHead head;
  ASSERT_EQ(parse_request_head(text, head), text.size() - 4);
  EXPECT_EQ(head.method, "GET");
  EXPECT_EQ(head.target, "/schools/x?a=1");
  EXPECT_EQ(head.minor_version, 1);
  EXPECT_EQ(head.header("host"), "example");
  EXPECT_EQ(head.header("x-thing"), "padded value");
  EXPECT_TRUE(head.keep_alive());
}

TEST(RequestHead, WaitsForTheBlankLine) {
  RequestHead head;
  EXPECT_EQ(parse_request_head("GET / HTTP/1.1\r\nHost: x\r\n", head), 0u);
  EXPECT_EQ(parse_request_head("", head), 0u);
}

TEST(RequestHead, AcceptsBareLineFeedsAndLeadingBlankLines) {
  RequestHead head;
  std::string text = "\r\n\nGET / HTTP/1.0\nUser-Agent: old\n\n";
  EXPECT_EQ(parse_request_head(text, head), text.size());
  EXPECT_EQ(head.header("user-agent"), "old");
  EXPECT_EQ(head.minor_version, 0);
}

TEST(RequestHead, JoinsRepeatedFields) {
  RequestHead head;
  parse_request_head("GET / HTTP/1.1\r\nHost: x\r\nAccept: a\r\naccept: b\r\nCookie: s=1\r\nCookie: t=2\r\n\r\n", head);
  EXPECT_EQ(head.header("accept"), "a, b");
  EXPECT_EQ(head.header("cookie"), "s=1; t=2");
}

TEST(RequestHead, RefusesWhatIsMalformed) {
  EXPECT_EQ(status_of("GET /\r\nHost: x\r\n\r\n"), 400);
  EXPECT_EQ(status_of("GET  / HTTP/1.1\r\nHost: x\r\n\r\n"), 400);  // empty target between two spaces
  EXPECT_EQ(status_of("G(T / HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
  EXPECT_EQ(status_of("GET / HTTP/1.1\r\n\r\n"), 400);  // no Host
  EXPECT_EQ(status_of("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n"), 400);
  EXPECT_EQ(status_of("GET / HTTP/1.1\r\nHost: x\r\nX Y: 1\r\n\r\n"), 400);
  EXPECT_EQ(status_of("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n"), 400);
  EXPECT_EQ(status_of(std::string("GET / HTTP/1.1\r\nHost: x\r\nX: a\x01z\r\n\r\n")), 400);
  EXPECT_EQ(status_of("GET / HTTP/2.0\r\nHost: x\r\n\r\n"), 505);
  EXPECT_EQ(status_of("GET / FTP/1.1\r\nHost: x\r\n\r\n"), 400);
  EXPECT_EQ(status_of("GET / HTTP/1.0\r\n\r\n"), 0);  // HTTP/1.0 need not send Host
}

TEST(RequestHead, RefusesAHeadLongerThanTheLimit) {
  std::string big = "GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(kMaxRequestHead, 'a');
  EXPECT_EQ(status_of(big), 431);  // still incomplete, already too long
  EXPECT_EQ(status_of(big + "\r\n\r\n"), 431);
}

TEST(RequestHead, KeepAliveFollowsTheVersionAndConnection) {
  RequestHead head;
  parse_request_head("GET / HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive, Close\r\n\r\n", head);
  EXPECT_FALSE(head.keep_alive());
  parse_request_head("GET / HTTP/1.0\r\n\r\n", head);
  EXPECT_FALSE(head.keep_alive());
  parse_request_head("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", head);
  EXPECT_TRUE(head.keep_alive());
}

TEST(RequestHead, BodyFramingIsCheckedWhenAskedFor) {
  RequestHead head;
  parse_request_head("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 42\r\nExpect: 100-Continue\r\n\r\n", head);
  EXPECT_EQ(head.content_length(), 42u);
  EXPECT_FALSE(head.chunked());
  EXPECT_TRUE(head.expects_continue());
  parse_request_head("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", head);
  EXPECT_THROW(head.content_length(), Error);
  parse_request_head("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n", head);
  EXPECT_TRUE(head.chunked());
  EXPECT_EQ(head.content_length(), 0u);
  parse_request_head("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", head);
  try {
    head.chunked();
    ADD_FAILURE() << "gzip accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 501);
  }
}

}  // namespace
}  // namespace steward::web
