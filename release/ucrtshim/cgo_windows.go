//go:build ucrtshim

package ucrtshim

// #cgo CXXFLAGS: -O2
import "C"
