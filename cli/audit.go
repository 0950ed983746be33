package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/app"
	"github.com/avgaudit/avgaudit/phases"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/vocab"
)

const auditVersion = app.Version

// Report file names in the output directory and the history folder.
const (
	XLSXName       = app.XLSXName
	HTMLName       = app.HTMLName
	JSONName       = app.JSONName
	HistoryDirName = app.HistoryDirName
	KeyFileName    = app.KeyFileName
)

// auditOptions are the audit command's flags.
type auditOptions struct {
	shared
	Out            string
	DB             string
	Policy         string
	Strict         bool
	FailOnFindings bool
	Quiet          bool
	Checks         string
	Only, Skip     []string
	Audiences      []string
	Previous       string
	AcceptedRisks  string
	PseudonymKey   string
	NoHistory      bool
	Timings        bool
	Encrypt        bool
	EncryptFile    string
	FGOpenFormats  bool
}

func (o *auditOptions) AddFlags(fs *pflag.FlagSet) {
	o.addAsOf(fs, "reference `DATE` (YYYY-MM-DD) of the audit: retention and deadlines are measured\nfrom it (default: the manifest's as_of, else today; the samples use 2026-09-01)")
	fs.StringVar(&o.Out, "out", "avgaudit-rapport", "output `DIR` for the reports (and, in "+HistoryDirName+"/, the history of earlier audits)")
	fs.StringSliceVar(&o.Audiences, "audience", []string{"risk"}, "write the reports for `LIST`: risk (annual risk analysis: "+HTMLName+", ...), fg (the FG's\nspot check, full detail: rapport-fg.*), management (the board, no personal data:\nrapport-bestuur.*) or all; comma-separated")
	fs.StringVar(&o.Previous, "previous", "", "compare with last year's results: a resultaten.json / resultaten-fg.json `PATH`, or a\nhistory folder (default: the manifest's previous, else the newest earlier run in\nOUT/"+HistoryDirName+")")
	fs.StringVar(&o.AcceptedRisks, "accepted-risks", "", "accepted-risk register `FILE` (YAML, docs/accepted-risks.md); a registers sheet\nmapped to accepted_risks is applied too")
	fs.StringVar(&o.PseudonymKey, "pseudonym-key", "", "key `FILE` for the risk report's pseudonyms (default: OUT/"+HistoryDirName+"/"+KeyFileName+",\nmade on first use; keep it to compare pseudonyms next year)")
	fs.BoolVar(&o.NoHistory, "no-history", false, "do not keep the results in OUT/"+HistoryDirName+" and do not compare with it")
	fs.BoolVar(&o.Timings, "timings", false, "print the wall time, CPU time and peak memory of each phase of the run (on stderr)")
	fs.StringVar(&o.DB, "db", "", "keep the DuckDB database in `FILE` to query later (default: in memory)")
	fs.StringVar(&o.Policy, "policy", "", "policy `FILE` (YAML) with periods and thresholds (docs/policy.md); overrides the manifest's policy")
	o.addLang(fs, "report `LANG`: nl (Dutch) or en (English)")
	fs.BoolVar(&o.Strict, "strict", false, "treat any rejected input row as an error (exit 1, no reports)")
	fs.BoolVar(&o.FailOnFindings, "fail-on-findings", false, "exit with code 3 when checks found issues")
	fs.BoolVarP(&o.Quiet, "quiet", "q", false, "print only warnings and errors")
	fs.StringVar(&o.Checks, "checks", "", "also run your own checks: every .sql file in `DIR` (format: docs/checks.md)")
	fs.StringSliceVar(&o.Only, "only", nil, "run only the checks in `LIST`: comma-separated check ids or area codes\n(e.g. toestemming,request_overdue); repeatable")
	fs.StringSliceVar(&o.Skip, "skip", nil, "do not run the checks in `LIST`: comma-separated check ids or area codes; repeatable")
	o.addPasswordFile(fs, "open password-protected workbooks with the password in `FILE` (the file holds\nonly the password; it is never printed)")
	fs.BoolVar(&o.Encrypt, "encrypt", false, "protect the Excel reports with a password, taken from the environment variable\n"+app.EncryptEnv+" or the file of --encrypt-password-file (never from the command\nline, which others can see); the FG's HTML and JSON are then not written")
	fs.StringVar(&o.EncryptFile, "encrypt-password-file", "", "with --encrypt: the reports' password is the first line of `FILE`")
	fs.BoolVar(&o.FGOpenFormats, "fg-html-json", false, "with --encrypt: write the FG's HTML and JSON all the same (they cannot be encrypted)")
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
			e.fprintf(e.stdout, e.tr(text{auditHelpNL, auditHelp}), HTMLName, XLSXName, JSONName, e.flagUsages("audit", flags))
			return err
		}
		return e.flagError("audit", flags, err)
	}
	if err := checkLang(o.Lang); err != nil {
		return err
	}
	if o.Timings {
		rec := phases.New()
		ctx = phases.With(ctx, rec)
		defer func() { _ = rec.Write(e.stderr) }()
	}
	e.lang = o.Lang
	src, source, err := e.source("audit", flags.Args(), o.shared, o.Quiet)
	if err != nil {
		return err
	}
	opt := app.AuditOptions{
		Source: src, Out: o.Out, DB: o.DB, Policy: o.Policy, Lang: o.Lang, Strict: o.Strict,
		FailOnFindings: o.FailOnFindings, ChecksDir: o.Checks, Only: o.Only, Skip: o.Skip,
		Audiences: o.Audiences, Previous: o.Previous, AcceptedRisks: o.AcceptedRisks,
		PseudonymKey: o.PseudonymKey, NoHistory: o.NoHistory,
		Encrypt: o.Encrypt, EncryptFile: o.EncryptFile, FGOpenFormats: o.FGOpenFormats,
		Cleaned: func(n int) { e.infof(o.Quiet, e.tr(msgLeftovers), vocab.Count(n), o.Out) },
		Started: func() { e.infof(o.Quiet, e.tr(msgAuditing), auditVersion, source) },
		Loaded:  func(run *results.Run) { e.printLoad(run, o.Quiet, rejectsAudience(o.Audiences)) },
	}
	out, err := app.Audit(ctx, opt)
	var rejected *app.RejectsError
	var srcErr *app.SourceError
	switch {
	case errors.As(err, &rejected):
		e.printRejects(rejected.Rows, rejected.Rejects, "")
		return err
	case errors.As(err, &srcErr):
		return vocab.Wrapf(err, "%s", "%s", source)
	case out == nil || len(out.Files) == 0:
		return err
	}
	run := out.Run
	e.printChecks(run, o.Quiet)
	e.printOutcome(run, o.Quiet)
	e.infof(o.Quiet, e.tr(msgWritten), o.Out, strings.Join(out.Files, ", "))
	if len(out.Encrypted) > 0 {
		e.infof(o.Quiet, e.tr(msgEncrypted), strings.Join(out.Encrypted, ", "))
	}
	if old := out.OtherAudienceFiles; len(old) > 0 {
		e.fprintf(e.stderr, e.tr(msgOtherAudiences), o.Out, strings.Join(old, ", "))
	}
	if out.KeyCreated != "" {
		e.infof(o.Quiet, e.tr(msgKeyCreated), out.KeyCreated)
	}
	if err != nil && !errors.Is(err, app.ErrFindings) {
		return err
	}
	switch {
	case out.HistoryFile == "":
	case len(out.HistoryKept) > 0:
		e.infof(o.Quiet, e.tr(msgHistoryKept), out.HistoryFile, vocab.Count(len(out.HistoryKept)), firstFew(out.HistoryKept))
	default:
		e.infof(o.Quiet, e.tr(msgHistory), out.HistoryFile)
	}
	if o.DB != "" {
		e.infof(o.Quiet, e.tr(msgDBKept), o.DB)
	}
	return err
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
		e.fprintf(e.stdout, format, args...)
	}
}

