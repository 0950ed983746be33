// Package audit runs a complete audit: it reads a source directory's
// manifest and policy, loads the exports into DuckDB, runs the checks and
// returns the outcome as a results.Run. It prints nothing; the CLI reports.
package audit

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver

	"github.com/avgaudit/avgaudit/atomicfile"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/phases"
	"github.com/avgaudit/avgaudit/policy"
	"github.com/avgaudit/avgaudit/profiles"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/risk"
	"github.com/avgaudit/avgaudit/trend"
	"github.com/avgaudit/avgaudit/vocab"
)

// Version is avgaudit's version, written into every result.
const Version = "0.1.0"

// Options configure one audit.
type Options struct {
	Source fs.FS  // the source directory's files
	Dir    string // the directory inside Source holding manifest.yaml ("." for its root)

	// AsOf is the reference date. When zero, the manifest's as_of is used,
	// else Today.
	AsOf  time.Time
	Today time.Time

	// PolicyFile, when set, overrides the manifest's policy file.
	PolicyFile string

	// Strict makes any rejected input row an error (a *RejectsError).
	Strict bool

	// TmpDir holds the run's temporary files: the database until DBPath
	// takes it, DuckDB's own, excelize's; "" for the system's (and a
	// folder next to DBPath for the database). A run gives its private
	// folder (package scratch).
	TmpDir string
	// DBPath keeps the DuckDB database in this file; empty means in memory.
	// The file is written under a temporary name and renamed at the end, so
	// an interrupted run leaves no half-filled database.
	DBPath string

	Checks []queries.Check // nil means the built-in checks

	// Recognised, when set, is told that Dir had no manifest and what the
	// exports were recognised as instead (see profiles.Recognise).
	Recognised func(*profiles.Proposal)
	// Password opens password-protected workbooks; it is never printed.
	Password string
	// Progress, when not nil, shows how far the loading of each file is.
	Progress ingest.Progress

	// AcceptedFile is an accepted-risk register (YAML, docs/accepted-risks.md)
	// on the OS filesystem; empty means the manifest's accepted_risks, if any.
	// A registers sheet loaded into accepted_risks is applied as well.
	AcceptedFile string
	// Previous is the earlier run to compare with (last year's results);
	// PreviousFile is the file it was read from (for its name and SHA-256
	// in the results), or, without Previous, the results file or history
	// folder to read it from. Both empty means the manifest's previous, if
	// any.
	Previous     *results.Run
	PreviousFile string
	// HistoryDir is the history folder the CLI keeps under the output
	// directory: without any other previous run, the newest run in it from
	// before the reference date is compared with.
	HistoryDir string
	// Pseudonymiser makes the pseudonyms a pseudonymised previous run is
	// compared by; it must hold the key that run was made with.
	Pseudonymiser *pseudonym.Pseudonymiser
	// Inspect, when set, is called at the end of a successful audit with
	// the loaded database, before it is closed; its error fails the audit.
	// avgaudit sample draws a table's rows through it, so the data never
	// has to be kept in a database file.
	Inspect func(ctx context.Context, conn *sql.Conn) error
}

// RejectsError is returned by a strict audit when input rows were rejected.
type RejectsError struct {
	Rejects []results.Reject
	Rows    int
}

func (e *RejectsError) Error() string { return e.In("en") }

// In is the message in lang.
func (e *RejectsError) In(lang string) string {
	return vocab.Textf("--strict: %d {rij|rijen} afgewezen; verbeter ze in de exports en voer de audit opnieuw uit",
		"--strict: %d {input row|input rows} rejected; fix them in the exports and run again", vocab.Count(e.Rows)).In(lang)
}

