package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/atomicfile"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/reports"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/samples"
)

const auditVersion = audit.Version

// Report file names in the output directory.
const (
	XLSXName = "rapport.xlsx"
	HTMLName = "rapport.html"
	JSONName = "resultaten.json"
)

// auditOptions are the audit command's flags.
type auditOptions struct {
	AsOf           string
	Out            string
	DB             string
	Policy         string
	Lang           string
	Strict         bool
	FailOnFindings bool
	Quiet          bool
	Checks         string
	Only, Skip     []string
	PasswordFile   string
	Audiences      []string
	Previous       string
	AcceptedRisks  string
	PseudonymKey   string
	NoHistory      bool
}

func (o *auditOptions) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.AsOf, "as-of", "", "reference `DATE` (YYYY-MM-DD) of the audit: retention and deadlines are measured\nfrom it (default: the manifest's as_of, else today; the samples use 2026-09-01)")
	fs.StringVar(&o.Out, "out", "avgaudit-rapport", "output `DIR` for the reports (and, in "+HistoryDirName+"/, the history of earlier audits)")
	fs.StringSliceVar(&o.Audiences, "audience", []string{"risk"}, "write the reports for `LIST`: risk (annual risk analysis: "+HTMLName+", ...), fg (the FG's\nspot check, full detail: rapport-fg.*), management (the board, no personal data:\nrapport-bestuur.*) or all; comma-separated")
	fs.StringVar(&o.Previous, "previous", "", "compare with last year's results: a resultaten.json / resultaten-fg.json `PATH`, or a\nhistory folder (default: the manifest's previous, else the newest earlier run in\nOUT/"+HistoryDirName+")")
	fs.StringVar(&o.AcceptedRisks, "accepted-risks", "", "accepted-risk register `FILE` (YAML, docs/accepted-risks.md); a registers sheet\nmapped to accepted_risks is applied too")
	fs.StringVar(&o.PseudonymKey, "pseudonym-key", "", "key `FILE` for the risk report's pseudonyms (default: OUT/"+HistoryDirName+"/"+KeyFileName+",\nmade on first use; keep it to compare pseudonyms next year)")
	fs.BoolVar(&o.NoHistory, "no-history", false, "do not keep the results in OUT/"+HistoryDirName+" and do not compare with it")
	fs.StringVar(&o.DB, "db", "", "keep the DuckDB database in `FILE` to query later (default: in memory)")
	fs.StringVar(&o.Policy, "policy", "", "policy `FILE` (YAML) with periods and thresholds (docs/policy.md); overrides the manifest's policy")
	fs.StringVar(&o.Lang, "lang", "nl", "report `LANG`: nl (Dutch) or en (English)")
	fs.BoolVar(&o.Strict, "strict", false, "treat any rejected input row as an error (exit 1, no reports)")
	fs.BoolVar(&o.FailOnFindings, "fail-on-findings", false, "exit with code 3 when checks found issues")
	fs.BoolVarP(&o.Quiet, "quiet", "q", false, "print only warnings and errors")
	fs.StringVar(&o.Checks, "checks", "", "also run your own checks: every .sql file in `DIR` (format: docs/checks.md)")
	fs.StringSliceVar(&o.Only, "only", nil, "run only the checks in `LIST`: comma-separated check ids or area codes\n(e.g. toestemming,request_overdue); repeatable")
	fs.StringSliceVar(&o.Skip, "skip", nil, "do not run the checks in `LIST`: comma-separated check ids or area codes; repeatable")
	fs.StringVar(&o.PasswordFile, "password-file", "", "open password-protected workbooks with the password in `FILE` (the file holds\nonly the password; it is never printed)")
}

