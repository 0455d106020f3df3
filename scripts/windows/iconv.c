/* See iconv.h. Errors as iconv reports them: EILSEQ (invalid input; *inbuf is left at the start
   of the line that holds it), EINVAL (an incomplete character at the end; *inbuf at it), E2BIG
   (output does not fit; nothing consumed, the caller retries with more room). */
#include "iconv.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

enum { CP_UTF16LE = 1200, CP_UTF16BE = 1201 };

struct converter {
    UINT from, to;
};

static UINT code_page_of(const char* name) {
    if (_stricmp(name, "UTF-8") == 0 || _stricmp(name, "UTF8") == 0) return CP_UTF8;
    if (_stricmp(name, "UTF-16LE") == 0) return CP_UTF16LE;
    if (_stricmp(name, "UTF-16BE") == 0) return CP_UTF16BE;
    if (_stricmp(name, "GB18030") == 0) return 54936;
    if (_stricmp(name, "GBK") == 0 || _stricmp(name, "GB2312") == 0) return 936;
    if (_stricmp(name, "ASCII") == 0 || _stricmp(name, "US-ASCII") == 0) return 20127;
    if (_stricmp(name, "MacRoman") == 0 || _stricmp(name, "MACINTOSH") == 0) return 10000;
    if (_strnicmp(name, "CP", 2) == 0 && name[2] >= '0' && name[2] <= '9') return (UINT)atoi(name + 2);
    return 0;
}

static int usable(UINT cp) { return cp == CP_UTF16LE || cp == CP_UTF16BE || (cp != 0 && IsValidCodePage(cp)); }

/* GB18030 is code page 54936 on every Windows since XP, but wine (8.0) does not have it: there its
   one- and two-byte part, which is GBK (code page 936) and holds every character of a GBK file as
   Excel writes it on a Chinese Windows, is used; a four-byte sequence is then reported invalid. */
static UINT available(UINT cp) { return cp == 54936 && !IsValidCodePage(54936) ? 936 : cp; }

iconv_t iconv_open(const char* tocode, const char* fromcode) {
    struct converter c = {available(code_page_of(fromcode)), available(code_page_of(tocode))};
    if (!usable(c.from) || !usable(c.to)) {
        errno = EINVAL;
        return (iconv_t)-1;
    }
    struct converter* p = (struct converter*)malloc(sizeof c);
    if (!p) {
        errno = ENOMEM;
        return (iconv_t)-1;
    }
    *p = c;
    return (iconv_t)p;
}

/* Decodes n bytes into UTF-16 (wide may be NULL to count); -1 when the bytes are not valid. */
static int decode(UINT cp, const char* s, int n, wchar_t* wide, int room) {
    if (n == 0) return 0;
    if (cp == CP_UTF16LE || cp == CP_UTF16BE) {
        if (n % 2) return -1;
        if (wide) {
            for (int i = 0; i < n / 2; ++i) {
                unsigned char a = (unsigned char)s[2 * i], b = (unsigned char)s[2 * i + 1];
                wide[i] = (wchar_t)(cp == CP_UTF16LE ? (a | b << 8) : (b | a << 8));
            }
        }
        return n / 2;
    }
    int r = MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, s, n, wide, room);
    if (r == 0 && GetLastError() == ERROR_INVALID_FLAGS) r = MultiByteToWideChar(cp, 0, s, n, wide, room);
    return r == 0 ? -1 : r;
}

/* Encodes UTF-16 into the target (out may be NULL to count); -1 when a character has no form. */
static int encode(UINT cp, const wchar_t* w, int n, char* out, int room) {
    if (n == 0) return 0;
    if (cp == CP_UTF16LE || cp == CP_UTF16BE) {
        if (out) {
            for (int i = 0; i < n; ++i) {
                unsigned v = (unsigned)w[i];
                out[2 * i] = (char)(cp == CP_UTF16LE ? v & 0xFF : v >> 8);
                out[2 * i + 1] = (char)(cp == CP_UTF16LE ? v >> 8 : v & 0xFF);
            }
        }
        return 2 * n;
    }
    if (cp == CP_UTF8 || cp == 54936) {
        int r = WideCharToMultiByte(cp, WC_ERR_INVALID_CHARS, w, n, out, room, NULL, NULL);
        return r == 0 ? -1 : r;
    }
    BOOL lossy = FALSE;
    int r = WideCharToMultiByte(cp, 0, w, n, out, room, NULL, &lossy);
    return r == 0 || lossy ? -1 : r;
}

/* Where valid input ends: sets *bad to the start of the line holding the first invalid byte and
   returns EINVAL when only the last 1-3 bytes (an incomplete character) are wrong, else EILSEQ. */
static int locate_error(UINT cp, const char* s, size_t n, size_t* bad) {
    size_t line = 0;
    while (line < n) {
        const char* nl = memchr(s + line, '\n', n - line);
        size_t end = nl ? (size_t)(nl - s) + 1 : n;
        if (cp == CP_UTF16LE || cp == CP_UTF16BE) end = n;  /* '\n' bytes occur inside UTF-16 */
        if (decode(cp, s + line, (int)(end - line), NULL, 0) < 0) {
            if (end == n) {
                for (size_t cut = 1; cut <= 3 && cut < end - line; ++cut) {
                    if (decode(cp, s + line, (int)(end - line - cut), NULL, 0) >= 0) {
                        *bad = n - cut;
                        return EINVAL;
                    }
                }
            }
            *bad = line;
            return EILSEQ;
        }
        line = end;
    }
    *bad = n;
    return EILSEQ;
}

size_t iconv(iconv_t cd, char** inbuf, size_t* inbytesleft, char** outbuf, size_t* outbytesleft) {
    if (!inbuf || !*inbuf) return 0; /* reset: these encodings keep no shift state */
    const struct converter* c = (const struct converter*)cd;
    const char* in = *inbuf;
    const size_t n = *inbytesleft;
    if (n > INT32_MAX / 2) {
        errno = E2BIG;
        return (size_t)-1;
    }
    int wide_len = decode(c->from, in, (int)n, NULL, 0);
    if (wide_len < 0) {
        size_t bad = 0;
        int e = locate_error(c->from, in, n, &bad);
        *inbuf += bad;
        *inbytesleft -= bad;
        errno = e;
        return (size_t)-1;
    }
    wchar_t* wide = (wchar_t*)malloc(sizeof(wchar_t) * (size_t)(wide_len + 1));
    if (!wide) {
        errno = ENOMEM;
        return (size_t)-1;
    }
    decode(c->from, in, (int)n, wide, wide_len);
    int out_len = encode(c->to, wide, wide_len, NULL, 0);
    if (out_len < 0) {
        free(wide);
        errno = EILSEQ;
        return (size_t)-1;
    }
    if ((size_t)out_len > *outbytesleft) {
        free(wide);
        errno = E2BIG;
        return (size_t)-1;
    }
    encode(c->to, wide, wide_len, *outbuf, out_len);
    free(wide);
    *inbuf += n;
    *inbytesleft = 0;
    *outbuf += out_len;
    *outbytesleft -= (size_t)out_len;
    return 0;
}

int iconv_close(iconv_t cd) {
    free(cd);
    return 0;
}
