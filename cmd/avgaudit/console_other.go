//go:build !windows

package main

// consoleProcesses is 0 outside Windows: a terminal always starts the program,
// so there is no double-click to detect.
func consoleProcesses() int { return 0 }