const auditHelp = `Usage: avgaudit audit [SOURCE_DIR] [flags]

Loads every export listed in SOURCE_DIR/manifest.yaml into DuckDB (without a manifest:
the exports recognised as avgaudit init would), runs the checks (all built-in ones,
narrowed by --only/--skip, plus your own with --checks), compares with last year's
results and applies the accepted-risk register, and writes the reports to --out, per
audience (--audience):
  risk        %s, %s, %s: the annual risk analysis (risk scores and
              matrix, trend, accepted risks, data quality, method); pseudonymised
  fg          rapport-fg.html, rapport-fg.xlsx, resultaten-fg.json: every finding with
              its record, source file and row, for the FG to act on
  management  rapport-bestuur.html, .xlsx, resultaten-bestuur.json: one page for the
              board, no personal data, counts below 5 shown as "< 5"
The full results are also kept in OUT/historie/ for next year's comparison.
Without SOURCE_DIR the sample organisation built into avgaudit is audited.

The manifest names per system (admin, portal, tracking, register) the product and per
file the canonical table, the sheet (xlsx), the column mapping and value mappings;
see docs/manifest.md. Export columns the audit does not need are not loaded.
Rows with values that cannot be read are not loaded but listed as rejected, with
file, row, column and the expected form, on the terminal and in every report.

Flags:
%s
Examples:
  avgaudit audit
  avgaudit audit ./exports --as-of 2026-09-01 --out ./rapport
  avgaudit audit ./exports --db audit.duckdb --lang en
  avgaudit audit ./exports --only toestemming,bewaartermijnen --skip consent_reconfirmation
  avgaudit audit ./exports --checks ./eigen-controles
  avgaudit audit ./exports --audience all --previous ./vorig-jaar/resultaten-fg.json
  avgaudit audit ./exports --accepted-risks ./geaccepteerde-risicos.yaml
  duckdb audit.duckdb "SELECT * FROM portal_photos LIMIT 5"

EXIT STATUS
  0  the audit ran and the reports were written (also when checks found issues)
  1  the audit could not be completed (bad manifest or input, unreadable file, --strict with rejects)
  2  the command line is wrong
  3  with --fail-on-findings: the reports were written and checks found open issues
     (findings not covered by an accepted risk)
`

func (e *env) runAudit(ctx context.Context, args []string) error {
	var o auditOptions
	flags := pflag.NewFlagSet("audit", pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	o.AddFlags(flags)
	flags.SortFlags = false
	if err := flags.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			fmt.Fprintf(e.stdout, auditHelp, HTMLName, XLSXName, JSONName, flagUsages(flags))
			return err
		}
		return usagef("%v (see avgaudit audit --help)", err)
	}
	if err := checkLang(o.Lang); err != nil {
		return err
	}
	checks, err := loadChecks(o.Checks, o.Only, o.Skip)
	if err != nil {
		return err
	}
	e.lang = o.Lang
	opt, source, err := e.sourceOptions("audit", flags.Args(), o.AsOf, o.PasswordFile, o.Quiet)
	if err != nil {
		return err
	}
	opt.PolicyFile, opt.DBPath, opt.Strict, opt.Checks = o.Policy, o.DB, o.Strict, checks
	audiences, err := parseAudiences(o.Audiences)
	if err != nil {
		return err
	}
	historyDir := filepath.Join(o.Out, HistoryDirName)
	if !o.NoHistory {
		opt.HistoryDir = historyDir
	}
	opt.PreviousFile, opt.AcceptedFile = o.Previous, o.AcceptedRisks
	pseud, saveKey, err := pseudonymiser(o.PseudonymKey, historyDir, flags.NArg() == 0, o.NoHistory)
	if err != nil {
		return err
	}
	opt.Pseudonymiser = pseud
	if o.DB != "" {
		if _, err := os.Stat(o.DB); err == nil {
			return usagef("--db %s already exists; choose a new file name or remove it first", o.DB)
		}
	}
	e.infof(o.Quiet, e.tr(msgAuditing), auditVersion, source)
	run, err := audit.Audit(ctx, opt)
	var rejected *audit.RejectsError
	if errors.As(err, &rejected) {
		e.printRejects(rejected.Rows, rejected.Rejects, "")
		return err
	}
	if err != nil {
		return fmt.Errorf("%s: %w", source, err)
	}
	e.printLoad(run, o.Quiet)
	files := audienceReports(run, audiences, o.Lang, pseud)
	if err := writeFiles(o.Out, files); err != nil {
		return err
	}
	e.printChecks(run, o.Quiet)
	e.printOutcome(run, o.Quiet)
	e.infof(o.Quiet, e.tr(msgWritten), o.Out, fileNames(files))
	if old := otherAudienceFiles(o.Out, audiences); len(old) > 0 {
		fmt.Fprintf(e.stderr, e.tr(msgOtherAudiences), o.Out, strings.Join(old, ", "))
	}
	if saveKey != nil {
		path, err := saveKey()
		if err != nil {
			return err
		}
		e.infof(o.Quiet, e.tr(msgKeyCreated), path)
	}
	if !o.NoHistory {
		path, dropped, err := saveHistory(historyDir, run)
		switch {
		case err != nil:
			return err
		case len(dropped) > 0:
			e.infof(o.Quiet, e.tr(msgHistoryKept), path, len(dropped), firstFew(dropped))
		default:
			e.infof(o.Quiet, e.tr(msgHistory), path)
		}
	}
	if o.DB != "" {
		e.infof(o.Quiet, e.tr(msgDBKept), o.DB)
	}
	if o.FailOnFindings && run.Summary.Open > 0 {
		return errFindings
	}
	return nil
}

