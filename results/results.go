// Package results holds the outcome of an audit run: the structure behind
// resultaten.json and the input of every reporter. Its JSON form is a
// versioned, documented contract (docs/results-schema.md).
package results

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/vocab"
)

// SchemaVersion is the version of the JSON form. Bump it on any change that
// a reader of an older file could misread.
const SchemaVersion = 2

// Audiences a report is written for. The same run gives each its own files.
const (
	// AudienceRisk is the annual risk analysis (the default): risk scores,
	// matrix, trend, accepted risks, data quality and methodology, with
	// pseudonymised record keys.
	AudienceRisk = "risk"
	// AudienceFG is the data protection officer's spot check: full detail
	// (names allowed, BSN masked), every finding with its source file and row.
	AudienceFG = "fg"
	// AudienceManagement is the board: aggregates only, no personal data,
	// counts below 5 shown as "< 5".
	AudienceManagement = "management"
)

// Audiences lists the audiences in the order reports are written.
var Audiences = []string{AudienceManagement, AudienceRisk, AudienceFG}

// Trend marks of a finding against the previous run.
const (
	TrendNew        = "new"        // not in the previous run
	TrendPersisting = "persisting" // also in the previous run (same key)
	TrendResolved   = "resolved"   // in the previous run, not in this one
)

// Statuses of an accepted-risk register entry.
const (
	AcceptanceAccepted = "accepted" // in force on the as-of date; matching findings are not open
	AcceptanceExpired  = "expired"  // expired before the as-of date; matching findings are open again
	AcceptanceStale    = "stale"    // in force but matches no finding
	AcceptancePending  = "pending"  // approved after the as-of date; not applied
)

// Check statuses.
const (
	StatusPassed   = "passed"   // the check ran and found nothing
	StatusFindings = "findings" // the check ran and found at least one record
	StatusNotRun   = "not_run"  // a table the check needs was not supplied
	StatusError    = "error"    // the check's SQL failed
)

// Severities, most severe first.
var Severities = vocab.Severities.Codes()

// Text is a text in Dutch and English.
type Text struct {
	NL string `json:"nl"`
	EN string `json:"en"`
}

// Run is the complete outcome of one audit.
type Run struct {
	SchemaVersion int    `json:"schema_version"`
	Audience      string `json:"audience"` // risk or fg; management files have their own form
	Tool          Tool   `json:"tool"`
	Organisation  string `json:"organisation"`
	AsOf          string `json:"as_of"` // YYYY-MM-DD
	// Date is AsOf as a date (UTC midnight), as the audit was given it
	// (audit.Audit) or as Read parsed it: the reports write it in their
	// language without parsing AsOf again. Zero when unknown.
	Date time.Time `json:"-"`
	// Pseudonymisation says how record keys were replaced (risk audience);
	// nil when they are the systems' own keys.
	Pseudonymisation *Pseudonymisation `json:"pseudonymisation,omitempty"`
	Policy           []Param           `json:"policy"`
	Inputs           []Input           `json:"inputs"`
	Rejects          []Reject          `json:"rejects"`
	// Previous identifies the run this one was compared with; nil without one.
	Previous *PreviousRun `json:"previous,omitempty"`
	// Acceptances is the accepted-risk register as applied to this run.
	Acceptances []Acceptance `json:"acceptances"`
	Checks      []Check      `json:"checks"`
	Summary     Summary      `json:"summary"`

	// Identifiers are the personal values found in the loaded data (names,
	// e-mail addresses, ids of children and staff, ...), for scrubbing texts
	// in reports for audiences that may not see them. Never written.
	Identifiers []Identifier `json:"-"`
	// Store keeps the findings of an audited run (Check.Stored); nil when
	// they are in memory. Close closes it.
	Store *Store `json:"-"`
}

// Close closes the run's store, if any: its findings can no longer be
// read.
func (r *Run) Close() error { return r.Store.Close() }

// Identifier is one personal value from the loaded data and its kind.
type Identifier struct {
	Value string
	Kind  string // name, birth_date, contact, bank_account, bsn, id
}

// Pseudonymisation describes how record keys were pseudonymised.
type Pseudonymisation struct {
	Method string `json:"method"` // "HMAC-SHA256"
	// KeyID is a fingerprint of the key (not the key): runs with the same
	// KeyID can be compared by pseudonym.
	KeyID string `json:"key_id"`
}

