package audience

import (
	"errors"
	"slices"
	"sync"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
)

// Detailed is a run prepared for one of the detailed reports: the annual
// risk analysis (made by Risk) or the FG's spot check (made by FG). It is
// the only thing the detailed reporters accept, and its fields are
// unexported, so a run that did not pass through Risk or FG cannot be
// handed to a report by mistake. What differs between the two audiences
// beyond the data is told by its methods, so reporters need not know the
// audiences.
type Detailed struct {
	// run is the view's own copy of the audited run, but for the checks'
	// findings and resolved findings, which it shares with the run: a
	// view never copies them, it shows each one as a reporter reads it
	// (results.Check.View).
	run *results.Run
	aud string
	// show is the audience's own transform of a finding of check c, before
	// the BSN masking every audience gets; nil for none.
	show func(c *results.Check, f results.Finding, resolved bool) results.Finding
	// mask, set by Risk and FG, whose run is a private copy, masks it in
	// place once, at the first Run: Run need not copy it again.
	mask *sync.Once
	// shown, set by Risk and FG, keeps the findings of a run with a store
	// as the view shows them, written to the store at the first Run (in
	// each language that shows them differently): the reporters read each
	// finding more than once, and showing one (pseudonyms, scrubbing)
	// costs more than reading it.
	shown *shownCache
}

// shownCache holds, per language form (English markers or not), each
// check's findings as the view shows them, in the run's store.
type shownCache struct {
	mu    sync.Mutex
	lists map[bool][]results.List
}

// Audience names the audience the run was prepared for
// (results.AudienceRisk or results.AudienceFG): reports use it as a key
// into their titles, and it is written as the run's audience.
func (d Detailed) Audience() string { return d.aud }

// Locations says whether the report shows where each finding is: its
// source file, row and table (the FG's report, to act on it).
func (d Detailed) Locations() bool { return d.aud == results.AudienceFG }

// ChildNames says whether the report names the child a finding's record
// is about next to its key (the FG's report; names are allowed there).
// Risk has already removed the names from its findings; this keeps a
// report from even heading a column for them.
func (d Detailed) ChildNames() bool { return d.aud == results.AudienceFG }

// Resolved says whether the report lists the findings of the previous
// audit that were resolved, with their records.
func (d Detailed) Resolved() bool { return d.aud == results.AudienceFG }

// errNotPrepared is Run's error for a zero Detailed.
var errNotPrepared = errors.New("report of a run that was not prepared for an audience (use audience.Risk or audience.FG)")

// Run returns a copy of the prepared run for a report in lang ("nl" or
// "en"): nil slices become empty ones, the summary is recomputed from the
// checks and every value that came from the audited data has its BSNs
// masked (values.MaskBSNsInText), so a citizen service number that slipped
// past the loader is still not written out. A risk analysis in English
// gets the English markers where language-neutral texts had personal
// values (see EnglishMarkers).
//
// The findings are not copied: each check's View shares them with the
// audited run and shows each one, as a reporter reads it, as the audience
// may see it (results.Check.FindingAt).
func (d Detailed) Run(lang string) (*results.Run, error) {
	if d.run == nil {
		return nil, errNotPrepared
	}
	var r results.Run
	if d.mask == nil {
		r = *viewCopy(d.run)
		maskInPlace(&r)
	} else {
		d.mask.Do(func() { maskInPlace(d.run) })
		r = *d.run
		r.Checks = slices.Clone(d.run.Checks)
	}
	en := lang == "en" && d.aud == results.AudienceRisk
	if en {
		r.Inputs = slices.Clone(r.Inputs)
		r.Rejects = slices.Clone(r.Rejects)
		r.Acceptances = slices.Clone(r.Acceptances)
		englishMarkers(&r)
	}
	var shown []results.List
	if d.shown != nil && r.Store != nil {
		var err error
		if shown, err = d.shown.get(&r, en, d.shower); err != nil {
			return nil, err
		}
	}
	for i := range r.Checks {
		c := &r.Checks[i]
		v := &results.FindingView{Findings: c.List(), Resolved: results.Slice(c.Resolved), Show: d.shower(c, en), Place: place}
		if shown != nil {
			// The findings are stored as shown; the resolved ones, of the
			// previous run, are few and in memory.
			show := v.Show
			v.Findings = shown[i]
			v.Show = func(f results.Finding, resolved bool) results.Finding {
				if resolved {
					return show(f, true)
				}
				return f
			}
			v.Place = func(f results.Finding) (string, string) { return f.Location, f.Group }
		}
		c.View = v
		c.Findings, c.Resolved, c.Stored = nil, nil, nil
	}
	return &r, nil
}

