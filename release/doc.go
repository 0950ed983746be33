// Package release holds what builds and checks avgaudit's downloadable
// archives: build.sh writes them, the tests here check them as a user gets
// them (checksums, contents, the Linux binary without Go, the Windows
// binary under Wine), and ucrtshim lets Debian's mingw-w64 link the Windows
// one.
package release