// PreviousRun identifies the earlier results a run was compared with.
type PreviousRun struct {
	File          string `json:"file"` // as given, base name only
	SHA256        string `json:"sha256"`
	SchemaVersion int    `json:"schema_version"`
	AsOf          string `json:"as_of"`
	Tool          Tool   `json:"tool"`
	// Date is AsOf as a date, from the previous run's Date; zero when
	// unknown.
	Date time.Time `json:"-"`
}

// Acceptance is one entry of the accepted-risk register and what it did.
type Acceptance struct {
	ID            string `json:"id"`     // A1, A2, ... in register order
	Source        string `json:"source"` // where it was read: "file.yaml:12", "registers.xlsx [Geaccepteerde risico's] row 3"
	CheckID       string `json:"check_id"`
	RecordKey     string `json:"record_key"` // a key or a pattern with * and ?; "*" = every finding of the check
	Justification string `json:"justification"`
	LegalBasis    string `json:"legal_basis"`
	ApprovedBy    string `json:"approved_by"`
	ApprovedOn    string `json:"approved_on"` // YYYY-MM-DD
	ExpiresOn     string `json:"expires_on"`  // YYYY-MM-DD
	Status        string `json:"status"`      // accepted, expired, stale, pending
	Matched       int    `json:"matched"`     // findings of this run it matches
}

// Tool identifies the program that made the run.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Param is one policy setting as used by the run.
type Param struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Doc   Text   `json:"doc"` // what the setting is and where its default comes from
}

// Input is one loaded export file (or one sheet of a workbook).
type Input struct {
	System         string   `json:"system"`  // admin, portal, tracking, register
	Product        string   `json:"product"` // Kidsadmin, Konnect, ...
	File           string   `json:"file"`    // path relative to the source directory
	Sheet          string   `json:"sheet,omitempty"`
	Table          string   `json:"table"`
	SHA256         string   `json:"sha256"` // of the whole file
	RowsRead       int      `json:"rows_read"`
	RowsLoaded     int      `json:"rows_loaded"`
	RowsRejected   int      `json:"rows_rejected"`
	SkippedColumns []string `json:"skipped_columns"` // export columns not loaded, which no check reads (data minimisation)
	// NeededColumns are canonical columns of the table that a check reads
	// but this input does not fill ("bsn", or "bsn (BSN kind?)" when an
	// export column not loaded looks like it): map them in the manifest.
	NeededColumns []string `json:"needed_columns,omitempty"`
	// UnusedColumns are canonical columns this input fills that no check
	// reads: the manifest may leave them out.
	UnusedColumns []string `json:"unused_columns,omitempty"`
	// LinkWarnings name the link columns of this input whose values are
	// mostly not keys of the table they refer to (another system's ids):
	// the share, examples and the fix. The checks reading them carry the
	// same text as a warning.
	LinkWarnings []Text `json:"link_warnings,omitempty"`
	// RejectsNotListed counts this input's rejected values beyond the first
	// 1000, which Run.Rejects leaves out; all are in the _rejects table of a
	// kept database.
	RejectsNotListed int `json:"rejects_not_listed,omitempty"`
}

// Reject is an input row that was not loaded, and why.
type Reject struct {
	File   string `json:"file"`
	Sheet  string `json:"sheet,omitempty"`
	Row    int    `json:"row"`
	Column string `json:"column"` // the export's header
	Value  string `json:"value"`  // BSN-like values are masked
	Reason Text   `json:"reason"`
}

