// Command avgaudit audits how a Dutch childcare organisation handles personal
// data under the AVG (GDPR). See README.md and `avgaudit --help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/avgaudit/avgaudit/cli"
)

func main() {
	if doubleClicked(os.Args[1:], consoleProcesses()) {
		explainAndWait(os.Stdout, os.Stdin)
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
