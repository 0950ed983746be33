package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/app"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/spotcheck"
	"github.com/avgaudit/avgaudit/vocab"
)

// sampleOptions are the sample command's flags.
type sampleOptions struct {
	shared
	Seed  uint64
	Size  int
	Check string
	Table string
	Out   string
	Force bool
}

// defaultSampleSize is the number of records of a spot check.
const defaultSampleSize = 25

func (o *sampleOptions) AddFlags(fs *pflag.FlagSet) {
	fs.Uint64Var(&o.Seed, "seed", 0, "draw with seed `N`: the same seed on the same exports gives the same sample\n(default: a random seed, printed)")
	fs.Lookup("seed").DefValue = "" // not 0: without --seed the seed is random
	fs.IntVar(&o.Size, "size", defaultSampleSize, "draw `N` records (all of them when the population is smaller)")
	fs.StringVar(&o.Check, "check", "", "sample the findings of the check `ID` (avgaudit checks lists them)")
	fs.StringVar(&o.Table, "table", "", "sample the rows of the canonical table `T` (docs/canonical-model.md)")
	fs.StringVarP(&o.Out, "out", "o", "", "write the checklist to `FILE` (default: steekproef-<check|table>-<seed>.xlsx\nin the current folder)")
	fs.BoolVarP(&o.Force, "force", "f", false, "overwrite an existing checklist")
	o.addAsOf(fs, "reference `DATE` (YYYY-MM-DD) of the audit whose findings are sampled\n(default: the manifest's as_of, else today)")
	o.addLang(fs, "checklist `LANG`: nl (Dutch) or en (English)")
	o.addPasswordFile(fs, "open password-protected workbooks with the password in `FILE` (never printed)")
}

const sampleHelp = `Usage: avgaudit sample [SOURCE_DIR] [--check ID | --table T] [flags]

Draws a reproducible random sample for the FG's (data protection officer's) spot
check and writes it as an Excel checklist. Its first sheet lists the sampled records:
system, table, record key, source file and row, and what the systems say (the
finding and its values, or the row's columns; BSN masked), followed by empty columns
for what the FG finds on paper: "consent form present?" (for consent checks and
tables), "matches the system?" (drop-down lists), a remark, who checked and when.
It prints on A4 landscape with the header on every page. The second sheet records
the seed, the size, the population, the reference date, the input files with their
SHA-256 and the command that draws the same sample again.

The sample is drawn from:
  --check ID    the findings of one check
  --table T     the rows of one canonical table
  neither       the findings of all checks
Without SOURCE_DIR the sample organisation built into avgaudit is used, as by audit.

The population is ordered by source file, row and record key, and a generator
seeded with --seed picks the records without replacement. The same seed on the same
exports with the same options gives the same records in the same order; another seed
gives another sample. Without --seed a random seed is drawn and printed. The records
are listed in the order drawn: checking only the first n is still a random sample.

Flags:
%s
Examples:
  avgaudit sample --check photo_without_consent --size 10
  avgaudit sample ./exports --table portal_consents --seed 20260901
  avgaudit sample ./exports --seed 123456789 --as-of 2026-09-01 --out steekproef.xlsx

EXIT STATUS
  0  the checklist was written
  1  nothing to sample (the check has no findings, the table no rows), or the exports
     could not be read or the checklist not written
  2  the command line is wrong (an unknown check or table, --check with --table), or
     the checklist exists and --force was not given
`