// firstFew lists the first three ids, and "..." when there are more.
func firstFew(ids []string) string {
	if len(ids) > 3 {
		return strings.Join(ids[:3], ", ") + ", ..."
	}
	return strings.Join(ids, ", ")
}

func (e *env) infof(quiet bool, format string, args ...any) {
	if !quiet {
		fmt.Fprintf(e.stdout, format, args...)
	}
}

// checkLang accepts the report languages there are.
func checkLang(lang string) error {
	if lang != "nl" && lang != "en" {
		return usagef("--lang %q: choose nl or en", lang)
	}
	return nil
}

// sourceOptions sets up the audit options every command that loads the
// exports shares: the source (SOURCE_DIR in args, or the sample
// organisation built into avgaudit without one), the reference date, the
// password and the progress bar. It also returns how messages name the
// source.
func (e *env) sourceOptions(cmd string, args []string, asOf, passwordFile string, quiet bool) (audit.Options, string, error) {
	opt := audit.Options{Today: e.now()}
	if len(args) > 1 {
		return opt, "", usagef("%s takes one SOURCE_DIR, got %d: %s", cmd, len(args), strings.Join(args, " "))
	}
	opt.Recognised = e.noticeRecognised // no manifest.yaml: say what was recognised
	if passwordFile != "" {
		pw, err := readPassword(passwordFile)
		if err != nil {
			return opt, "", usagef("--password-file: %v", err)
		}
		opt.Password = pw
	}
	if f, ok := e.stderr.(*os.File); ok {
		opt.Progress = ingest.TerminalProgress(f, quiet) // nil unless stderr is a terminal
	}
	if asOf != "" {
		t, err := time.Parse(time.DateOnly, asOf)
		if err != nil {
			return opt, "", usagef("--as-of %q: expected a date like 2026-09-01", asOf)
		}
		opt.AsOf = t
	}
	if len(args) == 0 {
		sub, err := fs.Sub(samples.Org, "org")
		if err != nil {
			return opt, "", err
		}
		opt.Source, opt.Dir = sub, "."
		return opt, e.tr(msgSampleSource), nil
	}
	dir := args[0]
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return opt, "", usagef("SOURCE_DIR %q is not a directory", dir)
	}
	opt.Source, opt.Dir = os.DirFS(dir), "."
	return opt, dir, nil
}

// maxRejectsShown limits the rejects printed on the terminal; the reports list all.
const maxRejectsShown = 10

func (e *env) printLoad(run *results.Run, quiet bool) {
	e.infof(quiet, e.tr(msgLoaded), run.AsOf, len(run.Inputs))
	names := make([]string, len(run.Inputs))
	nameWidth, tableWidth := 0, 0
	for i, in := range run.Inputs {
		names[i] = in.File
		if in.Sheet != "" {
			names[i] += " [" + in.Sheet + "]"
		}
		nameWidth = max(nameWidth, utf8.RuneCountInString(names[i]))
		tableWidth = max(tableWidth, len(in.Table))
	}
	for i, in := range run.Inputs {
		e.infof(quiet, "  %-*s -> %-*s "+e.tr(msgRows), nameWidth, names[i], tableWidth, in.Table, in.RowsLoaded)
		if in.RowsRejected > 0 {
			e.infof(quiet, e.tr(msgRejectedRows), in.RowsRejected)
		}
		e.infof(quiet, "\n")
		if len(in.SkippedColumns) > 0 {
			e.infof(quiet, e.tr(msgSkipped), strings.Join(in.SkippedColumns, ", "))
		}
		if len(in.NeededColumns) > 0 {
			e.infof(quiet, e.tr(msgNeededColumns), strings.Join(in.NeededColumns, ", "))
		}
		if len(in.UnusedColumns) > 0 {
			e.infof(quiet, e.tr(msgUnusedColumns), strings.Join(in.UnusedColumns, ", "))
		}
	}
	if run.Summary.RowsRejected > 0 {
		files := XLSXName + ", " + HTMLName + e.tr(msgAnd) + JSONName
		listed := fmt.Sprintf(e.tr(msgAllListed), files)
		if notListed := run.RejectsNotListed(); notListed > 0 {
			listed = fmt.Sprintf(e.tr(msgFirstListed), ingest.MaxKeptRejects, files, notListed)
		}
		e.printRejects(run.Summary.RowsRejected, run.Rejects, listed)
	}
}