// source sets up what every command that loads the exports shares: the
// source (SOURCE_DIR in args, or the sample organisation built into
// avgaudit without one), the reference date, the password and the progress
// bar. It also returns how messages name the source.
func (e *env) source(cmd string, args []string, sh shared, quiet bool) (app.Source, string, error) {
	src := app.Source{Today: e.now(), PasswordFile: sh.PasswordFile}
	if len(args) > 1 {
		return src, "", app.Usage2f("%s takes one SOURCE_DIR, got %d: %s", "%s heeft één BRONMAP nodig, kreeg er %d: %s", cmd, len(args), strings.Join(args, " "))
	}
	src.Recognised = e.noticeRecognised // no manifest.yaml: say what was recognised
	if f, ok := e.stderr.(*os.File); ok {
		src.Progress = app.TerminalProgress(f, quiet, e.lang) // nil unless stderr is a terminal
	}
	asOf, err := sh.asOf()
	if err != nil {
		return src, "", err
	}
	src.AsOf = asOf
	if len(args) == 0 {
		return src, e.tr(msgSampleSource), nil
	}
	src.Dir = args[0]
	return src, src.Dir, nil
}

// maxRejectsShown limits the rejects printed on the terminal; the reports list all.
const maxRejectsShown = 10

// maxSkippedShown limits the skipped columns of an export printed on the
// terminal: an export can have 10,000.
const maxSkippedShown = 10