// Check is one check's metadata and outcome.
type Check struct {
	ID       string `json:"id"`
	Title    Text   `json:"title"`
	Severity string `json:"severity"`
	Area     string `json:"area"`
	Source   string `json:"source"` // the AVG article, law or policy rule
	Why      Text   `json:"why"`
	Fix      Text   `json:"fix"`
	Status   string `json:"status"`
	Reason   *Text  `json:"reason,omitempty"` // why not run, or the error
	// Warnings say why the outcome may be incomplete: rows of a table the
	// check reads were rejected at loading, a column it reads is missing,
	// records it could not judge ("niet beoordeeld: ..."), a link column
	// whose values are another system's ids.
	Warnings []Text `json:"warnings"`
	// NotJudged counts the records the check could not judge (a column
	// the export lacks for them): they are no findings and raise no risk;
	// Warnings say why and what to export. 0 is left out of the JSON.
	NotJudged int      `json:"not_judged,omitempty"`
	Columns   []string `json:"columns"` // the names of Finding.Values, in order
	// ColumnLabels head Columns for readers, in the same order.
	ColumnLabels []Text    `json:"column_labels"`
	Findings     []Finding `json:"findings"`
	// Resolved are the previous run's findings of this check that are gone.
	Resolved []Finding `json:"resolved"`
	// Previous counts the check's outcome in the previous run; nil without
	// one or when the check was not in it.
	Previous *CheckCounts `json:"previous,omitempty"`
	// Risk scores the check; nil when it did not run.
	Risk *Risk `json:"risk,omitempty"`
	// View, set in an audience's view of a run (package audience), holds
	// the findings the view shares with the run and how it shows each
	// one: Findings and Resolved are then nil, and the findings are read
	// through NFindings, FindingAt, NResolved and ResolvedAt, which every
	// reader uses. A view so never copies the run's findings, and a reader
	// that looked at Findings directly would find nothing rather than the
	// run's own values. Not written.
	View *FindingView `json:"-"`
	// Stored, set by an audit, holds the check's findings in the run's
	// Store; Findings is then nil. Not written: the findings are.
	Stored *Segment `json:"-"`
}

// FindingView is an audience's view of a check's findings: the run's own
// lists, shared and never changed, and the transform applied to each
// finding as it is read.
type FindingView struct {
	Findings, Resolved List
	// Show returns the finding as the audience sees it; resolved says it
	// is one of Resolved. It gets a copy and must not change what the copy
	// shares with the run (the Values slice, the Acceptance).
	Show func(f Finding, resolved bool) Finding
	// Place returns a finding's location and group as Show would, without
	// the rest of its work: reports count findings per place.
	Place func(f Finding) (location, group string)
}

// List is the check's findings as they are kept (in Findings or in the
// run's Store), or as its view shares them; a view's transform is not
// applied (see FindingAt).
func (c *Check) List() List {
	switch {
	case c.View != nil:
		return c.View.Findings
	case c.Stored != nil:
		return c.Stored
	}
	return Slice(c.Findings)
}

// ResolvedList is the check's resolved findings as they are kept, or as
// its view shares them.
func (c *Check) ResolvedList() List {
	if c.View != nil {
		return c.View.Resolved
	}
	return Slice(c.Resolved)
}

// NFindings counts the check's findings.
func (c *Check) NFindings() int { return c.List().Len() }

// FindingAt returns the check's i-th finding, as its view (if any) shows
// it.
func (c *Check) FindingAt(i int) Finding {
	if c.View != nil {
		return c.View.Show(c.View.Findings.At(i), false)
	}
	return c.List().At(i)
}

// tally counts the check's findings: all, open, marked new and marked
// persisting. A view changes neither acceptances nor trend marks, so they
// are counted as kept; a store counted them as they were written.
func (c *Check) tally() (n, open, newer, persisting int) {
	l := c.List()
	if g, ok := l.(*Segment); ok {
		return g.Len(), g.open, g.newer, g.persisting
	}
	for i := range l.Len() {
		f := l.At(i)
		if f.Open() {
			open++
		}
		switch f.Trend {
		case TrendNew:
			newer++
		case TrendPersisting:
			persisting++
		}
	}
	return l.Len(), open, newer, persisting
}

// Update applies fn to each of the check's findings, in order: in place
// when they are in memory, else by writing them to a new segment of the
// run's store. It is for the audit, before any view is made.
func (c *Check) Update(fn func(f *Finding)) error {
	if c.View != nil {
		return fmt.Errorf("check %s: findings of a view cannot be changed", c.ID)
	}
	if c.Stored == nil {
		for i := range c.Findings {
			fn(&c.Findings[i])
		}
		return nil
	}
	w := c.Stored.s.NewSegment()
	for i := range c.Stored.Len() {
		f := c.Stored.At(i)
		fn(&f)
		if err := w.Add(&f); err != nil {
			return err
		}
	}
	g, err := w.Done()
	if err != nil {
		return err
	}
	c.Stored = g
	return nil
}

// PlaceAt returns the location and group of the check's i-th finding, as
// its view (if any) shows them, and whether the finding is open.
func (c *Check) PlaceAt(i int) (location, group string, open bool) {
	f := c.List().At(i)
	if c.View != nil {
		location, group = c.View.Place(f)
		return location, group, f.Open()
	}
	return f.Location, f.Group, f.Open()
}

