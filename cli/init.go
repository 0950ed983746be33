package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/app"
	"github.com/avgaudit/avgaudit/profiles"
	"github.com/avgaudit/avgaudit/vocab"
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
	o.addLang(fs, "language of the terminal messages: nl or en")
}

const initHelp = `Usage: avgaudit init SOURCE_DIR [flags]

Inspects every .csv, .tsv, .txt and .xlsx file in SOURCE_DIR and its subfolders (each
sheet of a workbook), recognises from its header row and the values under it which
canonical table it holds, and writes a manifest that lists each export with its table
and column mapping. A header is recognised by its words, in Dutch or English, in any
order and spelling ("Datum einde opvang" = "Einddatum opvang" = "LeavingDate"); the
values confirm it or decide (yes/no answers, a checkbox of x and blanks, dates, BSNs,
consent questions, the keys of another export). Titles and blank rows above the header
are skipped. A file that lacks a required column gets a draft entry with the headers
most likely to be it; what could not be placed is listed with the reason, on the
terminal and at the end of the manifest.

Review the manifest before the audit: the comment above each file says what it was
recognised as and which of its columns are not loaded, the comment after each mapping
why it was made; check the lines marked REVIEW. Fill in the organisation and
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
			e.fprintf(e.stdout, e.tr(text{initHelpNL, initHelp}), e.flagUsages("init", flags))
			return err
		}
		return e.flagError("init", flags, err)
	}
	if flags.NArg() != 1 {
		return app.Usage2f("init takes one SOURCE_DIR, the folder with the exports (see avgaudit init --help)", "init heeft één BRONMAP nodig, de map met de exports (zie avgaudit init --help)")
	}
	if err := checkLang(o.Lang); err != nil {
		return err
	}
	e.lang = o.Lang
	dir := flags.Arg(0)
	p, out, err := app.Recognise(dir, o.Out, o.Force, o.PasswordFile)
	if err != nil {
		return err
	}
	e.printPlaced(p)
	e.printUnplaced(e.stdout, p)
	if s := p.AsOfSummary().In(e.lang); s != "" {
		fmt.Fprintln(e.stdout, s)
	}
	if err := app.WriteManifest(p, dir, out, e.lang); err != nil {
		return err
	}
	next := e.tr(msgInitReview)
	if final := filepath.Join(dir, app.ManifestFileName); filepath.Clean(out) != final {
		next += e.tr(msgInitSaveAs) + final
	}
	e.fprintf(e.stdout, e.tr(msgInitWritten), out, next, dir)
	return nil
}

// printPlaced lists the exports placed, in aligned columns, with what to
// check about each.
func (e *env) printPlaced(p *profiles.Proposal) {
	e.fprintf(e.stdout, e.tr(msgInitPlaced), vocab.Count(len(p.Placed)))
	labelW, tableW := 0, 0
	for _, pl := range p.Placed {
		labelW = max(labelW, utf8.RuneCountInString(pl.Label()))
		tableW = max(tableW, len(pl.Result.Table))
	}
	for _, pl := range p.Placed {
		e.fprintf(e.stdout, "  %s -> %-*s "+e.tr(msgInitMatched)+"\n", pad(pl.Label(), labelW), tableW, pl.Result.Table, vocab.Count(pl.Result.Matched), vocab.Count(pl.Result.Total))
		for _, n := range pl.Notes {
			e.fprintf(e.stdout, e.tr(msgInitCheck), n.In(e.lang))
		}
	}
}

// printUnplaced lists the exports that could not be placed, and why.
func (e *env) printUnplaced(w io.Writer, p *profiles.Proposal) {
	if len(p.Unplaced) == 0 {
		return
	}
	e.fprintf(w, e.tr(msgInitUnplaced), vocab.Count(len(p.Unplaced)))
	for _, u := range p.Unplaced {
		fmt.Fprintf(w, "  %s: %s\n", u.Label(), strings.ReplaceAll(u.Reason.In(e.lang), "\n", "\n    "))
	}
}

// noticeRecognised tells, on stderr, that an audit runs without a manifest.
func (e *env) noticeRecognised(p *profiles.Proposal) {
	e.fprintf(e.stderr, e.tr(msgNoManifest), app.ManifestFileName)
	e.printUnplaced(e.stderr, p)
	if s := p.AsOfSummary().In(e.lang); s != "" {
		fmt.Fprintln(e.stderr, s)
	}
}