// rejectsAudience is the audience whose reports the terminal names for the
// rejected rows: the risk analysis, or the FG's when only that is written.
func rejectsAudience(list []string) string {
	auds, _ := app.ParseAudiences(list)
	if slices.Contains(auds, results.AudienceFG) && !slices.Contains(auds, results.AudienceRisk) {
		return results.AudienceFG
	}
	return results.AudienceRisk
}

func (e *env) printLoad(run *results.Run, quiet bool, audience string) {
	e.infof(quiet, e.tr(msgLoaded), run.AsOf, vocab.Count(len(run.Inputs)))
	names := make([]string, len(run.Inputs))
	nameWidth, tableWidth, rowsWidth := 0, 0, 0
	for i, in := range run.Inputs {
		rowsWidth = max(rowsWidth, len(vocab.Count(in.RowsLoaded).In(e.lang)))
		names[i] = in.File
		if in.Sheet != "" {
			names[i] += " [" + in.Sheet + "]"
		}
		names[i] = app.MaskBSNs(names[i]) // a file named after a child's BSN
		nameWidth = max(nameWidth, utf8.RuneCountInString(names[i]))
		tableWidth = max(tableWidth, len(in.Table))
	}
	for i, in := range run.Inputs {
		e.infof(quiet, "  %-*s -> %-*s "+e.tr(msgRows), nameWidth, names[i], tableWidth, in.Table, rowsWidth, vocab.Count(in.RowsLoaded))
		if in.RowsRejected > 0 {
			e.infof(quiet, e.tr(msgRejectedRows), vocab.Count(in.RowsRejected))
		}
		e.infof(quiet, "\n")
		if len(in.SkippedColumns) > 0 {
			e.infof(quiet, e.tr(msgSkipped), app.MaskBSNs(e.tr(text(results.ShortList(in.SkippedColumns, maxSkippedShown)))))
		}
		if len(in.NeededColumns) > 0 {
			e.infof(quiet, e.tr(msgNeededColumns), strings.Join(in.NeededColumns, ", "))
		}
		if len(in.UnusedColumns) > 0 {
			e.infof(quiet, e.tr(msgUnusedColumns), strings.Join(in.UnusedColumns, ", "))
		}
		for _, w := range in.LinkWarnings { // another system's ids: checks give false findings
			e.fprintf(e.stderr, e.tr(msgLinkWarning), e.tr(text(w)))
		}
	}
	if run.Summary.RowsRejected > 0 {
		jsonName, xlsxName, htmlName := app.ReportFiles(audience)
		files := xlsxName + ", " + htmlName + e.tr(msgAnd) + jsonName
		listed := e.sprintf(msgAllListed, files)
		if notListed := run.RejectsNotListed(); notListed > 0 {
			listed = e.sprintf(msgFirstListed, vocab.Count(app.MaxKeptRejects), files, vocab.Count(notListed))
		}
		e.printRejects(run.Summary.RowsRejected, run.Rejects, listed)
	}
}

