#include "core/import/read/xml_stream.h"

#include <expat.h>

#include <climits>
#include <cstring>
#include <exception>
#include <new>

namespace il::import::detail {

std::string_view local_name(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? std::string_view(colon + 1) : std::string_view(name);
}

const char* attr(const char** attrs, std::string_view wanted) {
    for (const char** a = attrs; a && *a; a += 2)
        if (local_name(a[0]) == wanted) return a[1];
    return nullptr;
}

XmlStream::XmlStream(XmlHandler& handler, int max_depth)
    : parser_(XML_ParserCreate("UTF-8")), handler_(handler), max_depth_(max_depth) {
    if (!parser_) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &XmlStream::on_start, &XmlStream::on_end);
    XML_SetCharacterDataHandler(parser_, &XmlStream::on_text);
    XML_SetStartDoctypeDeclHandler(parser_, &XmlStream::on_doctype);
}

XmlStream::~XmlStream() { XML_ParserFree(parser_); }

void XmlStream::stop(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    XML_StopParser(parser_, XML_FALSE);
}

void XmlStream::on_start(void* self, const char* name, const char** attrs) {
    auto* s = static_cast<XmlStream*>(self);
    if (!s->error_.empty()) return;
    if (++s->depth_ > s->max_depth_) {
        s->stop("XML 嵌套层数超过 " + std::to_string(s->max_depth_) + " 层（文件可能是恶意构造的）");
        return;
    }
    try {
        s->handler_.start(local_name(name), attrs);
    } catch (...) {
        s->pending_ = std::current_exception();
        s->stop("exception");
        return;
    }
    if (!s->handler_.error.empty()) s->stop(s->handler_.error);
}

void XmlStream::on_end(void* self, const char* name) {
    auto* s = static_cast<XmlStream*>(self);
    if (!s->error_.empty()) return;
    --s->depth_;
    try {
        s->handler_.end(local_name(name));
    } catch (...) {
        s->pending_ = std::current_exception();
        s->stop("exception");
        return;
    }
    if (!s->handler_.error.empty()) s->stop(s->handler_.error);
}

void XmlStream::on_text(void* self, const char* data, int len) {
    auto* s = static_cast<XmlStream*>(self);
    if (!s->error_.empty()) return;
    try {
        s->handler_.text(data, static_cast<std::size_t>(len));
    } catch (...) {
        s->pending_ = std::current_exception();
        s->stop("exception");
        return;
    }
    if (!s->handler_.error.empty()) s->stop(s->handler_.error);
}

void XmlStream::on_doctype(void* self, const char*, const char*, const char*, int) {
    static_cast<XmlStream*>(self)->stop("XML 中含有 DTD 声明（Office 文件不应有），已拒绝读取");
}

bool XmlStream::feed(const char* data, std::size_t len, bool final) {
    if (!error_.empty()) return false;
    while (len > 0 || final) {
        int chunk = static_cast<int>(std::min<std::size_t>(len, INT_MAX / 2));
        bool last = final && static_cast<std::size_t>(chunk) == len;
        if (XML_Parse(parser_, data, chunk, last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
            if (pending_) std::rethrow_exception(pending_);
            if (error_.empty())
                error_ = std::string("XML 格式错误（第 ") + std::to_string(XML_GetCurrentLineNumber(parser_)) +
                         " 行：" + XML_ErrorString(XML_GetErrorCode(parser_)) + "）";
            return false;
        }
        data += chunk;
        len -= static_cast<std::size_t>(chunk);
        if (last) break;
    }
    return true;
}

}  // namespace il::import::detail
