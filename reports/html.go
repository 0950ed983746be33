package reports

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/risk"
)

// HTMLReporter writes rapport.html (risk audience) or rapport-fg.html (FG
// audience): one self-contained page that opens offline and asks for
// nothing over the network. Styles, the chart library (Apache ECharts,
// assets/echarts.min.js) and the charts' data are inlined, and a
// Content-Security-Policy allows only the page's own two scripts, by hash,
// so even a value that slipped past escaping could not run or load
// anything. It prints on A4 (templates/style.css).
//
// The output is deterministic: the same run gives the same bytes.
type HTMLReporter struct{}

//go:embed templates/report.html.tmpl templates/style.css templates/chart.js
var templateFS embed.FS

// echartsJS is Apache ECharts 5.6.0, dist/echarts.min.js of the npm package
// echarts@5.6.0 (Apache-2.0; assets/LICENSE and assets/NOTICE).
//
//go:embed assets/echarts.min.js
var echartsJS string

var (
	pageTmpl = template.Must(template.New("report.html.tmpl").
			Funcs(template.FuncMap{"findingsTable": findingsTable, "breakable": breakable, "breakKey": breakKey, "hyphenate": hyphenate}).
			ParseFS(templateFS, "templates/report.html.tmpl"))
	styleCSS = mustRead("templates/style.css")
	chartJS  = mustRead("templates/chart.js")
	// csp allows the two inline scripts by their hash and nothing else to
	// run or be fetched; inline styles are needed for the page's own
	// <style> and for the style attributes ECharts sets on its SVG.
	csp = "default-src 'none'; script-src " + scriptHash(echartsJS) + " " + scriptHash(chartJS) +
		"; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)

func mustRead(name string) string {
	b, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func scriptHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// severityColours are the colours of the severity badges.
var severityColours = map[string]string{
	"high":   "#c0392b",
	"medium": "#e67e22",
	"low":    "#d4ac0d",
	"info":   "#2e86c1",
}

// htmlPage is what the template sees. Every string in it is data to be
// escaped, except the fields of the trusted types (template.CSS and
// template.JS), which hold the package's own embedded assets only.
type htmlPage struct {
	L             *labels
	Audience      string // of the page's class
	ShowLocations bool   // each finding's file, row and table are shown
	Workbook      string // the workbook next to the report (Options.Workbook)
	Title         string
	Intro         string
	Organisation  string
	AsOf          string
	Tool          string
	CSP           string
	CSS           template.CSS
	EchartsJS     template.JS
	ChartJS       template.JS

	Summary    results.Summary
	Passed     int
	Cards      []htmlCard
	LevelCards []htmlCard

	Matrix     *htmlChart // nil when no check has open findings
	MatrixRows []htmlMatrixRow
	Columns    []int // the likelihoods, 1–5
	NoRisk     []htmlRef

	Areas []htmlArea

	Locations     []htmlLocation
	LocationTotal htmlLocation

	Previous   *htmlPrevious // nil without a previous run
	TrendChart *htmlChart    // nil when neither run has findings
	TrendRows  []htmlTrendRow

	Acceptances []htmlAcceptance

	Inputs     []htmlInput
	Rejects    []htmlReject
	NotRun     []htmlRef
	Incomplete []htmlRef
	// RejectsNotListed says how many rejects were left out; empty if none.
	RejectsNotListed string

	Pseudonyms string // the pseudonymisation note; empty without pseudonyms
	Rules      []htmlRef
	Policy     []htmlParam
}

// htmlCard is one figure of the summary.
type htmlCard struct {
	Class string
	Num   int
	What  string
}

// htmlRef points to a check from elsewhere in the page.
type htmlRef struct {
	Anchor string
	ID     string
	Title  string
	Text   string // what the reference says about the check
	Source string
	Area   string
	Level  string
	Class  string
}

type htmlMatrixRow struct {
	Impact int
	Cells  []htmlMatrixCell
}

type htmlMatrixCell struct {
	Class  string // the level of the cell's score
	Level  string
	Score  int
	Checks []htmlRef
}

type htmlArea struct {
	Anchor string
	Name   string
	Checks []htmlCheck
}

type htmlCheck struct {
	Anchor        string
	ID            string
	Title         string
	SevClass      string
	SeverityLabel string
	Area          string
	Source        string
	Why           string
	Fix           string
	Status        string // passed, findings, not_run, error
	StatusLabel   string // the label with its reason
	Warnings      []string
	StatusClass   string
	Columns       []string
	Findings      []htmlFinding
	Resolved      []htmlFinding
	// ChildNames and ChildNamesResolved: a finding of Findings (Resolved)
	// names its child, so the table has a column for the names.
	ChildNames, ChildNamesResolved bool
	NResolved                      int
	// MoreFindings and MoreResolved count the rows left out of Findings
	// and Resolved (see htmlRows).
	MoreFindings, MoreResolved int
	Counts                     checkCounts
	Previous                   string // the previous run's number of findings, or a dash
	Risk                       *htmlRisk
}

type htmlRisk struct {
	Impact           int
	ImpactSource     string
	ImpactWhy        string // why the check's header gives this impact; "" when the policy sets it
	Likelihood       int
	LikelihoodSource string
	LikelihoodWhy    string // why the header fixes the likelihood; "" otherwise
	Score            int
	Level            string
	LevelClass       string
	Affected         string
	Owner            string
}

type htmlFinding struct {
	File       string
	Row        string
	Table      string
	Key        string
	Child      string // the name of the child the record is about (FG only)
	Location   string
	Group      string
	Trend      string
	TrendClass string
	Acceptance string
	Accepted   bool // covered by an acceptance in force: not open
	Message    string
	Values     []string
}

type htmlLocation struct {
	Location, Group string
	Open, Accepted  int
	Total           int
}

type htmlPrevious struct {
	AsOf          string
	File          string
	SHA256        string
	Tool          string
	SchemaVersion int
}

type htmlTrendRow struct {
	Area                            string
	Ref                             htmlRef
	Previous                        string
	Now, New, Persisting, NResolved int
}

type htmlAcceptance struct {
	results.Acceptance
	Check       htmlRef
	StatusLabel string
	StatusClass string
	ApprovedOn  string
	ExpiresOn   string
}

type htmlInput struct {
	results.Input
	Skipped  string
	Needed   string
	Unused   string
	Rejected string // the share of rows rejected
}

type htmlReject struct {
	results.Reject
	Reason string
}

// htmlParam is a policy setting with its explanation in the page's language.
type htmlParam struct {
	results.Param
	Doc string
}

// Write writes d's run as an HTML page.
func (HTMLReporter) Write(w io.Writer, d audience.Detailed, opt Options) error {
	l, err := labelsFor(opt)
	if err != nil {
		return err
	}
	run, err := d.Run(l.Lang)
	if err != nil {
		return err
	}
	page := buildPage(l, d, run)
	page.Workbook = opt.Workbook
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, page); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// buildPage turns d's run, as run, into what the template shows.
func buildPage(l *labels, d audience.Detailed, run *results.Run) *htmlPage {
	p := &htmlPage{
		L:             l,
		Audience:      d.Audience(),
		ShowLocations: d.Locations(),
		Title:         l.ReportTitle[d.Audience()],
		Intro:         l.Intro[d.Audience()],
		Organisation:  run.Organisation,
		AsOf:          l.date(run.Date, run.AsOf),
		Tool:          tool(run.Tool),
		CSP:           csp,
		CSS:           template.CSS(styleCSS),
		EchartsJS:     template.JS(echartsJS),
		ChartJS:       template.JS(chartJS),
		Summary:       run.Summary,
		Passed:        run.Summary.ChecksRun - run.Summary.ChecksWithIssue,
	}
	refs := checkRefs(l, run.Checks)
	p.summaryCards(l, run)
	p.matrix(l, run.Checks, refs)
	groups := groupByArea(run.Checks)
	codes := make([]string, len(groups))
	for i, g := range groups {
		codes[i] = g.Code
	}
	areaAnchors := uniqueAnchors("area-", codes, "other")
	titled := titledRefs(l, run.Checks)
	for gi, g := range groups {
		area := htmlArea{Anchor: areaAnchors[gi], Name: l.area(g.Code)}
		for _, i := range g.Checks {
			area.Checks = append(area.Checks, htmlCheckOf(l, run.Checks[i], refs[i].Anchor, d.Resolved(), d.ChildNames(), titled))
		}
		p.Areas = append(p.Areas, area)
	}
	p.locations(l, run.Checks)
	p.trend(l, run, groups, refs)
	p.acceptances(l, run, refs)
	p.quality(l, run, refs)
	p.method(l, run, refs)
	return p
}

// checkRefs makes a reference to each check: its anchor in the page, id,
// title, area, source and risk level.
func checkRefs(l *labels, checks []results.Check) []htmlRef {
	anchors := anchorIDs(checks)
	refs := make([]htmlRef, len(checks))
	for i, c := range checks {
		lv := checkLevel(c)
		refs[i] = htmlRef{Anchor: anchors[i], ID: c.ID, Title: l.pick(c.Title), Source: c.Source,
			Area: l.area(c.Area), Level: l.level(lv), Class: classFor(lv, levelColours)}
	}
	return refs
}

func (p *htmlPage) summaryCards(l *labels, run *results.Run) {
	s := run.Summary
	p.Cards = []htmlCard{{"open", s.Open, l.OpenFindings}, {"accepted", s.Accepted, l.AcceptedFindings}}
	if run.Previous != nil {
		p.Cards = append(p.Cards, htmlCard{"new", s.New, l.NewFindings}, htmlCard{"resolved", s.Resolved, l.ResolvedFindings})
	}
	n := levelCounts(run.Checks)
	for _, lv := range levels {
		p.LevelCards = append(p.LevelCards, htmlCard{"lvl-" + lv, n[lv], l.ChecksAtLevel + " " + l.level(lv)})
	}
}

// matrix fills the risk matrix: the chart, the rows of its table (impact 5
// at the top, as in the chart) and the checks outside it.
func (p *htmlPage) matrix(l *labels, checks []results.Check, refs []htmlRef) {
	cells := riskMatrix(checks)
	placed := false
	for lik := 1; lik <= matrixSize; lik++ {
		p.Columns = append(p.Columns, lik)
	}
	for imp := matrixSize; imp >= 1; imp-- {
		row := htmlMatrixRow{Impact: imp}
		for lik := 1; lik <= matrixSize; lik++ {
			lv := risk.LevelOf(imp * lik)
			cell := htmlMatrixCell{Class: lv, Level: l.level(lv), Score: imp * lik}
			for _, i := range cells[imp-1][lik-1] {
				cell.Checks = append(cell.Checks, refs[i])
				placed = true
			}
			row.Cells = append(row.Cells, cell)
		}
		p.MatrixRows = append(p.MatrixRows, row)
	}
	if placed {
		p.Matrix = matrixChart(l, cells)
	}
	for i, c := range checks {
		if c.Risk != nil && c.Risk.Likelihood == 0 {
			p.NoRisk = append(p.NoRisk, refs[i])
		}
	}
}

// htmlCheckOf shows one check; with resolved, the findings resolved since
// the previous run too.
func htmlCheckOf(l *labels, c results.Check, anchor string, resolved, names bool, titled func(string) string) htmlCheck {
	hc := htmlCheck{
		Anchor:        anchor,
		ID:            c.ID,
		Title:         l.pick(c.Title),
		SevClass:      classFor(c.Severity, severityColours),
		SeverityLabel: l.severity(c.Severity),
		Area:          l.area(c.Area),
		Source:        c.Source,
		Why:           titled(l.pick(c.Why)),
		Fix:           titled(l.pick(c.Fix)),
		Status:        c.Status,
		StatusLabel:   l.status(c),
		Warnings:      l.warnings(c),
		StatusClass:   classFor(c.Status, l.Status),
		Columns:       l.columnHeadings(c),
		NResolved:     c.NResolved(),
		Counts:        countFindings(c),
		Previous:      l.Unchanged,
	}
	if c.Previous != nil {
		hc.Previous = strconv.Itoa(c.Previous.Findings)
	}
	if r := c.Risk; r != nil {
		lv := checkLevel(c)
		hc.Risk = &htmlRisk{
			Impact: r.Impact, ImpactSource: pickMap(l.ImpactSource, r.ImpactSource),
			Likelihood: r.Likelihood, LikelihoodSource: pickMap(l.LikelihoodSource, r.LikelihoodSource),
			Score: r.Score, Level: l.level(lv), LevelClass: classFor(lv, levelColours),
			Affected: l.affected(r), Owner: r.Owner,
		}
		if r.ImpactWhy != nil {
			hc.Risk.ImpactWhy = l.pick(*r.ImpactWhy)
		}
		if r.LikelihoodWhy != nil {
			hc.Risk.LikelihoodWhy = l.pick(*r.LikelihoodWhy)
		}
		if hc.Risk.Owner == "" {
			hc.Risk.Owner = l.NoOwner
		}
	}
	for i := range min(c.NFindings(), htmlRows) {
		f := c.FindingAt(i)
		hc.Findings = append(hc.Findings, htmlFindingOf(l, c, f, names))
		hc.ChildNames = hc.ChildNames || f.ChildName != "" && names
	}
	hc.MoreFindings = c.NFindings() - len(hc.Findings)
	if resolved {
		for i := range min(c.NResolved(), htmlRows) {
			f := c.ResolvedAt(i)
			hc.Resolved = append(hc.Resolved, htmlFindingOf(l, c, f, names))
			hc.ChildNamesResolved = hc.ChildNamesResolved || f.ChildName != "" && names
		}
		hc.MoreResolved = c.NResolved() - len(hc.Resolved)
	}
	return hc
}

// htmlRows is the number of a check's findings (and of its resolved ones)
// the HTML report lists; the rest are counted under the table and are in
// the workbook. A browser opens a page of a few thousand rows in a second
// or two, but one of a chain's tens of thousands of findings in minutes.
// The counts, charts and matrix always cover every finding.
const htmlRows = 200

// htmlFindingOf shows one finding; with names, the name of the child its
// record is about.
func htmlFindingOf(l *labels, c results.Check, f results.Finding, names bool) htmlFinding {
	child := ""
	if names {
		child = f.ChildName
	}
	return htmlFinding{
		Child:      child,
		File:       f.File,
		Row:        rowText(f.Row),
		Table:      f.Table,
		Key:        f.RecordKey,
		Location:   l.orUnknown(f.Location),
		Group:      l.orUnknown(f.Group),
		Trend:      l.trend(f.Trend),
		TrendClass: classFor(f.Trend, l.Trend),
		Acceptance: l.findingAcceptance(f.Acceptance),
		Accepted:   !f.Open(),
		Message:    l.pick(f.Message),
		Values:     l.values(c, f.Values),
	}
}

func (p *htmlPage) locations(l *labels, checks []results.Check) {
	for _, r := range locationRows(checks) {
		p.Locations = append(p.Locations, htmlLocation{Location: l.orUnknown(r.Location), Group: l.orUnknown(r.Group),
			Open: r.Open, Accepted: r.Accepted, Total: r.Open + r.Accepted})
		p.LocationTotal.Open += r.Open
		p.LocationTotal.Accepted += r.Accepted
	}
	p.LocationTotal.Total = p.LocationTotal.Open + p.LocationTotal.Accepted
}

func (p *htmlPage) trend(l *labels, run *results.Run, groups []areaGroup, refs []htmlRef) {
	if pr := run.Previous; pr != nil {
		p.Previous = &htmlPrevious{AsOf: l.date(pr.Date, pr.AsOf), File: pr.File, SHA256: pr.SHA256,
			Tool: tool(pr.Tool), SchemaVersion: pr.SchemaVersion}
	}
	p.TrendChart = trendChart(l, areaTrends(run.Checks, groups), run.Previous, run.Date, run.AsOf)
	if run.Previous == nil {
		return
	}
	for _, g := range groups {
		for _, i := range g.Checks {
			c := run.Checks[i]
			n := countFindings(c)
			row := htmlTrendRow{Area: l.area(g.Code), Ref: refs[i], Previous: l.Unchanged,
				Now: c.NFindings(), New: n.New, Persisting: n.Persisting, NResolved: c.NResolved()}
			if c.Previous != nil {
				row.Previous = strconv.Itoa(c.Previous.Findings)
			}
			p.TrendRows = append(p.TrendRows, row)
		}
	}
}

func (p *htmlPage) acceptances(l *labels, run *results.Run, refs []htmlRef) {
	byID := map[string]htmlRef{}
	for _, r := range refs {
		if _, ok := byID[r.ID]; !ok {
			byID[r.ID] = r
		}
	}
	for _, a := range run.Acceptances {
		ref, ok := byID[a.CheckID]
		if !ok {
			ref = htmlRef{ID: a.CheckID}
		}
		p.Acceptances = append(p.Acceptances, htmlAcceptance{
			Acceptance: a, Check: ref,
			StatusLabel: l.acceptanceStatus(a.Status), StatusClass: classFor(a.Status, l.AcceptanceStatus),
			ApprovedOn: l.shortDate(a.ApprovedOn), ExpiresOn: l.shortDate(a.ExpiresOn),
		})
	}
}

func (p *htmlPage) quality(l *labels, run *results.Run, refs []htmlRef) {
	for _, in := range run.Inputs {
		p.Inputs = append(p.Inputs, htmlInput{Input: in, Skipped: l.pick(results.ShortList(in.SkippedColumns, maxListed)),
			Needed: strings.Join(in.NeededColumns, ", "), Unused: strings.Join(in.UnusedColumns, ", "),
			Rejected: l.percent(in.RowsRejected, in.RowsRead)})
	}
	for _, rj := range run.Rejects {
		p.Rejects = append(p.Rejects, htmlReject{Reject: rj, Reason: l.pick(rj.Reason)})
	}
	if n := run.RejectsNotListed(); n > 0 {
		p.RejectsNotListed = fmt.Sprintf(l.RejectsNotListed, n)
	}
	for _, i := range notRun(run.Checks) {
		r := refs[i]
		r.Text = l.status(run.Checks[i])
		p.NotRun = append(p.NotRun, r)
	}
	for i, c := range run.Checks {
		if len(c.Warnings) > 0 {
			r := refs[i]
			r.Text = strings.Join(l.warnings(c), "; ")
			p.Incomplete = append(p.Incomplete, r)
		}
	}
}

func (p *htmlPage) method(l *labels, run *results.Run, refs []htmlRef) {
	if ps := run.Pseudonymisation; ps != nil {
		p.Pseudonyms = fmt.Sprintf(l.PseudonymNote, ps.Method, ps.KeyID)
		p.Intro += " " + l.PseudonymsShort
	}
	p.Rules = refs
	for _, prm := range run.Policy {
		p.Policy = append(p.Policy, htmlParam{Param: prm, Doc: l.pick(prm.Doc)})
	}
}

// htmlFindings is one table of findings (current or resolved) as the
// "findings" template shows it.
type htmlFindings struct {
	L             *labels
	ShowLocations bool // with each finding's file, row and table
	ChildNames    bool // with the name of the child each record is about
	Trend         bool // with a trend column: there is a previous run
	Class         string
	Columns       []string
	Findings      []htmlFinding
	More          string // how many rows are left out and where they are; empty when none
}

// findingsTable gives the "findings" template its data; a template can
// call a function with several arguments, not build a struct. more is the
// number of rows left out of findings.
func findingsTable(p *htmlPage, class string, columns []string, findings []htmlFinding, more int, names bool) htmlFindings {
	t := htmlFindings{L: p.L, ShowLocations: p.ShowLocations, ChildNames: names, Trend: p.Previous != nil, Class: class, Columns: columns, Findings: findings}
	if more > 0 {
		t.More = fmt.Sprintf(p.L.MoreRows, more, cmp.Or(p.Workbook, p.L.TheWorkbook))
	}
	return t
}

// pickMap names key from a map of labels, or shows key as it is.
func pickMap(m map[string]string, key string) string {
	if s, ok := m[key]; ok {
		return s
	}
	return key
}

// classFor returns key as a CSS class suffix when it is one of known's keys,
// and "other" for anything else, so no data ends up in a class name.
func classFor[V any](key string, known map[string]V) string {
	if _, ok := known[key]; ok {
		return strings.ReplaceAll(key, "_", "-")
	}
	return "other"
}

// anchorIDs gives each check an HTML id made from its check id: lower-case
// letters, digits and hyphens, unique within the page.
func anchorIDs(checks []results.Check) []string {
	ids := make([]string, len(checks))
	for i, c := range checks {
		ids[i] = c.ID
	}
	return uniqueAnchors("check-", ids, "")
}

// uniqueAnchors makes an HTML id of each name: prefix and the name as
// anchorPart writes it (or empty when that is ""), numbered -2, -3, ...
// where two would be the same.
func uniqueAnchors(prefix string, names []string, empty string) []string {
	seen := map[string]bool{}
	out := make([]string, len(names))
	for i, name := range names {
		base := prefix + cmp.Or(anchorPart(name), empty)
		id := base
		for n := 2; seen[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		seen[id] = true
		out[i] = id
	}
	return out
}

// anchorPart makes s fit in an HTML id: lower-case letters, digits and
// hyphens.
func anchorPart(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

func rowText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}
