// Package cli is avgaudit's command line: it parses arguments, runs the
// commands of package app, prints their outcome and turns errors into
// messages and exit codes. Only this package talks to the user; it holds
// no application logic (a new command goes in app, its flags and printing
// here).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/app"
	"github.com/avgaudit/avgaudit/buildinfo"
	"github.com/avgaudit/avgaudit/vocab"
)

// Exit codes.
const (
	ExitOK       = 0 // the audit ran (findings or not, unless --fail-on-findings)
	ExitError    = 1 // the audit could not be completed: bad input, unreadable files, ...
	ExitUsage    = 2 // the command line was wrong
	ExitFindings = 3 // with --fail-on-findings: checks found issues
)

// env is what a command needs from the outside world.
type env struct {
	stdout, stderr io.Writer
	now            func() time.Time
	lang           string // of terminal messages: "nl" (default) or "en"
}

// Main is the avgaudit command: it runs Run with the process's arguments,
// an interrupt (Ctrl-C) or SIGTERM cancelling the run, and exits with its
// exit code.
func Main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Run runs avgaudit with args (without the program name) and returns the exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, now: time.Now}
	return e.exit(e.dispatch(ctx, args))
}

func (e *env) dispatch(ctx context.Context, args []string) error {
	e.lang = argsLang(args) // for help texts and usage errors; each command checks --lang
	if len(args) == 0 {
		fmt.Fprint(e.stdout, e.tr(text{mainHelpNL, mainHelp}))
		return nil
	}
	switch args[0] {
	case "-h", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return e.dispatch(ctx, append([]string{args[1], "--help"}, args[2:]...))
		}
		fmt.Fprint(e.stdout, e.tr(text{mainHelpNL, mainHelp}))
		return nil
	case "--version", "version":
		fmt.Fprint(e.stdout, buildinfo.Get(auditVersion).In(e.lang))
		return nil
	case "audit":
		return e.runAudit(ctx, args[1:])
	case "init":
		return e.runInit(args[1:])
	case "checks":
		return e.runChecks(args[1:])
	case "sample":
		return e.runSample(ctx, args[1:])
	}
	var meant vocab.Text
	if c := app.Closest(args[0], []string{"audit", "init", "checks", "sample", "version"}); c != "" {
		meant = vocab.Textf(msgMeantCommand.NL, msgMeantCommand.EN, c)
	}
	return usage(msgUnknownCommand, args[0], meant)
}

func (e *env) exit(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, pflag.ErrHelp):
		return ExitOK
	case errors.Is(err, app.ErrFindings):
		return ExitFindings
	case errors.Is(err, app.ErrUsage):
		e.fprintf(e.stderr, "avgaudit: %s\n", e.message(err))
		return ExitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(e.stderr, "avgaudit: "+e.tr(msgInterrupted))
		return ExitError
	}
	// Input errors may quote a value from the exports: never a BSN in full.
	msg := app.MaskBSNs(e.message(err))
	e.fprintf(e.stderr, "avgaudit: %s\n", strings.ReplaceAll(msg, "\n", "\n  "))
	return ExitError
}

// message is err's text in the terminal's language (see vocab.Message).
func (e *env) message(err error) string { return vocab.Message(err, e.lang) }

const mainHelp = `avgaudit audits how a childcare organisation (kinderopvang, BSO, peuteropvang)
handles personal data under the AVG (GDPR). It loads the CSV and Excel exports of
the childcare administration, the parent portal, the child-tracking system and the
privacy registers into DuckDB, runs SQL checks that turn the privacy statement into
facts, and writes Excel, HTML and JSON reports.

Usage:
  avgaudit audit [SOURCE_DIR] [flags]   run an audit (no SOURCE_DIR: the built-in sample organisation)
  avgaudit init SOURCE_DIR [flags]      recognise the exports in a folder and write its manifest
  avgaudit checks [show ID]             list the checks, or explain one (--checks DIR: with your own)
  avgaudit sample [SOURCE_DIR] [flags]  draw a random sample as an Excel checklist for the FG's spot check
  avgaudit version                      print the version, commit and build date

Examples:
  avgaudit audit                                      # demo on the sample organisation
  avgaudit init ./exports                             # write ./exports/manifest.yaml to review
  avgaudit audit ./exports --as-of 2026-09-01 --out ./rapport
  avgaudit audit ./exports --db audit.duckdb          # keep the database to query later
  avgaudit checks show retention_portal
  avgaudit sample --check photo_without_consent --size 10 --seed 42

Run 'avgaudit audit --help' for the audit's flags, the source directory and exit codes.
`

// argsLang is the language args ask for with --lang: "en" or, by default, "nl".
func argsLang(args []string) string {
	for i, a := range args {
		if a == "--lang=en" || a == "--lang" && i+1 < len(args) && args[i+1] == "en" {
			return "en"
		}
	}
	return "nl"
}

// flagUsages lists a flag set for help texts: pflag's own listing writes
// boolean flags as "--strict[=true|false]", which confuses more than it helps.
// In Dutch (the default) the usages of flagUsageNL replace pflag's.
func (e *env) flagUsages(cmd string, fs *pflag.FlagSet) string {
	type line struct{ name, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := "    "
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", "
		}
		name += "--" + f.Name
		varname, usage := pflag.UnquoteUsage(f)
		if nl, ok := flagUsageNL[cmd+"."+f.Name]; ok && e.lang != "en" {
			varname, usage = pflag.UnquoteUsage(&pflag.Flag{Usage: nl, Value: f.Value})
		}
		if f.Value.Type() != "bool" && varname != "" {
			name += " " + varname
		}
		if def := strings.TrimSuffix(strings.TrimPrefix(f.DefValue, "["), "]"); f.Value.Type() != "bool" && def != "" {
			usage += fmt.Sprintf(e.tr(msgDefault), def) // a list's default without pflag's brackets
		}
		width = max(width, len(name))
		lines = append(lines, line{name, usage})
	})
	var b strings.Builder
	for _, l := range lines {
		indent := "\n" + strings.Repeat(" ", width+6)
		fmt.Fprintf(&b, "  %-*s    %s\n", width, l.name, strings.ReplaceAll(l.usage, "\n", indent))
	}
	return b.String()
}
