/* The process's narrow code page, as iconv names it ("CP936", or "UTF-8" under the programs'
   manifest). Built into libcharset.a by scripts/build-windows.sh. */
#include "localcharset.h"

#include <stdio.h>
#include <windows.h>

const char* locale_charset(void) {
    static char name[16];
    UINT cp = GetACP();
    if (cp == CP_UTF8) return "UTF-8";
    snprintf(name, sizeof name, "CP%u", cp);
    return name;
}