// printRejects tells which rows were not loaded and why, the first few in full.
func (e *env) printRejects(rows int, rejects []results.Reject, more string) {
	fmt.Fprintf(e.stderr, e.tr(msgNotLoaded), rows)
	for i, r := range rejects {
		if i == maxRejectsShown {
			fmt.Fprintf(e.stderr, e.tr(msgMoreProblems), len(rejects)-maxRejectsShown)
			if more != "" {
				fmt.Fprintf(e.stderr, "; %s", more)
			}
			fmt.Fprintln(e.stderr)
			break
		}
		where := r.File
		if r.Sheet != "" && !strings.Contains(where, "[") {
			where += " [" + r.Sheet + "]"
		}
		if r.Column != "" {
			fmt.Fprintf(e.stderr, e.tr(msgRowColumn), where, r.Row, r.Column, e.tr(text(r.Reason)))
		} else {
			fmt.Fprintf(e.stderr, e.tr(msgRow), where, r.Row, e.tr(text(r.Reason)))
		}
	}
}

func (e *env) printChecks(run *results.Run, quiet bool) {
	e.infof(quiet, e.tr(msgChecksSummary),
		run.Summary.Checks, run.Summary.ChecksWithIssue, run.Summary.ChecksRun-run.Summary.ChecksWithIssue,
		run.Summary.ChecksNotRun, run.Summary.ChecksFailed, run.Summary.Findings)
	for _, c := range run.Checks {
		status := e.tr(msgPassed)
		if len(c.Warnings) > 0 {
			status += e.tr(msgIncomplete)
		}
		switch c.Status {
		case results.StatusFindings:
			status = fmt.Sprintf(e.tr(msgFindings), len(c.Findings))
		case results.StatusNotRun:
			status = e.tr(msgNotRun) + e.tr(text(*c.Reason))
		case results.StatusError:
			status = e.tr(msgFailed)
			fmt.Fprintf(e.stderr, e.tr(msgCheckWarning), c.ID, e.tr(text(*c.Reason)))
		}
		severity := c.Severity
		if t, ok := severityNames[severity]; ok {
			severity = e.tr(t)
		}
		e.infof(quiet, "  %-30s %-8s %s\n", c.ID, severity, status)
		for _, w := range c.Warnings {
			fmt.Fprintf(e.stderr, e.tr(msgCheckWarning), c.ID, e.tr(text(w)))
		}
	}
}

// reportFile is one file of the output set: its name in the output
// directory and how to write it.
type reportFile struct {
	name  string
	write func(io.Writer) error
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

// writeReports writes the JSON, Excel and HTML reports of run to dir as one
// set (see writeFiles).
func writeReports(dir string, run *results.Run, opt reports.Options) error {
	var files []reportFile
	for _, o := range []struct {
		name string
		r    reports.Reporter
	}{
		{JSONName, reports.JSONReporter{}},
		{XLSXName, reports.XLSXReporter{}},
		{HTMLName, reports.HTMLReporter{}},
	} {
		r := o.r
		files = append(files, reportFile{o.name, func(w io.Writer) error { return r.Write(w, run, opt) }})
	}
	return writeFiles(dir, files)
}

// readPassword reads a password file: its first line, without the line end
// (editors add one). The password itself never appears in a message.
func readPassword(name string) (string, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	pw, _, _ := strings.Cut(string(b), "\n")
	pw = strings.TrimSuffix(strings.TrimPrefix(pw, "\ufeff"), "\r")
	if pw == "" {
		return "", fmt.Errorf("%s is empty; put the workbook's password on its first line", name)
	}
	return pw, nil
}
