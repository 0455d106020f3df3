/* A small iconv for the Windows build (Windows has none, and Debian ships none for mingw):
   conversions between UTF-8, UTF-16LE/BE, GB18030/GBK and the Windows code pages FreeXL and the
   CSV import name (CPnnn, ASCII, MacRoman), on the Win32 code-page API. Each call converts the
   whole input (that is how FreeXL and core/import/read/text_encoding.cpp call it). Built into
   libiconv.a by scripts/build-windows.sh. */
#ifndef IL_WIN_ICONV_H
#define IL_WIN_ICONV_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef void* iconv_t;
iconv_t iconv_open(const char* tocode, const char* fromcode);
size_t iconv(iconv_t cd, char** inbuf, size_t* inbytesleft, char** outbuf, size_t* outbytesleft);
int iconv_close(iconv_t cd);
#ifdef __cplusplus
}
#endif
#endif
