// Command avgaudit audits how a Dutch childcare organisation handles personal
// data under the AVG (GDPR). See README.md and `avgaudit --help`.
package main

import (
	"os"

	"github.com/avgaudit/avgaudit/cli"
)

func main() {
	if doubleClicked(os.Args[1:], consoleProcesses()) {
		explainAndWait(os.Stdout, os.Stdin)
		return
	}
	cli.Main()
}