// Audit performs the audit described by opt.
func Audit(ctx context.Context, opt Options) (run *results.Run, err error) {
	end := phases.Start(ctx, "read manifest, policy, register, previous")
	m, err := loadManifest(opt)
	if err != nil {
		return nil, err
	}
	asOf, err := referenceDate(opt, m)
	if err != nil {
		return nil, err
	}
	pol, err := loadPolicy(opt, m)
	if err != nil {
		return nil, err
	}
	checks := opt.Checks
	if checks == nil {
		if checks, err = queries.Builtin(); err != nil {
			return nil, err
		}
	}
	known, err := knownChecks(checks)
	if err != nil {
		return nil, err
	}
	register, err := readRegisterFile(opt, m, known)
	if err != nil {
		return nil, err
	}
	previous, err := readPrevious(opt, m, asOf)
	if err != nil {
		return nil, err
	}

	end()
	db, finish, err := openDB(opt.DBPath, opt.TmpDir)
	if err != nil {
		return nil, err
	}
	defer func() {
		endClose := phases.Start(ctx, "close database")
		if ferr := finish(err == nil); err == nil {
			err = ferr
		}
		endClose()
	}()

	end = phases.Start(ctx, "load exports")
	loaded, err := ingest.LoadWith(ctx, db, opt.Source, opt.Dir, m, ingest.Options{Password: opt.Password, Progress: opt.Progress, TmpDir: opt.TmpDir})
	end()
	if err != nil {
		return nil, err
	}
	if opt.Strict && len(loaded.Rejects) > 0 {
		// Before the database is kept: a strict run leaves nothing behind.
		return nil, &RejectsError{Rejects: loaded.Rejects, Rows: loaded.RowsRejected()}
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("open connection: %w", err)
	}
	defer conn.Close()
	if err := SetVariables(ctx, conn, asOf, pol); err != nil {
		return nil, err
	}
	end = phases.Start(ctx, "match link columns")
	mismatches, err := checkLinks(ctx, conn, loaded.Inputs, loaded.Columns)
	end()
	if err != nil {
		return nil, err
	}
	for _, m := range mismatches {
		loaded.Inputs[m.input].LinkWarnings = append(loaded.Inputs[m.input].LinkWarnings, m.warning)
	}
	// The findings are kept in a file in the run's private folder, not in
	// memory: a late as-of date can give a finding for most records.
	store, err := results.NewStore(opt.TmpDir)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			store.Close()
		}
	}()
	end = phases.Start(ctx, "run checks")
	checked, err := RunChecksTo(ctx, conn, checks, loaded.Inputs, store)
	end()
	if err != nil {
		return nil, err
	}
	flagLinks(checked, checks, mismatches)
	describeColumns(loaded.Inputs, loaded.Columns, checks)
	end = phases.Start(ctx, "child names")
	err = nameChildren(ctx, conn, checked)
	end()
	if err != nil {
		return nil, err
	}

	run = &results.Run{
		SchemaVersion: results.SchemaVersion,
		Tool:          results.Tool{Name: "avgaudit", Version: Version},
		Organisation:  m.Organisation,
		AsOf:          asOf.Format(time.DateOnly),
		Date:          asOf,
		Inputs:        loaded.Inputs,
		Rejects:       loaded.Rejects,
		Checks:        checked,
		Store:         store,
	}
	for _, p := range pol.Params() {
		run.Policy = append(run.Policy, results.Param{Name: p.Name, Value: p.String(), Doc: results.Text{NL: p.DocNL, EN: p.Doc}})
	}
	for _, s := range pol.RiskSettings() {
		run.Policy = append(run.Policy, results.Param{Name: s.Key, Value: s.Value, Doc: results.Text{NL: s.DocNL, EN: s.Doc}})
	}
	if run.Inputs == nil {
		run.Inputs = []results.Input{}
	}
	if run.Rejects == nil {
		run.Rejects = []results.Reject{}
	}
	end = phases.Start(ctx, "register, trend, risk, identifiers")
	defer func() { end() }()
	if err := applyRegister(ctx, conn, run, register, known, asOf); err != nil {
		return nil, err
	}
	if previous != nil {
		if err := trend.Compare(run, previous.Run, opt.Pseudonymiser); err != nil {
			return nil, err
		}
		previous.Identify(run)
	}
	// After the acceptances: only open findings count towards a risk.
	risk.Score(run, pol.Risk)
	if run.Identifiers, err = Identifiers(ctx, conn); err != nil {
		return nil, err
	}
	run.Identifiers = withResolved(run.Identifiers, run.Checks)
	run.Summarise()
	if opt.Inspect != nil {
		if err := opt.Inspect(ctx, conn); err != nil {
			return nil, err
		}
	}
	return run, nil
}

func referenceDate(opt Options, m *manifest.Manifest) (time.Time, error) {
	if !opt.AsOf.IsZero() {
		return opt.AsOf, nil
	}
	d, ok, err := m.AsOfDate()
	if err != nil {
		return time.Time{}, vocab.Wrapf(err, "%s", "%s", manifest.FileName)
	}
	if ok {
		return d, nil
	}
	if opt.Today.IsZero() {
		return time.Time{}, vocab.Errorf("geen peildatum: geef --as-of", "no reference date: pass --as-of")
	}
	y, mo, dd := opt.Today.Date()
	return time.Date(y, mo, dd, 0, 0, 0, 0, time.UTC), nil
}

func loadPolicy(opt Options, m *manifest.Manifest) (policy.Policy, error) {
	name, data, ok, err := readNamed(opt, opt.PolicyFile, m.Policy)
	if !ok {
		return policy.Default(), nil
	}
	if err != nil {
		return policy.Policy{}, vocab.Wrapf(err, "lees het beleidsbestand", "read the policy file")
	}
	p, err := policy.ParseBytes(data)
	if err == nil {
		err = checkRiskKeys(p.Risk, opt.Checks)
	}
	if err != nil {
		return policy.Policy{}, vocab.Wrapf(err, "%s", "%s", name)
	}
	return p, nil
}

