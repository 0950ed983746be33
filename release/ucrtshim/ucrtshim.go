// Package ucrtshim lets Debian's mingw-w64 (MSVCRT) toolchain link the
// windows-amd64 DuckDB libraries, which were built for the UCRT runtime: see
// seekpos_windows.cpp. It has code only on Windows with the build tag
// ucrtshim, which release/build.sh sets; a native UCRT toolchain needs none.
package ucrtshim