// get returns the findings of each check of r as shower shows them in
// language form en, written to r's store the first time.
func (sc *shownCache) get(r *results.Run, en bool, shower func(*results.Check, bool) func(results.Finding, bool) results.Finding) ([]results.List, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if l, ok := sc.lists[en]; ok {
		return l, nil
	}
	lists := make([]results.List, len(r.Checks))
	for i := range r.Checks {
		c := &r.Checks[i]
		show, from := shower(c, en), c.List()
		w := r.Store.NewSegment()
		for j := range from.Len() {
			f := show(from.At(j), false)
			if err := w.Add(&f); err != nil {
				return nil, err
			}
		}
		g, err := w.Done()
		if err != nil {
			return nil, err
		}
		lists[i] = g
	}
	if sc.lists == nil {
		sc.lists = map[bool][]results.List{}
	}
	sc.lists[en] = lists
	return lists, nil
}

// shower returns how the view shows a finding of check c: the audience's
// own transform, BSNs masked in every value that came from the audited
// data, and the English markers when en.
func (d Detailed) shower(c *results.Check, en bool) func(results.Finding, bool) results.Finding {
	own := d.show
	chk := &results.Check{ID: c.ID, Columns: c.Columns} // what the transforms read of it
	return func(f results.Finding, resolved bool) results.Finding {
		if own != nil {
			f = own(chk, f, resolved)
		}
		f = maskFinding(f)
		if en {
			f.File = EnglishMarkers.Replace(f.File)
			f.Values = mapCopy(f.Values, EnglishMarkers.Replace)
		}
		return f
	}
}

// place is a finding's location and group as every view shows them: the
// audiences' own transforms leave them alone, and maskFinding masks BSNs.
func place(f results.Finding) (location, group string) {
	return values.MaskBSNsInText(f.Location), values.MaskBSNsInText(f.Group)
}

// prepare wraps run, a private copy made for aud, to be masked in place
// at its first Run; show is the audience's own transform of each finding.
func prepare(run *results.Run, aud string, show func(*results.Check, results.Finding, bool) results.Finding) Detailed {
	return Detailed{run: run, aud: aud, show: show, mask: &sync.Once{}, shown: &shownCache{}}
}

// AssumePrepared wraps a run that the caller vouches was already prepared
// for aud: the reporters' own tests use it to write fixed fixtures. Code
// that writes reports for people uses Risk or FG.
func AssumePrepared(run *results.Run, aud string) Detailed {
	return Detailed{run: run, aud: aud}
}