// readNamed reads the file an option names (osPath, on the OS filesystem)
// or else the one the manifest names (manifestPath, relative to the
// manifest in Source); ok is false when neither names one.
func readNamed(opt Options, osPath, manifestPath string) (name string, data []byte, ok bool, err error) {
	switch {
	case osPath != "":
		data, err = os.ReadFile(osPath)
		return osPath, data, true, err
	case manifestPath != "":
		name = path.Join(opt.Dir, manifestPath)
		data, err = fs.ReadFile(opt.Source, name)
		return name, data, true, err
	}
	return "", nil, false, nil
}

// openDB opens DuckDB in memory or in a file in a private temporary
// folder (DuckDB creates its files with the umask's permissions, and the
// database holds full BSNs): in tmpDir, else next to dbPath. finish closes
// it and, when keep is true, moves the file into place readable by the
// user only. The folder, with DuckDB's write-ahead log, is removed either
// way. DuckDB's own temporary files (a query that spills) go in tmpDir too.
func openDB(dbPath, tmpDir string) (*sql.DB, func(keep bool) error, error) {
	if dbPath == "" {
		db, err := sql.Open("duckdb", "")
		if err == nil {
			err = setSpillAndMemory(db, tmpDir)
		}
		if err != nil {
			return nil, nil, vocab.Wrapf(err, "open DuckDB", "open DuckDB")
		}
		return db, func(bool) error { return db.Close() }, nil
	}
	parent := tmpDir
	if parent == "" {
		parent = filepath.Dir(dbPath)
	}
	dbDir, err := os.MkdirTemp(parent, "."+filepath.Base(dbPath)+".tmp-*")
	if err != nil {
		return nil, nil, vocab.Wrapf(err, "maak het databasebestand", "create the database file")
	}
	tmpName := filepath.Join(dbDir, filepath.Base(dbPath))
	db, err := sql.Open("duckdb", tmpName)
	if err == nil {
		err = db.Ping()
	}
	if err == nil {
		err = setSpillAndMemory(db, tmpDir)
	}
	if err != nil {
		_ = os.RemoveAll(dbDir)
		return nil, nil, vocab.Wrapf(err, "open DuckDB %s", "open DuckDB %s", dbPath)
	}
	finish := func(keep bool) error {
		err := db.Close()
		if err == nil && keep {
			err = os.Chmod(tmpName, atomicfile.Private)
		}
		if err == nil && keep {
			err = moveFile(tmpName, dbPath)
		}
		_ = os.RemoveAll(dbDir)
		if err != nil {
			return vocab.Wrapf(err, "schrijf de database %s", "write database %s", dbPath)
		}
		return nil
	}
	return db, finish, nil
}

// setSpillAndMemory has DuckDB keep the files of queries that do not fit in
// memory in dir/duckdb ("" leaves DuckDB's default), and caps DuckDB's
// memory at DuckDBMemory (or $AVGAUDIT_DUCKDB_MEMORY, e.g. "2GB"): with
// somewhere to spill, the checks of a chain of 100,000 children then peak
// at about 740 MB instead of 1 GB, in the same time and with the same
// results (bench/scale.sh).
func setSpillAndMemory(db *sql.DB, dir string) error {
	if dir == "" {
		return nil
	}
	if _, err := db.Exec("SET temp_directory = '" + strings.ReplaceAll(filepath.Join(dir, "duckdb"), "'", "''") + "'"); err != nil {
		return err
	}
	limit := DuckDBMemory
	if v := strings.TrimSpace(os.Getenv("AVGAUDIT_DUCKDB_MEMORY")); v != "" {
		limit = v
	}
	if _, err := db.Exec("SET memory_limit = '" + strings.ReplaceAll(limit, "'", "''") + "'"); err != nil {
		return vocab.Wrapf(err, "AVGAUDIT_DUCKDB_MEMORY %q: geef een hoeveelheid geheugen zoals 2GB", "AVGAUDIT_DUCKDB_MEMORY %q: give an amount of memory such as 2GB", limit)
	}
	return nil
}

// DuckDBMemory is DuckDB's memory limit during an audit when
// $AVGAUDIT_DUCKDB_MEMORY does not set another.
const DuckDBMemory = "512MB"

// moveFile renames from to to; across file systems (the run's folder on
// another disk than --db) it copies the file next to to and renames that.
func moveFile(from, to string) error {
	err := os.Rename(from, to)
	if err == nil {
		return nil
	}
	var le *os.LinkError
	if !errors.As(err, &le) {
		return err
	}
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	return atomicfile.Write(to, atomicfile.Private, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
}

// checkRiskKeys checks the check ids and areas of the policy's risk section
// against the catalogue: every built-in check, selected to run or not, and
// the checks given (which include the organisation's own).
func checkRiskKeys(r policy.Risk, given []queries.Check) error {
	builtin, err := queries.Builtin()
	if err != nil {
		return err
	}
	areas := append([]string{}, queries.Areas...)
	var ids []string
	for _, c := range append(builtin, given...) {
		ids = append(ids, c.ID)
		if c.Area != "" {
			areas = append(areas, c.Area)
		}
	}
	return r.CheckKeys(ids, areas)
}
