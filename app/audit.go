package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/avgaudit/avgaudit/atomicfile"
	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/phases"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/reports"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/scratch"
	"github.com/avgaudit/avgaudit/trend"
	"github.com/avgaudit/avgaudit/vocab"
)

// HistoryDirName is the folder under the output directory where every
// audit keeps its full results (the FG's), so next year's audit can show
// what is new, persisting and resolved.
const HistoryDirName = "historie"

// KeyFileName is the pseudonym key's file in the history folder.
const KeyFileName = "pseudoniemsleutel"

// Report file names of the risk analysis in the output directory.
const (
	XLSXName = "rapport.xlsx"
	HTMLName = "rapport.html"
	JSONName = "resultaten.json"
)

// AuditOptions are what an audit is asked to do.
type AuditOptions struct {
	Source
	Out            string   // output directory of the reports
	DB             string   // keep the database in this new file; "" in memory
	Policy         string   // policy file; "" for the manifest's
	Lang           string   // of the reports: "nl" or "en"
	Strict         bool     // any rejected row is an error
	FailOnFindings bool     // return ErrFindings when checks found open issues
	ChecksDir      string   // the user's own checks
	Only, Skip     []string // check ids or area codes
	Audiences      []string // as given to --audience; empty: risk
	Previous       string   // last year's results or a history folder
	AcceptedRisks  string   // accepted-risk register file
	PseudonymKey   string   // key file; "" for the history folder's
	NoHistory      bool     // keep no history and do not compare with it
	// Encrypt protects the Excel reports with a password from EncryptEnv
	// or EncryptFile (never from the command line); the FG's HTML and JSON
	// are then left out unless FGOpenFormats.
	Encrypt       bool
	EncryptFile   string
	FGOpenFormats bool
	// Cleaned, when not nil, is called with the number of temporary files
	// and folders of killed runs that this run removed from Out.
	Cleaned func(n int)
	// Started, when not nil, is called once the options are checked,
	// before the exports are loaded.
	Started func()
	// Loaded, when not nil, is called with the run once the audit ran,
	// before the reports are written.
	Loaded func(*results.Run)
}

// AuditOutcome is what an audit did.
type AuditOutcome struct {
	Run   *results.Run
	Files []string // the report files written to Out, in order
	// OtherAudienceFiles are report files in Out of audiences this run did
	// not write: left from an earlier run.
	OtherAudienceFiles []string
	KeyCreated         string // the pseudonym key file made by this run; "" if none
	// HistoryFile is where the full results were kept; "" with NoHistory.
	HistoryFile string
	// HistoryKept lists the checks an earlier run of the same date ran and
	// this one did not: that run's file in the history was kept.
	HistoryKept []string
	// Encrypted lists the files of Files protected with the password.
	Encrypted []string
}

// EncryptEnv is the environment variable that holds the password of
// AuditOptions.Encrypt.
const EncryptEnv = "AVGAUDIT_REPORT_PASSWORD"

// BusyError is returned when another run is writing to the same output
// folder: two runs would replace each other's reports.
type BusyError struct {
	Out  string
	Runs []string // the other runs' folders and process ids
}

func (e *BusyError) Error() string { return e.In("en") }

// In is the message in lang.
func (e *BusyError) In(lang string) string {
	return vocab.Textf("een andere avgaudit-run schrijft nu naar %s (%s); wacht tot die klaar is of kies een andere --out",
		"another avgaudit run is writing to %s (%s); wait for it to finish or choose another --out", e.Out, strings.Join(e.Runs, ", ")).In(lang)
}