// maskInPlace masks BSNs in r itself, in every value that came from the
// audited data but the findings (see maskFinding): rejected values and
// reasons, the reasons of checks that failed (an SQL error can quote a
// value) and the written parts of the accepted-risk register. File names
// are masked too: an export named after a child's BSN is not unheard of.
// Hashes are not: a SHA-256 in hex can hold nine digits in a row.
func maskInPlace(r *results.Run) {
	m := values.MaskBSNsInText
	r.SchemaVersion = results.SchemaVersion
	r.Policy = nonNil(r.Policy)
	r.Inputs = nonNil(r.Inputs)
	for i := range r.Inputs {
		in := &r.Inputs[i]
		in.File = m(in.File)
		in.Sheet = m(in.Sheet)
		in.SkippedColumns = mapStrings(in.SkippedColumns, m)
		if in.NeededColumns != nil { // a header named in it is export data
			in.NeededColumns = mapStrings(in.NeededColumns, m)
		}
		for j := range in.LinkWarnings {
			in.LinkWarnings[j] = maskText(in.LinkWarnings[j])
		}
	}
	r.Rejects = nonNil(r.Rejects)
	for i := range r.Rejects {
		rj := &r.Rejects[i]
		rj.File = m(rj.File)
		rj.Sheet = m(rj.Sheet)
		rj.Value = m(rj.Value)
		rj.Reason = maskText(rj.Reason)
	}
	r.Acceptances = nonNil(r.Acceptances)
	for i := range r.Acceptances {
		a := &r.Acceptances[i]
		a.Source = m(a.Source)
		a.RecordKey = m(a.RecordKey)
		a.Justification = m(a.Justification)
		a.LegalBasis = m(a.LegalBasis)
		a.ApprovedBy = m(a.ApprovedBy)
	}
	if r.Previous != nil {
		r.Previous.File = m(r.Previous.File)
	}
	r.Checks = nonNil(r.Checks)
	for i := range r.Checks {
		c := &r.Checks[i]
		if c.Reason != nil {
			*c.Reason = maskText(*c.Reason)
		}
		c.Columns = nonNil(c.Columns)
		c.ColumnLabels = nonNil(c.ColumnLabels)
		c.Warnings = nonNil(c.Warnings)
		for j := range c.Warnings {
			c.Warnings[j] = maskText(c.Warnings[j])
		}
	}
	r.Summarise()
}

// englishMarkers replaces the Dutch markers in the language-neutral texts
// of r but its findings (see Detailed.shower) by the English ones.
func englishMarkers(r *results.Run) {
	en := EnglishMarkers.Replace
	for i := range r.Inputs {
		r.Inputs[i].File = en(r.Inputs[i].File)
	}
	for i := range r.Rejects {
		r.Rejects[i].File, r.Rejects[i].Value = en(r.Rejects[i].File), en(r.Rejects[i].Value)
	}
	for i := range r.Acceptances {
		a := &r.Acceptances[i]
		a.RecordKey, a.Source, a.Justification, a.LegalBasis, a.ApprovedBy = en(a.RecordKey), en(a.Source), en(a.Justification), en(a.LegalBasis), en(a.ApprovedBy)
	}
}

// maskFinding masks BSNs in every value of f that came from the audited
// data. f's Values are copied when a value changes, never changed in place;
// nil Values become empty ones.
func maskFinding(f results.Finding) results.Finding {
	m := values.MaskBSNsInText
	f.Key = m(f.Key)
	f.RecordKey = m(f.RecordKey)
	f.File = m(f.File)
	f.Location = m(f.Location)
	f.Group = m(f.Group)
	f.Message = maskText(f.Message)
	f.Values = nonNil(mapCopy(f.Values, m))
	return f
}

// viewCopy copies run for a view: a deep copy (results.Run.Clone) but for
// the checks' findings and resolved findings, which the copy shares with
// run. A view never changes them: it shows each one through
// results.Check.View (see Detailed.Run).
func viewCopy(run *results.Run) *results.Run {
	head := *run
	head.Checks = make([]results.Check, len(run.Checks))
	for i, c := range run.Checks {
		c.Findings, c.Resolved = nil, nil
		head.Checks[i] = c
	}
	if run.Checks == nil {
		head.Checks = nil
	}
	out := head.Clone()
	for i := range out.Checks {
		out.Checks[i].Findings, out.Checks[i].Resolved = run.Checks[i].Findings, run.Checks[i].Resolved
	}
	return out
}

// mapCopy returns in with fn applied to each element: in itself when fn
// changes none, else a copy. nil stays nil.
func mapCopy(in []string, fn func(string) string) []string {
	var out []string
	for i, s := range in {
		t := fn(s)
		if out == nil && t == s {
			continue
		}
		if out == nil {
			out = slices.Clone(in)
		}
		out[i] = t
	}
	if out == nil {
		return in
	}
	return out
}

// nonNil returns s, or an empty slice for nil: the JSON form writes [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// mapStrings applies fn to each element of in, in place, and returns in, never nil.
func mapStrings(in []string, fn func(string) string) []string {
	in = nonNil(in)
	for i, s := range in {
		in[i] = fn(s)
	}
	return in
}
