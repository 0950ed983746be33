package main

import (
	"syscall"
	"unsafe"
)

// consoleProcesses returns how many processes are attached to this process's
// console (GetConsoleProcessList), or 0 when that cannot be told.
func consoleProcesses() int {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return 0
	}
	var ids [4]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return int(n)
}