// encryptPassword returns the password the reports are encrypted with:
// "" without Encrypt.
func (opt AuditOptions) encryptPassword() (string, error) {
	switch {
	case !opt.Encrypt && (opt.EncryptFile != "" || opt.FGOpenFormats):
		return "", Usage2f("--encrypt-password-file and --fg-html-json go with --encrypt", "--encrypt-password-file en --fg-html-json horen bij --encrypt")
	case !opt.Encrypt:
		return "", nil
	case opt.EncryptFile != "":
		pw, err := readPassword(opt.EncryptFile)
		if err != nil {
			return "", Usage(vocab.Wrapf(err, "--encrypt-password-file", "--encrypt-password-file"))
		}
		return pw, nil
	case os.Getenv(EncryptEnv) != "":
		return os.Getenv(EncryptEnv), nil
	}
	return "", Usage2f("--encrypt needs a password: set the environment variable %s or give --encrypt-password-file FILE (a password on the command line would be visible to others)", "--encrypt heeft een wachtwoord nodig: zet de omgevingsvariabele %s of geef --encrypt-password-file BESTAND (een wachtwoord op de opdrachtregel kunnen anderen zien)", EncryptEnv)
}

// openScratch opens the run's private folder for temporary files in out
// (see package scratch), removing what killed runs left there. With
// exclusive, another run that is writing to out is a BusyError. (TMPDIR is left alone: the
// libraries that make temporary files, excelize and DuckDB, are told the
// folder, and app runs in-process in tests.)
func openScratch(out string, cleaned func(int), exclusive bool) (*scratch.Dir, error) {
	work, left, err := scratch.Open(out)
	if err != nil {
		return nil, err
	}
	if len(left.Live) > 0 && exclusive {
		work.Close()
		return nil, &BusyError{Out: out, Runs: left.Live}
	}
	if len(left.Removed) > 0 && cleaned != nil {
		cleaned(len(left.Removed))
	}
	return work, nil
}

