package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/avgaudit/avgaudit/atomicfile"
	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/pseudonym"
	"github.com/avgaudit/avgaudit/reports"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/trend"
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
			return nil, Usagef("--db %s already exists; choose a new file name or remove it first", opt.DB)
		}
	}
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
	if opt.Loaded != nil {
		opt.Loaded(run)
	}
	out := &AuditOutcome{Run: run}
	files := audienceReports(run, audiences, opt.Lang, pseud)
	if err := writeFiles(opt.Out, files); err != nil {
		return out, err
	}
	for _, f := range files {
		out.Files = append(out.Files, f.name)
	}
	out.OtherAudienceFiles = otherAudienceFiles(opt.Out, audiences)
	if saveKey != nil {
		if out.KeyCreated, err = saveKey(); err != nil {
			return out, err
		}
	}
	if !opt.NoHistory {
		if out.HistoryFile, out.HistoryKept, err = saveHistory(historyDir, run); err != nil {
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
			return nil, Usagef("--audience %q: choose management, risk, fg or all (comma-separated for several)", a)
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
	name  string
	write func(io.Writer) error
}

// audienceReports lists the files of each audience for writeFiles: what
// the audience may see (package audience) in each format.
func audienceReports(run *results.Run, audiences []string, lang string, p *pseudonym.Pseudonymiser) []reportFile {
	var files []reportFile
	opt := reports.Options{Lang: lang}
	for _, a := range audiences {
		names := audienceFiles[a]
		switch a {
		case results.AudienceManagement:
			s := audience.Management(run)
			for i, r := range []reports.ManagementReporter{reports.ManagementJSONReporter{}, reports.ManagementXLSXReporter{}, reports.ManagementHTMLReporter{}} {
				files = append(files, reportFile{names[i], func(w io.Writer) error { return r.Write(w, s, opt) }})
			}
			continue
		case results.AudienceRisk, results.AudienceFG:
			d := audience.FG(run)
			if a == results.AudienceRisk {
				d = audience.Risk(run, p)
			}
			for i, r := range []reports.Reporter{reports.JSONReporter{}, reports.XLSXReporter{}, reports.HTMLReporter{}} {
				files = append(files, reportFile{names[i], func(w io.Writer) error { return r.Write(w, d, opt) }})
			}
		}
	}
	return files
}

// otherAudienceFiles lists the report files in dir of audiences this run
// does not write: left from an earlier run, they are not replaced and may
// be of another date.
func otherAudienceFiles(dir string, audiences []string) []string {
	var out []string
	for _, a := range results.Audiences {
		if slices.Contains(audiences, a) {
			continue
		}
		for _, name := range audienceFiles[a] {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				out = append(out, name)
			}
		}
	}
	return out
}

// writeFiles writes files to temporary files in dir and then renames them
// into place, so an interrupted or failed run leaves no half report.
func writeFiles(dir string, files []reportFile) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create output directory: %w", err)
	}
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			_ = os.Remove(t)
		}
	}
	for _, o := range files {
		tmp, err := atomicfile.Temp(dir, o.name, 0o644, o.write)
		if err != nil {
			cleanup()
			return fmt.Errorf("write %s: %w", filepath.Join(dir, o.name), err)
		}
		temps = append(temps, tmp)
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
				return fmt.Errorf("replace %s (is it open in another program?): %w", final, err)
			}
			moved = append(moved, final)
		}
		if err := os.Rename(temps[i], final); err != nil {
			rollback()
			return fmt.Errorf("write %s: %w", final, err)
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
func saveHistory(dir string, run *results.Run) (path string, dropped []string, err error) {
	path = filepath.Join(dir, trend.FileName(run))
	if old, err := trend.ReadFile(path); err == nil {
		if dropped = droppedChecks(old.Run, run); len(dropped) > 0 {
			return path, dropped, nil
		}
	}
	fg := audience.FG(run)
	path, err = trend.Save(dir, run, func(w io.Writer, _ *results.Run) error {
		return reports.JSONReporter{}.Write(w, fg, reports.Options{})
	})
	if err != nil {
		return "", nil, fmt.Errorf("keep the results in the history folder: %w", err)
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
// it into place, so a failed write leaves no half file.
func writeFileAtomic(name string, data []byte) error {
	err := atomicfile.Write(name, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
