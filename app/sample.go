package app

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/avgaudit/avgaudit/atomicfile"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/spotcheck"
	"github.com/avgaudit/avgaudit/vocab"
)

// SampleOptions are what a spot-check sample is asked to be.
type SampleOptions struct {
	Source
	Seed  uint64
	Size  int
	Check string // sample the findings of this check
	Table string // or the rows of this canonical table; neither: all findings
	Out   string // the checklist file
	Force bool   // overwrite Out
	Lang  string // of the checklist
	// Command is the command line that draws the same sample again,
	// given the run's reference date.
	Command func(asOf string) string
	// Started, when not nil, is called once the options are checked,
	// before the exports are loaded.
	Started func()
}

// ValidateSample checks the options that need no data and returns the
// checks the audit runs: the one of Check, none for Table, all without
// either.
func ValidateSample(o SampleOptions) ([]queries.Check, error) {
	if o.Check != "" && o.Table != "" {
		return nil, Usage2f("--check and --table cannot be used together: sample the findings of one check, or the rows of one table", "--check en --table gaan niet samen: trek uit de bevindingen van één controle, of uit de rijen van één tabel")
	}
	if o.Size < 1 {
		return nil, Usage2f("--size %d: a sample needs at least 1 record", "--size %d: een steekproef heeft minstens 1 record nodig", o.Size)
	}
	if o.Table != "" {
		if _, ok := model.Lookup(o.Table); !ok {
			return nil, Usage2f("--table %q: no such canonical table; tables: %s", "--table %q: die tabel bestaat niet; tabellen: %s", o.Table, strings.Join(model.TableNames(""), ", "))
		}
		return []queries.Check{}, nil
	}
	checks, err := Checks("", nil, nil)
	if err != nil || o.Check == "" {
		return checks, err
	}
	i := slices.IndexFunc(checks, func(c queries.Check) bool { return c.ID == o.Check })
	if i < 0 {
		ids := make([]string, len(checks))
		for j, c := range checks {
			ids[j] = c.ID
		}
		return nil, Usage2f("--check %q: no such check; check ids: %s", "--check %q: die controle bestaat niet; controles: %s", o.Check, strings.Join(ids, ", "))
	}
	return checks[i : i+1], nil
}

// RandomSeed draws a seed for a sample.
func RandomSeed() (uint64, error) { return spotcheck.RandomSeed() }

// Sample runs the audit for checks (see ValidateSample) and draws the
// sample; WriteChecklist writes it.
func Sample(ctx context.Context, o SampleOptions, checks []queries.Check) (*spotcheck.Sample, *results.Run, error) {
	opt, err := o.Source.auditOptions()
	if err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(o.Out); err == nil && !o.Force {
		return nil, nil, Usage2f("%s already exists (it may hold the FG's answers); add --force to overwrite it, or --out to write elsewhere", "%s bestaat al (er kunnen antwoorden van de FG in staan); voeg --force toe om het te overschrijven, of kies met --out een ander bestand", o.Out)
	}
	// The audit's temporary files in a private folder next to the
	// checklist, removed when the sample is drawn (see package scratch).
	work, err := openScratch(filepath.Dir(o.Out), nil, false)
	if err != nil {
		return nil, nil, err
	}
	defer work.Close()
	opt.TmpDir = work.Path
	if o.Started != nil {
		o.Started()
	}
	s, run, err := draw(ctx, o, opt, checks)
	if err != nil {
		return nil, nil, &SourceError{err}
	}
	// The sample holds the findings it drew: the store goes before the
	// private folder does.
	if err := run.Close(); err != nil {
		return nil, nil, err
	}
	return s, run, nil
}

// WriteChecklist writes the sample's checklist to o.Out.
func WriteChecklist(o SampleOptions, s *spotcheck.Sample, run *results.Run) error {
	if s.Population == 0 {
		return emptyPopulation(run, o)
	}
	m := spotcheck.Method{
		Organisation: run.Organisation, AsOf: run.AsOf, Inputs: run.Inputs, Version: run.Tool.Version,
		Command: o.Command(run.AsOf),
	}
	var buf bytes.Buffer
	if err := spotcheck.WriteChecklist(&buf, s, m, o.Lang); err != nil {
		return err
	}
	return writeFileAtomic(o.Out, buf.Bytes(), atomicfile.Private) // names and addresses
}

// draw runs the audit and draws the sample: a table's rows straight from
// the loaded database (never kept in a file), findings from the run.
func draw(ctx context.Context, o SampleOptions, opt audit.Options, checks []queries.Check) (*spotcheck.Sample, *results.Run, error) {
	opt.Checks = checks
	var s *spotcheck.Sample
	opt.Inspect = func(ctx context.Context, conn *sql.Conn) (err error) {
		if o.Table == "" {
			return nil // drawn from the findings, which name their children
		}
		if s, err = spotcheck.FromTable(ctx, conn, o.Table, o.Size, o.Seed); err != nil {
			return err
		}
		// The checklist is the FG's: names allowed.
		rows := make([]audit.LoadedRow, len(s.Records))
		for i, r := range s.Records {
			rows[i] = audit.LoadedRow{Table: r.Table, File: r.File, Row: r.Row}
		}
		names, err := audit.ChildNames(ctx, conn, rows)
		s.NameChildren(func(table, file string, row int) string {
			return names[audit.LoadedRow{Table: table, File: file, Row: row}]
		})
		return err
	}
	run, err := audit.Audit(ctx, opt)
	if err != nil {
		return nil, nil, err
	}
	if s == nil {
		if s, err = spotcheck.FromFindings(run, o.Check, o.Size, o.Seed); err != nil {
			return nil, nil, err
		}
	}
	return s, run, nil
}

// emptyPopulation explains why there is nothing to sample.
func emptyPopulation(run *results.Run, o SampleOptions) error {
	switch {
	case o.Table != "":
		if !slices.ContainsFunc(run.Inputs, func(in results.Input) bool { return in.Table == o.Table }) {
			return vocab.Errorf("niets om uit te trekken: geen export is gekoppeld aan tabel %s (zie het manifest, of voer avgaudit init uit)",
				"nothing to sample: no export is mapped to table %s (see the manifest, or run avgaudit init)", o.Table)
		}
		return vocab.Errorf("niets om uit te trekken: tabel %s heeft geen rijen", "nothing to sample: table %s has no rows", o.Table)
	case o.Check != "":
		return vocab.Errorf("niets om uit te trekken: controle %s heeft geen bevindingen op %s", "nothing to sample: check %s has no findings on %s", o.Check, run.AsOf)
	}
	return vocab.Errorf("niets om uit te trekken: geen controle heeft bevindingen op %s", "nothing to sample: no check has findings on %s", run.AsOf)
}
