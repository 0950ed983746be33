//go:build ucrtshim

// The prebuilt DuckDB libraries for windows-amd64 are compiled against the
// UCRT C runtime, where mbstate_t is the struct _Mbstatet; Debian's mingw-w64
// libstdc++ is compiled against MSVCRT, where mbstate_t is an int. The one
// libstdc++ symbol DuckDB needs whose name contains mbstate_t is the default
// std::streambuf::seekpos, referenced by the vtable of its HTTP client's
// stream buffer. Instantiating it here with the UCRT mbstate_t gives the
// linker that symbol; it is the same one-line default (return -1: seeking is
// not supported) as libstdc++'s own. It is a COMDAT, so a libstdc++ built for
// UCRT, which defines it too, would not clash.
#define __LARGE_MBSTATE_T 1
#include <streambuf>

template std::streampos std::basic_streambuf<char>::seekpos(std::streampos, std::ios_base::openmode);