func (e *env) runSample(ctx context.Context, args []string) error {
	var o sampleOptions
	flags := pflag.NewFlagSet("sample", pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	o.AddFlags(flags)
	flags.SortFlags = false
	if err := flags.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			e.fprintf(e.stdout, e.tr(text{sampleHelpNL, sampleHelp}), e.flagUsages("sample", flags))
			return err
		}
		return e.flagError("sample", flags, err)
	}
	if err := checkLang(o.Lang); err != nil {
		e.lang = o.Lang
		return err
	}
	opt := app.SampleOptions{Seed: o.Seed, Size: o.Size, Check: o.Check, Table: o.Table, Force: o.Force, Lang: o.Lang}
	checks, err := app.ValidateSample(opt)
	e.lang = o.Lang // terminal messages in the checklist's language
	if err != nil {
		return err
	}
	src, source, err := e.source("sample", flags.Args(), o.shared, false)
	if err != nil {
		return err
	}
	opt.Source = src
	if !flags.Changed("seed") {
		if o.Seed, err = app.RandomSeed(); err != nil {
			return err
		}
		opt.Seed = o.Seed
	}
	opt.Out = o.Out
	if opt.Out == "" {
		opt.Out = fmt.Sprintf("steekproef-%s-%d.xlsx", cmp.Or(o.Check, o.Table, "bevindingen"), o.Seed)
	}
	opt.Command = func(asOf string) string { return redrawCommand(flags.Args(), o, asOf) }
	opt.Started = func() {
		e.fprintf(e.stdout, e.tr(msgSampling), auditVersion, source)
		e.fprintf(e.stdout, e.tr(msgSeed), o.Seed, o.Seed)
	}
	s, run, err := app.Sample(ctx, opt, checks)
	var srcErr *app.SourceError
	if errors.As(err, &srcErr) {
		return vocab.Wrapf(err, "%s", "%s", source)
	}
	if err != nil {
		return err
	}
	e.warnIncomplete(run, o)
	if err := app.WriteChecklist(opt, s, run); err != nil {
		return err
	}
	e.fprintf(e.stdout, e.tr(msgSampleAsOf), run.AsOf)
	e.printSample(s)
	e.fprintf(e.stdout, e.tr(msgChecklist), opt.Out)
	return nil
}

// warnIncomplete says which input rows and, for a sample of all findings,
// which checks are not in the population.
func (e *env) warnIncomplete(run *results.Run, o sampleOptions) {
	if run.Summary.RowsRejected > 0 {
		e.printRejects(run.Summary.RowsRejected, run.Rejects, e.tr(msgAuditListsAll))
	}
	if o.Check != "" || o.Table != "" {
		return
	}
	for _, c := range run.Checks {
		if c.Status == results.StatusNotRun || c.Status == results.StatusError {
			reason := c.Status
			if c.Reason != nil {
				reason = e.tr(text(*c.Reason))
			}
			e.fprintf(e.stderr, e.tr(msgSampleNotRun), c.ID, reason)
		}
	}
}

func (e *env) printSample(s *spotcheck.Sample) {
	what := e.tr(msgAllFindings)
	switch s.Kind {
	case spotcheck.KindCheck:
		what = e.sprintf(msgCheckFindings, s.Name)
	case spotcheck.KindTable:
		what = e.sprintf(msgTableRows, s.Name)
	}
	if s.All() {
		e.fprintf(e.stdout, e.tr(msgPopulationAll), vocab.Count(s.Population), what, s.Size)
		return
	}
	e.fprintf(e.stdout, e.tr(msgPopulation), vocab.Count(s.Population), what, vocab.Count(len(s.Records)))
}

// redrawCommand is the command line that draws the same sample again: the
// same source, seed, size, population, reference date and language.
func redrawCommand(args []string, o sampleOptions, asOf string) string {
	cmd := []string{"avgaudit", "sample"}
	cmd = append(cmd, args...)
	cmd = append(cmd, "--seed", strconv.FormatUint(o.Seed, 10), "--size", strconv.Itoa(o.Size))
	if o.Check != "" {
		cmd = append(cmd, "--check", o.Check)
	}
	if o.Table != "" {
		cmd = append(cmd, "--table", o.Table)
	}
	cmd = append(cmd, "--as-of", asOf, "--lang", o.Lang)
	if o.PasswordFile != "" {
		cmd = append(cmd, "--password-file", o.PasswordFile)
	}
	for i, a := range cmd {
		cmd[i] = shellQuote(a)
	}
	return strings.Join(cmd, " ")
}

// shellQuote quotes an argument for a shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=+,@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
