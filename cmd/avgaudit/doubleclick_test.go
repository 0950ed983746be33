package main

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

func TestDoubleClicked(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		processes int
		want      bool
	}{
		{"double-clicked: alone in a new console", nil, 1, true},
		{"from cmd.exe or PowerShell: the console is shared", nil, 2, false},
		{"from a terminal with a command", []string{"audit"}, 2, false},
		{"with arguments, even alone (a shortcut with arguments)", []string{"audit"}, 1, false},
		{"not on Windows, or the count is unknown", nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := doubleClicked(tt.args, tt.processes); got != tt.want {
				t.Errorf("doubleClicked(%q, %d) = %v, want %v", tt.args, tt.processes, got, tt.want)
			}
		})
	}
}

func TestExplainAndWait(t *testing.T) {
	for _, in := range []string{"\r\n", "", "meer tekst\r\nnog meer\r\n"} {
		var out bytes.Buffer
		explainAndWait(&out, strings.NewReader(in)) // returns on Enter or end of input
		for i, line := range strings.Split(out.String(), "\n") {
			if n := len([]rune(line)); n > 79 {
				t.Errorf("line %d has %d characters; a console window is 80 wide:\n%s", i+1, n, line)
			}
		}
		for _, want := range []string{"programma voor de opdrachtregel", `.\avgaudit.exe audit`, "Druk op Enter om dit venster te sluiten."} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("input %q: output lacks %q:\n%s", in, want, out.String())
			}
		}
	}
}

func TestConsoleProcessesOutsideWindows(t *testing.T) {
	// On Linux and macOS a terminal started the program: never a double-click.
	if n := consoleProcesses(); n != 0 && runtime.GOOS != "windows" {
		t.Errorf("consoleProcesses() = %d outside Windows", n)
	}
}