// TrendCounts counts the check's findings marked new and persisting.
func (c *Check) TrendCounts() (newer, persisting int) {
	_, _, newer, persisting = c.tally()
	return newer, persisting
}

// NResolved counts the check's resolved findings.
func (c *Check) NResolved() int { return c.ResolvedList().Len() }

// ResolvedAt returns the check's i-th resolved finding, as its view (if
// any) shows it.
func (c *Check) ResolvedAt(i int) Finding {
	if c.View != nil {
		return c.View.Show(c.View.Resolved.At(i), true)
	}
	return c.Resolved[i]
}

// Ran reports whether the check ran: it passed or has findings.
func (c Check) Ran() bool {
	return c.Status == StatusPassed || c.Status == StatusFindings
}

// CheckCounts is a check's outcome in one run, in numbers.
type CheckCounts struct {
	Status   string `json:"status"`
	Findings int    `json:"findings"`
	Open     int    `json:"open"` // findings not covered by an acceptance in force
}

// Risk is a check's risk score: likelihood × impact, each on 1–5.
type Risk struct {
	Impact       int    `json:"impact"`        // 1–5
	ImpactSource string `json:"impact_source"` // "check" (its metadata) or "policy"
	// ImpactWhy is why the check's header gives this impact; nil when the
	// policy sets it or the header gives no reason.
	ImpactWhy *Text `json:"impact_why,omitempty"`
	// Likelihood is 0 when the check has no open findings (no risk now);
	// otherwise 1–5, derived from Share or set in the policy.
	Likelihood       int    `json:"likelihood"`
	LikelihoodSource string `json:"likelihood_source"` // "share", "check" (its likelihood header) or "policy"
	// LikelihoodWhy is why the check's header fixes the likelihood; only
	// with likelihood_source "check".
	LikelihoodWhy *Text   `json:"likelihood_why,omitempty"`
	Score         int     `json:"score"`      // Impact × Likelihood, 0–25
	Level         string  `json:"level"`      // none, low, medium, high, critical
	Affected      int     `json:"affected"`   // data subjects (or records) with an open finding
	Population    int     `json:"population"` // data subjects (or records) the check judged
	Share         float64 `json:"share"`      // Affected / Population, 0–1
	Owner         string  `json:"owner"`      // who answers for it (policy, by area)
	// FixedLikelihood is the check's own likelihood for open findings when
	// it judges no population (its likelihood header); 0 for the highest.
	// Not written: Likelihood and LikelihoodSource say what was used.
	FixedLikelihood int `json:"-"`
	// FixedLikelihoodWhy is the reason for FixedLikelihood, from the
	// header; written as LikelihoodWhy when it is used.
	FixedLikelihoodWhy *Text `json:"-"`
}

// Finding is one record a check found, with where it came from.
type Finding struct {
	Key       string   `json:"key"` // stable across runs: check id + table + record key
	System    string   `json:"system"`
	Table     string   `json:"table"`
	RecordKey string   `json:"record_key"`
	File      string   `json:"file"`
	Row       int      `json:"row"`
	Message   Text     `json:"message"`
	Values    []string `json:"values"`             // the check's extra columns, as text; BSN masked
	Location  string   `json:"location,omitempty"` // childcare location, where known
	Group     string   `json:"group,omitempty"`    // group, where known
	// ChildName is the name of the child the record is about (first name,
	// prefix, last name), where the loaded data knows it: the FG finds the
	// record by it. Only the FG's outputs keep it; audience.Risk removes
	// it, and the management summary has no findings.
	ChildName string `json:"child_name,omitempty"`
	// Subject is the data subject the finding is about, when the check
	// names one (queries.ColSubject); risk counts affected subjects by it.
	// Not written out: it is a key of a person.
	Subject string `json:"-"`
	Trend   string `json:"trend,omitempty"` // new or persisting; empty without a previous run
	// Acceptance is the register entry that matches the finding, if any; an
	// accepted finding is not open.
	Acceptance *FindingAcceptance `json:"acceptance,omitempty"`
}

// FindingAcceptance links a finding to its accepted-risk register entry.
type FindingAcceptance struct {
	ID        string `json:"id"`     // Acceptance.ID
	Status    string `json:"status"` // accepted or expired
	ExpiresOn string `json:"expires_on"`
}

// OpenFindings counts the check's findings that still need action: those
// not covered by an acceptance in force.
func (c Check) OpenFindings() int {
	_, open, _, _ := c.tally()
	return open
}