// printRejects tells which rows were not loaded and why, the first few
// groups in full: the rows of one file and column refused for the same
// reason are one line ("60 rijen: "TS-…" is geen ja of nee").
func (e *env) printRejects(rows int, rejects []results.Reject, more string) {
	e.fprintf(e.stderr, e.tr(msgNotLoaded), vocab.Count(rows))
	groups := results.GroupRejects(rejects)
	if more != "" && len(groups) <= maxRejectsShown && len(groups) < rows {
		defer e.fprintf(e.stderr, "  %s\n", more) // where to read the rows of the groups
	}
	for i, g := range groups {
		if i == maxRejectsShown {
			e.fprintf(e.stderr, e.tr(msgMoreProblems), vocab.Count(len(groups)-maxRejectsShown))
			if more != "" {
				e.fprintf(e.stderr, "; %s", more)
			}
			fmt.Fprintln(e.stderr)
			break
		}
		r := g.First
		where := r.File
		if r.Sheet != "" && !strings.Contains(where, "[") {
			where += " [" + r.Sheet + "]"
		}
		where = app.MaskBSNs(where)
		switch {
		case len(g.Rows) > 1:
			e.fprintf(e.stderr, e.tr(msgRowsColumn), where, r.Column, vocab.Count(len(g.Rows)), rowList(g.Rows), e.tr(text(g.Reason)))
		case r.Column != "":
			e.fprintf(e.stderr, e.tr(msgRowColumn), where, r.Row, r.Column, e.tr(text(r.Reason)))
		default:
			e.fprintf(e.stderr, e.tr(msgRow), where, r.Row, e.tr(text(r.Reason)))
		}
	}
}

// rowList names the first rows of a group: "2, 3, 5, …".
func rowList(rows []int) string {
	const shown = 5
	var parts []string
	for i, r := range rows {
		if i == shown {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Itoa(r))
	}
	return strings.Join(parts, ", ")
}

func (e *env) printChecks(run *results.Run, quiet bool) {
	e.infof(quiet, e.tr(msgChecksSummary),
		vocab.Count(run.Summary.Checks), vocab.Count(run.Summary.ChecksWithIssue), vocab.Count(run.Summary.ChecksRun-run.Summary.ChecksWithIssue),
		vocab.Count(run.Summary.ChecksNotRun), vocab.Count(run.Summary.ChecksFailed), vocab.Count(run.Summary.Findings))
	idW, sevW := 0, 0
	severities := make([]string, len(run.Checks))
	for i, c := range run.Checks {
		severities[i] = c.Severity
		if t, ok := app.Severity(c.Severity); ok {
			severities[i] = e.tr(text(t))
		}
		idW = max(idW, utf8.RuneCountInString(c.ID))
		sevW = max(sevW, utf8.RuneCountInString(severities[i]))
	}
	for i, c := range run.Checks {
		status := e.tr(msgPassed)
		if len(c.Warnings) > 0 {
			status += e.tr(msgIncomplete)
		}
		switch c.Status {
		case results.StatusFindings:
			status = e.sprintf(msgFindings, vocab.Count(c.NFindings()))
		case results.StatusNotRun:
			status = e.tr(msgNotRun) + e.tr(text(*c.Reason))
		case results.StatusError:
			status = e.tr(msgFailed)
			e.fprintf(e.stderr, e.tr(msgCheckWarning), c.ID, e.tr(text(*c.Reason)))
		}
		e.infof(quiet, "  %s  %s  %s\n", pad(c.ID, idW), pad(severities[i], sevW), status)
		for _, w := range c.Warnings {
			e.fprintf(e.stderr, e.tr(msgCheckWarning), c.ID, e.tr(text(w)))
		}
	}
}

// printOutcome says what the comparison with last year and the
// accepted-risk register did.
func (e *env) printOutcome(run *results.Run, quiet bool) {
	s := run.Summary
	if run.Previous != nil {
		e.infof(quiet, "\n"+e.tr(msgPrevious), run.Previous.AsOf, app.MaskBSNs(run.Previous.File), vocab.Count(s.New), vocab.Count(s.Persisting), vocab.Count(s.Resolved))
	}
	if len(run.Acceptances) == 0 {
		return
	}
	e.infof(quiet, e.tr(msgAccepted), vocab.Count(s.Accepted), vocab.Count(s.Open))
	idW, checkW, keyW := 0, 0, 0
	for _, a := range run.Acceptances {
		idW = max(idW, utf8.RuneCountInString(a.ID))
		checkW = max(checkW, utf8.RuneCountInString(a.CheckID))
		keyW = max(keyW, utf8.RuneCountInString(app.MaskBSNs(a.RecordKey)))
	}
	for _, a := range run.Acceptances {
		status := a.Status
		if status == results.AcceptanceExpired && a.Matched == 0 {
			status = "expired_unmatched"
		}
		if t, ok := acceptanceStatus[status]; ok {
			status = e.tr(t)
		}
		e.infof(quiet, "  %s  %s  %s  %s\n", pad(a.ID, idW), pad(a.CheckID, checkW), pad(app.MaskBSNs(a.RecordKey), keyW), status)
	}
}
