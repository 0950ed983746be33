package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/avgaudit/avgaudit/audience"
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

// audienceFiles names the report files of each audience in the output
// directory: the risk analysis keeps the names of earlier versions.
var audienceFiles = map[string][3]string{
	results.AudienceRisk:       {JSONName, XLSXName, HTMLName},
	results.AudienceFG:         {"resultaten-fg.json", "rapport-fg.xlsx", "rapport-fg.html"},
	results.AudienceManagement: {"resultaten-bestuur.json", "rapport-bestuur.xlsx", "rapport-bestuur.html"},
}

// parseAudiences turns --audience values into audiences in report order.
func parseAudiences(list []string) ([]string, error) {
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
			return nil, usagef("--audience %q: choose management, risk, fg or all (comma-separated for several)", a)
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

// audienceReports lists the files of each audience for writeFiles: the run
// prepared for the audience (pseudonymised for the risk analysis, full for
// the FG, aggregated by the reporters for management) in each format.
func audienceReports(run *results.Run, audiences []string, lang string, p *pseudonym.Pseudonymiser) []reportFile {
	var files []reportFile
	for _, a := range audiences {
		prepared := run
		switch a {
		case results.AudienceRisk:
			prepared = audience.Risk(run, p)
		case results.AudienceFG:
			prepared = audience.FG(run)
		}
		names := audienceFiles[a]
		opt := reports.Options{Lang: lang, Audience: a, Workbook: names[1]}
		for i, r := range []reports.Reporter{reports.JSONReporter{}, reports.XLSXReporter{}, reports.HTMLReporter{}} {
			files = append(files, reportFile{names[i], func(w io.Writer) error { return r.Write(w, prepared, opt) }})
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

// fileNames lists the names of files, for the terminal.
func fileNames(files []reportFile) string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// pseudonymiser returns the pseudonymiser of the run: the key in keyFile
// (--pseudonym-key), else the built-in sample's fixed key when the sample
// is audited, else the key kept in the history folder (a key of this run
// only with --no-history). A key that does not
// exist yet is made in memory; save (nil when there is nothing to save)
// writes it once the reports are written, so a failed run leaves nothing.
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
		return reports.JSONReporter{}.Write(w, audience.FG(r), reports.Options{Audience: results.AudienceFG})
	}
	if fgJSON != "" {
		data, err := os.ReadFile(fgJSON)
		if err != nil {
			return "", nil, fmt.Errorf("keep the results in the history folder: %w", err)
		}
		write = func(w io.Writer, _ *results.Run) error {
			_, err := w.Write(data)
			return err
		}
	}
	path, err = trend.Save(dir, run, write)
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

// printOutcome says what the comparison with last year and the
// accepted-risk register did.
func (e *env) printOutcome(run *results.Run, quiet bool) {
	s := run.Summary
	if run.Previous != nil {
		e.infof(quiet, "\n"+e.tr(msgPrevious), run.Previous.AsOf, run.Previous.File, s.New, s.Persisting, s.Resolved)
	}
	if len(run.Acceptances) == 0 {
		return
	}
	e.infof(quiet, e.tr(msgAccepted), s.Accepted, s.Open)
	for _, a := range run.Acceptances {
		status := a.Status
		if status == results.AcceptanceExpired && a.Matched == 0 {
			status = "expired_unmatched"
		}
		if t, ok := acceptanceStatus[status]; ok {
			status = e.tr(t)
		}
		e.infof(quiet, e.tr(msgAcceptance), a.ID, a.CheckID, a.RecordKey, status)
	}
}