// Open reports whether the finding still needs action: it is not covered
// by an acceptance in force.
func (f Finding) Open() bool {
	return f.Acceptance == nil || f.Acceptance.Status != AcceptanceAccepted
}

// Summary counts the run's outcome.
type Summary struct {
	Checks          int            `json:"checks"`
	ChecksRun       int            `json:"checks_run"`
	ChecksWithIssue int            `json:"checks_with_findings"`
	ChecksNotRun    int            `json:"checks_not_run"`
	ChecksFailed    int            `json:"checks_failed"`
	Findings        int            `json:"findings"`
	BySeverity      map[string]int `json:"findings_by_severity"`
	// NotJudged counts the records checks could not judge (Check.NotJudged).
	NotJudged      int            `json:"not_judged,omitempty"`
	RowsLoaded     int            `json:"rows_loaded"`
	RowsRejected   int            `json:"rows_rejected"`
	Open           int            `json:"open"`     // findings not covered by an acceptance in force
	Accepted       int            `json:"accepted"` // findings covered by one
	OpenBySeverity map[string]int `json:"open_by_severity"`
	// New, Persisting and Resolved count findings against the previous run
	// (all 0 without one).
	New        int `json:"new"`
	Persisting int `json:"persisting"`
	Resolved   int `json:"resolved"`
}

// Summarise recomputes r.Summary from the checks and inputs.
func (r *Run) Summarise() {
	s := Summary{Checks: len(r.Checks), BySeverity: map[string]int{}, OpenBySeverity: map[string]int{}}
	for _, sev := range Severities {
		s.BySeverity[sev] = 0
		s.OpenBySeverity[sev] = 0
	}
	for _, c := range r.Checks {
		switch c.Status {
		case StatusPassed:
			s.ChecksRun++
		case StatusFindings:
			s.ChecksRun++
			s.ChecksWithIssue++
		case StatusNotRun:
			s.ChecksNotRun++
		case StatusError:
			s.ChecksFailed++
		}
		n, open, newer, persisting := c.tally()
		s.Findings += n
		s.NotJudged += c.NotJudged
		s.BySeverity[c.Severity] += n
		s.Open += open
		s.OpenBySeverity[c.Severity] += open
		s.Accepted += n - open
		s.New += newer
		s.Persisting += persisting
		s.Resolved += c.NResolved()
	}
	for _, in := range r.Inputs {
		s.RowsLoaded += in.RowsLoaded
		s.RowsRejected += in.RowsRejected
	}
	r.Summary = s
}

// RejectsNotListed counts the rejected values left out of r.Rejects (beyond
// the first 1000 of each input).
func (r *Run) RejectsNotListed() int {
	n := 0
	for _, in := range r.Inputs {
		n += in.RejectsNotListed
	}
	return n
}

// ShortList joins items for a reader: all of them when there are at most
// n, else the first n and how many more ("Extra0, Extra1 … and 9,990
// more"), so that no list a file can make long (an export's 10,000
// columns) floods a report or the terminal.
func ShortList(items []string, n int) Text {
	if len(items) <= n {
		s := strings.Join(items, ", ")
		return Text{NL: s, EN: s}
	}
	s := strings.Join(items[:n], ", ")
	more := len(items) - n
	return Text{NL: s + " … en nog " + thousands(more, "."), EN: s + " … and " + thousands(more, ",") + " more"}
}

// thousands writes n with sep between groups of three digits.
func thousands(n int, sep string) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}

// Flat returns a copy of r whose checks hold their findings, as their
// views show them, in Findings and Resolved, and no views: every finding
// in memory, for tests and tools that compare runs, never for the reports
// of a large run. The copy shares with r what it does not change.
func (r *Run) Flat() *Run {
	out := *r
	out.Checks = slices.Clone(r.Checks)
	out.Store = nil
	for i := range out.Checks {
		c := &out.Checks[i]
		if c.View == nil && c.Stored == nil {
			continue
		}
		findings := make([]Finding, c.NFindings())
		for j := range findings {
			findings[j] = c.FindingAt(j)
		}
		resolved := c.Resolved
		if c.View != nil {
			resolved = make([]Finding, c.NResolved())
			for j := range resolved {
				resolved[j] = c.ResolvedAt(j)
			}
		}
		c.Findings, c.Resolved, c.View, c.Stored = findings, resolved, nil, nil
	}
	return &out
}
