/*
 * Test-only stand-in for Windows' bcryptprimitives.dll, for running our test binaries under
 * Debian's Wine 8.0. Rust's std (>= 1.78) takes its randomness from ProcessPrng in that DLL,
 * which this Wine does not have, so every Rust .exe fails to start. Real Windows 10/11 ship the
 * DLL; this file is built into the Wine prefix by scripts/windows/setup.sh and is never shipped.
 *
 * ProcessPrng is forwarded to RtlGenRandom (exported by advapi32 as SystemFunction036), which
 * Wine implements. RtlGenRandom takes a ULONG length, so large requests are split.
 */
#include <windows.h>

typedef BOOLEAN(WINAPI *rtl_gen_random_fn)(PVOID, ULONG);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    static rtl_gen_random_fn rtl_gen_random;
    if (!rtl_gen_random) {
        HMODULE advapi = LoadLibraryA("advapi32.dll");
        if (!advapi) return FALSE;
        rtl_gen_random = (rtl_gen_random_fn)(void *)GetProcAddress(advapi, "SystemFunction036");
        if (!rtl_gen_random) return FALSE;
    }
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!rtl_gen_random(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
