// Package results holds the outcome of an audit run: the structure behind
// resultaten.json and the input of every reporter. Its JSON form is a
// versioned, documented contract (docs/results-schema.md).
package results

// SchemaVersion is the version of the JSON form. Bump it on any change that
// a reader of an older file could misread.
const SchemaVersion = 1

// Check statuses.
const (
	StatusPassed   = "passed"   // the check ran and found nothing
	StatusFindings = "findings" // the check ran and found at least one record
	StatusNotRun   = "not_run"  // a table the check needs was not supplied
	StatusError    = "error"    // the check's SQL failed
)

// Severities, most severe first.
var Severities = []string{"high", "medium", "low", "info"}

// Text is a text in Dutch and English.
type Text struct {
	NL string `json:"nl"`
	EN string `json:"en"`
}

// Run is the complete outcome of one audit.
type Run struct {
	SchemaVersion int      `json:"schema_version"`
	Tool          Tool     `json:"tool"`
	Organisation  string   `json:"organisation"`
	AsOf          string   `json:"as_of"` // YYYY-MM-DD
	Policy        []Param  `json:"policy"`
	Inputs        []Input  `json:"inputs"`
	Rejects       []Reject `json:"rejects"`
	Checks        []Check  `json:"checks"`
	Summary       Summary  `json:"summary"`
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
	Doc   string `json:"doc"`
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
	SkippedColumns []string `json:"skipped_columns"` // export columns not loaded (data minimisation)
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
	Reason string `json:"reason"`
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
	// check reads were rejected at loading.
	Warnings []Text   `json:"warnings"`
	Columns  []string `json:"columns"` // the names of Finding.Values, in order
	// ColumnLabels head Columns for readers, in the same order.
	ColumnLabels []Text    `json:"column_labels"`
	Findings     []Finding `json:"findings"`
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
	Values    []string `json:"values"` // the check's extra columns, as text; BSN masked
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
	RowsLoaded      int            `json:"rows_loaded"`
	RowsRejected    int            `json:"rows_rejected"`
}

// Summarise recomputes r.Summary from the checks and inputs.
func (r *Run) Summarise() {
	s := Summary{Checks: len(r.Checks), BySeverity: map[string]int{}}
	for _, sev := range Severities {
		s.BySeverity[sev] = 0
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
		s.Findings += len(c.Findings)
		s.BySeverity[c.Severity] += len(c.Findings)
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
