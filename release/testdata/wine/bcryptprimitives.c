// A stand-in for Windows' bcryptprimitives.dll, for Wine only. Go (since 1.24)
// draws its random numbers from ProcessPrng in bcryptprimitives.dll, which
// every Windows that Go supports (10 and later) has, but Debian 12's Wine 8
// does not. The Wine smoke test (release/wine_test.go) puts this DLL in the
// Wine prefix's system32; it is never shipped. ProcessPrng fills the buffer
// from RtlGenRandom (advapi32's SystemFunction036), Windows' own CSPRNG.
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, n)) {
			return FALSE;
		}
		data += n;
		size -= n;
	}
	return TRUE;
}
