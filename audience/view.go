package audience

import (
	"errors"
	"reflect"
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
	run *results.Run
	aud string
	// mask, set by Risk and FG, whose run is a private copy, masks it in
	// place once, at the first Run: Run need not copy it again.
	mask *sync.Once
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
func (d Detailed) Run(lang string) (*results.Run, error) {
	if d.run == nil {
		return nil, errNotPrepared
	}
	if d.mask == nil {
		r := masked(d.run)
		if lang == "en" && d.aud == results.AudienceRisk {
			englishMarkers(r)
		}
		return r, nil
	}
	d.mask.Do(func() { maskInPlace(d.run) })
	// A view made by Risk or FG is masked once: the copy shares its findings (reporters only read them), and only the
	// English risk analysis gets findings of its own, with English
	// markers.
	r := *d.run
	r.Checks = slices.Clone(d.run.Checks)
	if lang == "en" && d.aud == results.AudienceRisk {
		r.Inputs = slices.Clone(r.Inputs)
		r.Rejects = slices.Clone(r.Rejects)
		r.Acceptances = slices.Clone(r.Acceptances)
		for i := range r.Checks {
			c := &r.Checks[i]
			c.Findings = cloneFindings(c.Findings)
			c.Resolved = cloneFindings(c.Resolved)
		}
		englishMarkers(&r)
	}
	return &r, nil
}

// prepare wraps run, a private copy made for aud, to be masked in place
// at its first Run.
func prepare(run *results.Run, aud string) Detailed {
	return Detailed{run: run, aud: aud, mask: &sync.Once{}}
}

// cloneFindings copies fs and the values of each finding (the parts
// englishMarkers changes), never nil.
func cloneFindings(fs []results.Finding) []results.Finding {
	out := make([]results.Finding, len(fs))
	copy(out, fs)
	for i := range out {
		out[i].Values = slices.Clone(out[i].Values)
	}
	return out
}

// AssumePrepared wraps a run that the caller vouches was already prepared
// for aud: the reporters' own tests use it to write fixed fixtures. Code
// that writes reports for people uses Risk or FG.
func AssumePrepared(run *results.Run, aud string) Detailed {
	return Detailed{run: run, aud: aud}
}

// masked is a copy of run with BSNs masked in every value that came from
// the audited data: values of findings, messages, locations and keys,
// rejected values and reasons, the reasons of checks that failed (an SQL
// error can quote a value) and the written parts of the accepted-risk
// register. File names are masked too: an export named after a child's
// BSN is not unheard of. Hashes are not: a SHA-256 in hex can hold nine
// digits in a row.
func masked(run *results.Run) *results.Run {
	r := run.Clone()
	maskInPlace(r)
	return r
}

// maskInPlace does what masked does, to r itself.
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
		c.Findings = maskFindings(c.Findings)
		c.Resolved = maskFindings(c.Resolved)
	}
	r.Summarise()
}

// englishMarkers replaces the Dutch markers in the language-neutral texts
// of r by the English ones.
func englishMarkers(r *results.Run) {
	en := EnglishMarkers.Replace
	for i := range r.Checks {
		for _, fs := range [][]results.Finding{r.Checks[i].Findings, r.Checks[i].Resolved} {
			for j := range fs {
				fs[j].File = en(fs[j].File)
				fs[j].Values = mapStrings(fs[j].Values, en)
			}
		}
	}
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

// maskFindings masks BSNs in every value of fs that came from the audited
// data and returns the result, never nil: fs itself when nothing changed
// (see rewrite).
func maskFindings(fs []results.Finding) []results.Finding {
	m := values.MaskBSNsInText
	return rewrite(nonNil(fs), func(f results.Finding) results.Finding {
		f.Key = m(f.Key)
		f.RecordKey = m(f.RecordKey)
		f.File = m(f.File)
		f.Location = m(f.Location)
		f.Group = m(f.Group)
		f.Message = maskText(f.Message)
		f.Values = nonNil(mapCopy(f.Values, m))
		return f
	})
}

// viewCopy copies run for a view: a deep copy (results.Run.Clone) but for
// the checks' findings and resolved findings, which the copy shares with
// run. A view changes them only through rewrite, never in place.
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

// rewrite returns fs with fn applied to each finding: fs itself when fn
// changes none (fn gets a copy and must not change its Values in place;
// see mapCopy), else a new slice that shares the findings fn left alone.
// Findings a view shares with the run it came from stay as they were.
func rewrite(fs []results.Finding, fn func(results.Finding) results.Finding) []results.Finding {
	var out []results.Finding
	for i := range fs {
		f := fn(fs[i])
		if out == nil && sameFinding(&f, &fs[i]) {
			continue
		}
		if out == nil {
			out = make([]results.Finding, len(fs))
			copy(out, fs[:i])
		}
		out[i] = f
	}
	if out == nil {
		return fs
	}
	return out
}

// sameFinding reports whether a and b are equal in every field, a field
// added to results.Finding too.
func sameFinding(a, b *results.Finding) bool {
	return reflect.DeepEqual(a, b)
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