// interruptible runs fn and returns its error, or ctx's error as soon as
// ctx is done: an interrupt stops the run promptly even in the middle of
// writing a large workbook, which does not look at ctx. fn is then left
// to finish on its own, into the run's private folder, which the run
// removes as it exits (and the next run, if the process is gone first).
func interruptible(ctx context.Context, fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Audit runs an audit and writes its reports, the pseudonym key and the
// history. With opt.FailOnFindings it returns the outcome and ErrFindings
// when checks found open issues.
func Audit(ctx context.Context, opt AuditOptions) (*AuditOutcome, error) {
	checks, err := Checks(opt.ChecksDir, opt.Only, opt.Skip)
	if err != nil {
		return nil, err
	}
	aopt, err := opt.Source.auditOptions()
	if err != nil {
		return nil, err
	}
	aopt.PolicyFile, aopt.DBPath, aopt.Strict, aopt.Checks = opt.Policy, opt.DB, opt.Strict, checks
	audiences, err := ParseAudiences(opt.Audiences)
	if err != nil {
		return nil, err
	}
	historyDir := filepath.Join(opt.Out, HistoryDirName)
	if !opt.NoHistory {
		aopt.HistoryDir = historyDir
	}
	aopt.PreviousFile, aopt.AcceptedFile = opt.Previous, opt.AcceptedRisks
	pseud, saveKey, err := pseudonymiser(opt.PseudonymKey, historyDir, opt.Sample(), opt.NoHistory)
	if err != nil {
		return nil, err
	}
	aopt.Pseudonymiser = pseud
	if opt.DB != "" {
		if _, err := os.Stat(opt.DB); err == nil {
			return nil, Usage2f("--db %s already exists; choose a new file name or remove it first", "--db %s bestaat al; kies een nieuwe bestandsnaam of verwijder het eerst", opt.DB)
		}
	}
	password, err := opt.encryptPassword()
	if err != nil {
		return nil, err
	}
	work, err := openScratch(opt.Out, opt.Cleaned, true)
	if err != nil {
		return nil, err
	}
	defer work.Close()
	aopt.TmpDir = work.Path
	if opt.Started != nil {
		opt.Started()
	}
	run, err := audit.Audit(ctx, aopt)
	var rejected *RejectsError
	if errors.As(err, &rejected) {
		return nil, err
	}
	if err != nil {
		return nil, &SourceError{err}
	}
	// Before the private folder is removed (a file open in it would keep
	// it on Windows): the reports and the history are written by then.
	// Not when interrupted: a report may still be being written (see
	// interruptible), and the folder goes with the process.
	defer func() {
		if ctx.Err() == nil {
			run.Close()
		}
	}()
	if opt.Loaded != nil {
		opt.Loaded(run)
	}
	out := &AuditOutcome{Run: run}
	files := audienceReports(ctx, run, audiences, reports.Options{Lang: opt.Lang, TmpDir: work.Path, Password: password}, pseud, opt.FGOpenFormats)
	if err := writeFiles(ctx, work.Path, opt.Out, files); err != nil {
		return out, err
	}
	for _, f := range files {
		out.Files = append(out.Files, f.name)
		if f.encrypted {
			out.Encrypted = append(out.Encrypted, f.name)
		}
	}
	out.OtherAudienceFiles = otherAudienceFiles(opt.Out, files)
	if saveKey != nil {
		if out.KeyCreated, err = saveKey(); err != nil {
			return out, err
		}
	}
	if !opt.NoHistory {
		// Only when this run wrote the FG's JSON (not with --encrypt alone).
		fgJSON := ""
		if name := audienceFiles[results.AudienceFG][0]; slices.ContainsFunc(files, func(f reportFile) bool { return f.name == name }) {
			fgJSON = filepath.Join(opt.Out, name)
		}
		end := phases.Start(ctx, "write history")
		out.HistoryFile, out.HistoryKept, err = saveHistory(historyDir, run, fgJSON)
		end()
		if err != nil {
			return out, err
		}
	}
	if opt.FailOnFindings && run.Summary.Open > 0 {
		return out, ErrFindings
	}
	return out, nil
}

// audienceFiles names the report files of each audience in the output
// directory: the risk analysis keeps the names of earlier versions.
var audienceFiles = map[string][3]string{
	results.AudienceRisk:       {JSONName, XLSXName, HTMLName},
	results.AudienceFG:         {"resultaten-fg.json", "rapport-fg.xlsx", "rapport-fg.html"},
	results.AudienceManagement: {"resultaten-bestuur.json", "rapport-bestuur.xlsx", "rapport-bestuur.html"},
}

// ReportFiles are the JSON, workbook and HTML file names of an audience's
// reports; the risk analysis's for an unknown audience.
func ReportFiles(audience string) (json, xlsx, html string) {
	f, ok := audienceFiles[audience]
	if !ok {
		f = audienceFiles[results.AudienceRisk]
	}
	return f[0], f[1], f[2]
}

// ParseAudiences turns --audience values into audiences in report order.
func ParseAudiences(list []string) ([]string, error) {
	want := map[string]bool{}
	for _, a := range list {
		a = strings.ToLower(strings.TrimSpace(a))
		switch {
		case a == "all" || a == "alle":
			for _, x := range results.Audiences {
				want[x] = true
			}
		case a == "bestuur":
			want[results.AudienceManagement] = true
		case slices.Contains(results.Audiences, a):
			want[a] = true
		default:
			return nil, Usage2f("--audience %q: choose management, risk, fg or all (comma-separated for several)", "--audience %q: kies management, risk, fg of all (meerdere gescheiden door komma's)", a)
		}
	}
	var out []string
	for _, a := range results.Audiences {
		if want[a] {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		out = []string{results.AudienceRisk}
	}
	return out, nil
}

// reportFile is one file of the output set: its name in the output
// directory and how to write it.
type reportFile struct {
	name      string
	write     func(io.Writer) error
	private   bool // holds personal data: readable by the user only
	encrypted bool // protected with the --encrypt password
}

// audienceReports lists the files of each audience for writeFiles: what
// the audience may see (package audience) in each format. With a
// password (opt.Password) the Excel reports are encrypted with it, and
// the FG's HTML and JSON, which cannot be, are left out unless fgOpen.
// Each audience's view is made when its first file is written and let go
// after its last, so that no two views of the findings are held at once.
func audienceReports(ctx context.Context, run *results.Run, audiences []string, opt reports.Options, p *pseudonym.Pseudonymiser, fgOpen bool) []reportFile {
	var files []reportFile
	enc := opt.Password != ""
	for _, a := range audiences {
		names := audienceFiles[a]
		opt := opt
		opt.Workbook = names[1]
		switch a {
		case results.AudienceManagement:
			s := audience.Management(run)
			for i, r := range []reports.ManagementReporter{reports.ManagementJSONReporter{}, reports.ManagementXLSXReporter{}, reports.ManagementHTMLReporter{}} {
				_, xlsx := r.(reports.ManagementXLSXReporter)
				write := phases.Wrap(ctx, "write "+names[i], func(w io.Writer) error { return r.Write(w, s, opt) })
				files = append(files, reportFile{name: names[i], write: write, encrypted: xlsx && enc})
			}
			continue
		case results.AudienceRisk, results.AudienceFG:
			fg := a == results.AudienceFG
			view := &lazyView{make: func() audience.Detailed {
				defer phases.Start(ctx, "audience views")()
				if fg {
					return audience.FG(run)
				}
				return audience.Risk(run, p)
			}}
			first := len(files)
			for i, r := range []reports.Reporter{reports.JSONReporter{}, reports.XLSXReporter{}, reports.HTMLReporter{}} {
				_, xlsx := r.(reports.XLSXReporter)
				if fg && enc && !xlsx && !fgOpen {
					continue
				}
				var d audience.Detailed
				write := phases.Wrap(ctx, "write "+names[i], func(w io.Writer) error { return r.Write(w, d, opt) })
				files = append(files, reportFile{name: names[i], write: func(w io.Writer) error {
					// The view is its own phase, before the file's, and is
					// not kept by this closure once the file is written.
					d = view.get()
					defer func() { d = audience.Detailed{} }()
					return write(w)
				}, private: fg, encrypted: xlsx && enc})
			}
			last := &files[len(files)-1]
			if len(files) > first {
				write := last.write
				last.write = func(w io.Writer) error {
					defer view.release()
					return write(w)
				}
			}
		}
	}
	return files
}

// lazyView makes an audience's view when it is first needed and forgets
// it when released; a later get makes it again.
type lazyView struct {
	make func() audience.Detailed
	d    *audience.Detailed
}

func (v *lazyView) get() audience.Detailed {
	if v.d == nil {
		d := v.make()
		v.d = &d
	}
	return *v.d
}

func (v *lazyView) release() { v.d = nil }

// otherAudienceFiles lists the report files in dir that this run does not
// write: left from an earlier run, they are not replaced and may be of
// another date. With --encrypt the FG's HTML and JSON of an earlier run
// count too: unlike this run's reports they are readable.
func otherAudienceFiles(dir string, written []reportFile) []string {
	var out []string
	for _, a := range results.Audiences {
		for _, name := range audienceFiles[a] {
			if slices.ContainsFunc(written, func(f reportFile) bool { return f.name == name }) {
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				out = append(out, name)
			}
		}
	}
	return out
}

// writeFiles writes files to temporary files in the run's private folder
// tmpDir and then renames them into dir, so an interrupted or failed run
// leaves no half report. ctx stops it at once, before anything is
// renamed: the previous reports stay as they were. The FG's files are
// readable by the user only; a folder it makes is 0700.
func writeFiles(ctx context.Context, tmpDir, dir string, files []reportFile) error {
	if err := atomicfile.MkdirPrivate(dir); err != nil {
		return vocab.Wrapf(err, "maak de uitvoermap %s", "create the output directory %s", dir)
	}
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			_ = os.Remove(t)
		}
	}
	for _, o := range files {
		perm := atomicfile.Public
		if o.private {
			perm = atomicfile.Private
		}
		var tmp string
		err := interruptible(ctx, func() (err error) {
			tmp, err = atomicfile.Temp(tmpDir, o.name, perm, o.write)
			return err
		})
		if err != nil {
			cleanup()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return vocab.Wrapf(err, "schrijf %s", "write %s", filepath.Join(dir, o.name))
		}
		temps = append(temps, tmp)
	}
	if err := ctx.Err(); err != nil {
		cleanup()
		return err
	}
	// Replace the reports as a set: move the old ones aside first and put
	// them back if any new one cannot be put in place (on Windows a report
	// open in Excel cannot be replaced), so old and new are never mixed.
	var moved, placed []string
	rollback := func() {
		for _, p := range placed {
			_ = os.Remove(p)
		}
		for _, p := range moved {
			_ = os.Rename(p+".old", p)
		}
		cleanup()
	}
	for i, o := range files {
		final := filepath.Join(dir, o.name)
		if _, err := os.Lstat(final); err == nil {
			if err := os.Rename(final, final+".old"); err != nil {
				rollback()
				return vocab.Wrapf(err, "vervang %s (is het open in een ander programma? sluit het en probeer opnieuw)", "replace %s (is it open in another program? close it and try again)", final)
			}
			moved = append(moved, final)
		}
		if err := os.Rename(temps[i], final); err != nil {
			rollback()
			return vocab.Wrapf(err, "schrijf %s", "write %s", final)
		}
		placed = append(placed, final)
	}
	for _, p := range moved {
		_ = os.Remove(p + ".old")
	}
	return nil
}

