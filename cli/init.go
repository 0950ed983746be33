package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/app"
	"github.com/avgaudit/avgaudit/profiles"
)

// initOptions are the init command's flags.
type initOptions struct {
	shared
	Out   string
	Force bool
}

func (o *initOptions) AddFlags(fs *pflag.FlagSet) {
	fs.StringVarP(&o.Out, "out", "o", "", "write the manifest to `FILE` (default: SOURCE_DIR/manifest.yaml; file paths\nin it are relative to SOURCE_DIR)")
	fs.BoolVarP(&o.Force, "force", "f", false, "overwrite an existing manifest")
	o.addPasswordFile(fs, "open password-protected workbooks with the password in `FILE` (never printed)")
}

const initHelp = `Usage: avgaudit init SOURCE_DIR [flags]

Inspects every .csv, .tsv, .txt and .xlsx file in SOURCE_DIR and its subfolders (each
sheet of a workbook), recognises from its header row which canonical table it holds,
and writes a manifest that lists each export with its table and column mapping.
Headers are recognised in Dutch and English ("Geb. datum", "Geboortedatum", "Date
of birth"), whatever their case, accents or punctuation; titles and blank rows above
the header are skipped. What could not be placed is listed with the reason, on the
terminal and at the end of the manifest.

Review the manifest before the audit: the comment above each file says what it was
recognised as and which of its columns are not loaded. Fill in the organisation and
any product marked "onbekend" (the processor register should list it under that name).
A reference date the exports give above their header ("Peildatum: 01-09-2026") is
written as as_of, the date retention and deadlines are measured from.
'avgaudit audit SOURCE_DIR' without a manifest does the same recognition in memory.

Flags:
%s
Examples:
  avgaudit init ./exports
  avgaudit init ./exports --out concept-manifest.yaml
  avgaudit audit ./exports --as-of 2026-09-01

EXIT STATUS
  0  the manifest was written (also when some files could not be placed)
  1  no export could be placed, or a file could not be read or written
  2  the command line is wrong, or the manifest exists and --force was not given
`

func (e *env) runInit(args []string) error {
	var o initOptions
	flags := pflag.NewFlagSet("init", pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	o.AddFlags(flags)
	flags.SortFlags = false
	if err := flags.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			fmt.Fprintf(e.stdout, initHelp, flagUsages(flags))
			return err
		}
		return usagef("%v (see avgaudit init --help)", err)
	}
	if flags.NArg() != 1 {
		return usagef("init takes one SOURCE_DIR, the folder with the exports (see avgaudit init --help)")
	}
	dir := flags.Arg(0)
	p, out, err := app.Recognise(dir, o.Out, o.Force, o.PasswordFile)
	if err != nil {
		return err
	}
	e.printPlaced(p)
	e.printUnplaced(e.stdout, p)
	if s := p.AsOfSummary(); s != "" {
		fmt.Fprintln(e.stdout, s)
	}
	if err := app.WriteManifest(p, dir, out); err != nil {
		return err
	}
	next := "review it"
	if final := filepath.Join(dir, app.ManifestFileName); filepath.Clean(out) != final {
		next += " and save it as " + final
	}
	fmt.Fprintf(e.stdout, "\nmanifest written to %s: %s, then run avgaudit audit %s\n", out, next, dir)
	return nil
}

func (e *env) printPlaced(p *profiles.Proposal) {
	fmt.Fprintf(e.stdout, "%d export(s) recognised:\n", len(p.Placed))
	for _, pl := range p.Placed {
		fmt.Fprintf(e.stdout, "  %-45s -> %-22s %s matched\n", pl.Label(), pl.Result.Table, pl.Result.Score())
		for _, n := range pl.Notes {
			fmt.Fprintf(e.stdout, "      check: %s\n", n)
		}
	}
}

// printUnplaced lists the exports that could not be placed, and why.
func (e *env) printUnplaced(w io.Writer, p *profiles.Proposal) {
	if len(p.Unplaced) == 0 {
		return
	}
	fmt.Fprintf(w, "could not place %d export(s):\n", len(p.Unplaced))
	for _, u := range p.Unplaced {
		fmt.Fprintf(w, "  %s: %s\n", u.Label(), strings.ReplaceAll(u.Reason, "\n", "\n    "))
	}
}

// noticeRecognised tells, on stderr, that an audit runs without a manifest.
func (e *env) noticeRecognised(p *profiles.Proposal) {
	fmt.Fprintf(e.stderr, "no %s: recognised the exports automatically (run avgaudit init to review)\n", app.ManifestFileName)
	e.printUnplaced(e.stderr, p)
	if s := p.AsOfSummary(); s != "" {
		fmt.Fprintln(e.stderr, s)
	}
}
