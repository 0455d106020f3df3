#pragma once
// A streaming (SAX) XML reader over expat for the parts of an .xlsx: element names arrive without
// their namespace prefix, nesting deeper than a limit stops the parse, and DTDs are refused (no
// part of an Office file has one, and entity tricks need one).
#include <exception>
#include <string>
#include <string_view>

struct XML_ParserStruct;

namespace il::import::detail {

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    // `attrs` is expat's NULL-terminated name/value array (names may carry a prefix: use attr()).
    virtual void start(std::string_view name, const char** attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(const char* data, std::size_t len) = 0;

    // Set by a handler to stop parsing with this message (the caller reports it).
    std::string error;
};

// The value of attribute `local_name` (prefix ignored), or nullptr.
const char* attr(const char** attrs, std::string_view local_name);
// The element or attribute name without its prefix ("x:row" -> "row").
std::string_view local_name(const char* name);

class XmlStream {
public:
    XmlStream(XmlHandler& handler, int max_depth);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // Feeds a chunk. Returns false after an error; error() says what. An exception a handler
    // threw is rethrown here (never through expat's C frames).
    bool feed(const char* data, std::size_t len, bool final);
    const std::string& error() const { return error_; }

private:
    static void on_start(void* self, const char* name, const char** attrs);
    static void on_end(void* self, const char* name);
    static void on_text(void* self, const char* data, int len);
    static void on_doctype(void* self, const char*, const char*, const char*, int);
    void stop(std::string message);

    XML_ParserStruct* parser_;
    XmlHandler& handler_;
    int max_depth_;
    int depth_ = 0;
    std::string error_;
    std::exception_ptr pending_;
};

}  // namespace il::import::detail