// pseudonymiser returns the pseudonymiser of the run: the key in keyFile
// (--pseudonym-key), else the built-in sample's fixed key when the sample
// is audited, else the key kept in the history folder (a key of this run
// only with --no-history). A key that does not exist yet is made in
// memory; save (nil when there is nothing to save) writes it once the
// reports are written, so a failed run leaves nothing.
func pseudonymiser(keyFile, historyDir string, sample, noHistory bool) (p *pseudonym.Pseudonymiser, save func() (string, error), err error) {
	if keyFile == "" && sample {
		p, err = pseudonym.New(pseudonym.SampleKey)
		return p, nil, err
	}
	if keyFile == "" && noHistory {
		// Nothing is kept: this run's pseudonyms are its own.
		p, err = pseudonym.Random()
		return p, nil, err
	}
	if keyFile == "" {
		keyFile = filepath.Join(historyDir, KeyFileName)
	}
	p, found, err := pseudonym.Load(keyFile)
	if err != nil || found {
		return p, nil, err
	}
	if p, err = pseudonym.Random(); err != nil {
		return nil, nil, err
	}
	return p, func() (string, error) { return keyFile, p.Save(keyFile) }, nil
}

// saveHistory keeps the run's full results in the history folder. A run
// of the same date that ran checks this one did not (a full audit, then
// one area again with --only) is kept instead: next year's audit compares
// with it. dropped then lists those checks.
func saveHistory(dir string, run *results.Run, fgJSON string) (path string, dropped []string, err error) {
	path = filepath.Join(dir, trend.FileName(run))
	if old, err := trend.ReadFile(path); err == nil {
		if dropped = droppedChecks(old.Run, run); len(dropped) > 0 {
			return path, dropped, nil
		}
	}
	// The history file is the FG's results: when this run wrote them
	// (fgJSON), their bytes are kept, not made again.
	write := func(w io.Writer, r *results.Run) error {
		return reports.JSONReporter{}.Write(w, audience.FG(r), reports.Options{})
	}
	if fgJSON != "" {
		// Copied, not read whole: with many findings the file is large.
		write = func(w io.Writer, _ *results.Run) error {
			f, err := os.Open(fgJSON)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		}
	}
	path, err = trend.Save(dir, run, write)
	if err != nil {
		return "", nil, vocab.Wrapf(err, "bewaar de resultaten in de historiemap", "keep the results in the history folder")
	}
	return path, nil, nil
}

// droppedChecks lists the checks that ran in old but not in run.
func droppedChecks(old, run *results.Run) []string {
	now := map[string]bool{}
	for _, c := range run.Checks {
		now[c.ID] = c.Ran()
	}
	var out []string
	for _, c := range old.Checks {
		if c.Ran() && !now[c.ID] {
			out = append(out, c.ID)
		}
	}
	return out
}

// writeFileAtomic writes data to a temporary file next to name and renames
// it into place, so a failed write leaves no half file; perm is
// atomicfile.Private for a file with personal data.
func writeFileAtomic(name string, data []byte, perm os.FileMode) error {
	err := atomicfile.Write(name, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return vocab.Wrapf(err, "schrijf %s", "write %s", name)
	}
	return nil
}
