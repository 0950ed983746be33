//go:build ucrtshim

package main

// Links the seekpos shim into cross-built Windows releases (release/build.sh).
import _ "github.com/avgaudit/avgaudit/release/ucrtshim"
