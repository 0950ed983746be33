package audit

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"path"
	"time"

	"github.com/avgaudit/avgaudit/acceptance"
	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/trend"
	"github.com/avgaudit/avgaudit/vocab"
)

// registerFile is the accepted-risk register read from a YAML file, and
// the file as an input of the run (for its SHA-256 in the methodology).
type registerFile struct {
	entries []acceptance.Entry
	input   *results.Input
}

// knownChecks are the check ids a register may name: the run's checks and
// every built-in one, so that narrowing a run with --only does not make the
// register's other entries errors.
func knownChecks(checks []queries.Check) (map[string]bool, error) {
	builtin, err := queries.Builtin()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, cs := range [][]queries.Check{builtin, checks} {
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
	}
	return acceptance.Known(ids), nil
}

// readRegisterFile reads the YAML register named by opt.AcceptedFile (OS
// filesystem) or else by the manifest (in Source); nil without either. It
// is read before the exports are loaded, so its mistakes are told at once.
func readRegisterFile(opt Options, m *manifest.Manifest, known map[string]bool) (*registerFile, error) {
	name, data, ok, err := readNamed(opt, opt.AcceptedFile, m.AcceptedRisks)
	if !ok {
		return nil, nil
	}
	if err != nil {
		if opt.AcceptedFile == "" {
			return nil, vocab.Wrapf(err, "%s: accepted_risks", "%s: accepted_risks", manifest.FileName)
		}
		return nil, vocab.Wrapf(err, "lees het register van geaccepteerde risico's", "read the accepted-risk register")
	}
	entries, err := acceptance.Parse(name, data, known)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	in := &results.Input{System: "register", Product: "YAML", File: name, Table: acceptance.Table,
		SHA256: hex.EncodeToString(sum[:]), RowsRead: len(entries), RowsLoaded: len(entries), SkippedColumns: []string{}}
	return &registerFile{entries: entries, input: in}, nil
}

// applyRegister validates the register loaded from the registers sheet,
// adds it to the file's entries and applies all of them to run.
func applyRegister(ctx context.Context, conn *sql.Conn, run *results.Run, file *registerFile, known map[string]bool, asOf time.Time) error {
	entries, err := acceptance.ReadTable(ctx, conn, known, run.Inputs, run.Rejects)
	if err != nil {
		return err
	}
	if file != nil {
		entries = append(file.entries, entries...)
		run.Inputs = append(run.Inputs, *file.input)
	}
	return acceptance.Apply(run, entries, asOf)
}

// readPrevious reads the run to compare with: opt.Previous (identified by
// opt.PreviousFile when given), else opt.PreviousFile, else the manifest's
// previous (a results file or a history folder in Source), else the newest
// earlier run in opt.HistoryDir; nil without any. A folder given as
// opt.PreviousFile must hold an earlier run.
// It is checked against the audit's date and pseudonym key before the
// exports are loaded.
func readPrevious(opt Options, m *manifest.Manifest, asOf time.Time) (*trend.Previous, error) {
	var (
		prev *trend.Previous
		err  error
	)
	switch {
	case opt.Previous != nil && opt.PreviousFile == "":
		prev = &trend.Previous{Run: opt.Previous}
	case opt.Previous != nil:
		// The file identifies the run (name, SHA-256); the run is the one given.
		if prev, err = trend.ReadFile(opt.PreviousFile); err == nil {
			prev.Run = opt.Previous
		}
	case opt.PreviousFile != "":
		// Asked for explicitly: a folder without an earlier run is a mistake.
		prev, err = trend.FindFile(opt.PreviousFile, asOf)
		if err == nil && prev == nil {
			err = vocab.Errorf("%s bevat geen resultaten van een audit van voor %s (bestanden met namen als 2025-09-01.json); noem de resultaten-fg.json of resultaten.json van vorig jaar",
				"%s holds no results of an audit before %s (files named like 2025-09-01.json); name last year's resultaten-fg.json or resultaten.json",
				opt.PreviousFile, asOf.Format(time.DateOnly))
		}
	case m.Previous != "":
		if prev, err = trend.Find(opt.Source, path.Join(opt.Dir, m.Previous), asOf); err != nil {
			err = vocab.Wrapf(err, "%s: previous", "%s: previous", manifest.FileName)
		}
	case opt.HistoryDir != "":
		prev, err = trend.Latest(opt.HistoryDir, asOf)
	}
	if err != nil || prev == nil {
		return nil, err
	}
	if err := trend.CanCompare(asOf, prev.Run, opt.Pseudonymiser); err != nil {
		if prev.Path == "" {
			return nil, err
		}
		return nil, vocab.Wrapf(err, "%s", "%s", prev.Path)
	}
	return prev, nil
}
