/* libcharset's one function, for FreeXL on Windows (see iconv.h). */
#ifndef IL_WIN_LOCALCHARSET_H
#define IL_WIN_LOCALCHARSET_H
#ifdef __cplusplus
extern "C" {
#endif
const char* locale_charset(void);
#ifdef __cplusplus
}
#endif
#endif
